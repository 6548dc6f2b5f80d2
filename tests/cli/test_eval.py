"""`ficshelf eval` end to end on synthetic gold files, and on the real seeds with perfect predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from ficshelf.cli.main import cli

SEED_GOLD = {
    "works": {
        "001_spar.txt": {
            "fandom": "Naruto",
            "characters": {"main": ["Rock Lee", "Gaara"], "mentioned": ["Maito Gai"]},
            "relationships": {"main": [{"pair": ["Gaara", "Rock Lee"], "kind": "romantic"}], "background": []},
            "category": ["M/M"],
            "rating": "Teen And Up Audiences",
            "archive_warnings": ["No Archive Warnings Apply"],
            "quotes": [{"starts": "Again", "speaker": "Rock Lee"}, {"starts": "Fine", "speaker": "Gaara"}],
        },
        "002_rain.txt": {
            "fandom": "Naruto",
            "characters": {"main": ["Hyuuga Neji"], "mentioned": []},
            "relationships": {"main": [], "background": []},
            "category": ["Gen"],
            "rating": "General Audiences",
            "archive_warnings": ["No Archive Warnings Apply"],
            "quotes": [],
        },
    }
}
SEED_PRED = [
    {
        "id": "001_spar",
        "fandoms": [{"name": "Naruto", "score": 1.0}],
        "characters": [
            {"name": "Rock Lee", "role": "main"},
            {"name": "Gaara (Naruto)", "role": "main"},
            {"name": "Might Guy", "role": "main"},
        ],
        "relationships": [{"characters": ["Rock Lee", "Gaara"], "kind": "romantic", "role": "main"}],
        "category": ["M/M"],
        "rating": "Mature",
        "archive_warnings": ["No Archive Warnings Apply"],
        "quotes": [{"text": '"Again," Lee said', "speaker": "Rock Lee", "start": 0, "end": 9}],
    }
]
TAG_GOLD = [
    {
        "id": "t1",
        "fandoms": ["Naruto"],
        "characters": ["Rock Lee", "Original Female Character(s)", "Neji Hyuuga"],
        "relationships": ["Hyuuga Neji/Rock Lee", "Rock Lee & Original Female Character(s)"],
        "categories": ["M/M"],
        "rating": "Explicit",
        "archive_warnings": ["No Archive Warnings Apply"],
        "language": "English",
    },
    {
        "id": "t2",
        "fandoms": ["Harry Potter - J. K. Rowling"],
        "characters": ["Harry Potter"],
        "relationships": [],
        "categories": ["Gen"],
        "rating": "Not Rated",
        "archive_warnings": [],
        "language": "English",
    },
    {
        "id": "t3",
        "fandoms": ["One Piece"],
        "characters": ["Nami"],
        "relationships": [],
        "categories": ["Gen"],
        "rating": "Mature",
        "archive_warnings": [],
        "language": "English",
    },
]
TAG_PRED = [
    {
        "id": "t1",
        "fandoms": [{"name": "Naruto"}],
        "characters": [{"name": "Rock Lee"}, {"name": "Hyuga Neji"}],
        "relationships": [{"characters": ["Neji Hyuuga", "Rock Lee"], "kind": "romantic"}],
        "category": ["M/M"],
        "rating": "Mature",
        "archive_warnings": ["No Archive Warnings Apply"],
    },
    {"id": "t2", "fandoms": [{"name": "Naruto"}], "rating": "Explicit"},
    {"id": "other", "fandoms": []},
]


def _write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _eval(*args: str) -> Any:
    return CliRunner().invoke(cli, ["eval", *args])


def _metrics(*args: str) -> dict[str, Any]:
    result = _eval(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_seeds_style_gold(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps(SEED_GOLD), encoding="utf-8")
    pred = _write_jsonl(tmp_path / "pred.jsonl", SEED_PRED)
    data = _metrics(str(tmp_path / "gold.json"), "--pred", str(pred))
    m = data["metrics"]
    assert data["gold_kind"] == "seeds" and data["works"] == 2 and data["works_without_prediction"] == 1
    assert m["fandom top-1"] == {"accuracy": 0.5, "support": 2, "correct": 1, "total": 2}
    assert (m["characters"]["tp"], m["characters"]["predicted"], m["characters"]["gold"]) == (3, 3, 4)
    assert m["characters"]["f1"] == round(2 * 1.0 * 0.75 / 1.75, 4)
    assert (m["characters (main)"]["precision"], m["characters (main)"]["recall"]) == (0.6667, 0.6667)
    assert m["characters (mentioned)"]["recall"] == 0.0
    assert m["relationships (main)"]["f1"] == 1.0
    assert m["category"]["recall"] == 0.5 and m["category"]["precision"] == 1.0
    assert m["rating"]["accuracy"] == 0.0 and m["rating (within one)"]["accuracy"] == 0.5
    assert m["quote speakers"] == {"accuracy": 0.5, "support": 2, "correct": 1, "total": 2}
    assert data["quotes_found"] == 1

    text = _eval(str(tmp_path / "gold.json"), "--pred", str(pred))
    assert text.exit_code == 0, text.output
    assert "1 gold works had no prediction" in text.stdout
    assert "quote speakers: 1 of 2 gold quotes found" in text.stdout
    assert "0.857" in text.stdout  # characters F1


def test_jsonl_gold_with_authors_tags(tmp_path: Path) -> None:
    gold = _write_jsonl(tmp_path / "gold.jsonl", TAG_GOLD)
    pred = _write_jsonl(tmp_path / "pred.jsonl", TAG_PRED)
    data = _metrics(str(gold), "--pred", str(pred))
    m = data["metrics"]
    assert data["gold_kind"] == "tags"
    assert data["works_without_prediction"] == 1 and data["predictions_without_gold"] == 1
    assert (m["fandom top-1"]["correct"], m["fandom top-1"]["total"]) == (1, 3)
    assert (m["fandom top-1 (outside HP/FB)"]["correct"], m["fandom top-1 (outside HP/FB)"]["total"]) == (1, 2)
    assert (m["characters"]["tp"], m["characters"]["predicted"], m["characters"]["gold"]) == (2, 2, 4)
    assert (m["relationships"]["tp"], m["relationships"]["predicted"], m["relationships"]["gold"]) == (1, 1, 2)
    assert (m["rating"]["correct"], m["rating"]["total"], data["rating_not_rated_skipped"]) == (0, 2, 1)
    assert m["rating (within one)"]["correct"] == 1
    assert m["archive warnings"]["f1"] == 1.0
    assert "quote speakers" not in m

    text = _eval(str(gold), "--pred", str(pred))
    assert "1 predictions matched no gold work" in text.stdout
    assert "rating: 1 gold works Not Rated" in text.stdout


def test_unreadable_inputs_exit_2(tmp_path: Path) -> None:
    missing = _eval(str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "FS200" in missing.stderr
    gold = _write_jsonl(tmp_path / "gold.jsonl", TAG_GOLD)
    (tmp_path / "bad.jsonl").write_text('{"id": "t1"}\nnot json\n', encoding="utf-8")
    bad = _eval(str(gold), "--pred", str(tmp_path / "bad.jsonl"))
    assert bad.exit_code == 2 and "bad.jsonl:2" in bad.stderr and len(bad.stderr.splitlines()) == 1
    (tmp_path / "junk.json").write_text("[1, 2]", encoding="utf-8")
    assert _eval(str(tmp_path / "junk.json")).exit_code == 2


def test_without_pred_it_analyses_the_gold_works(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps(SEED_GOLD), encoding="utf-8")
    (tmp_path / "001_spar.txt").write_text('"Again," Lee said.\n\n"Fine," Gaara said.\n', encoding="utf-8")
    result = _eval(str(tmp_path / "gold.json"), "--no-progress", "--format", "json")
    assert result.exit_code == 1  # 002_rain.txt is missing: one line, the rest is still scored
    assert "002_rain.txt" in result.stderr
    data = json.loads(result.stdout)
    assert data["works"] == 2 and data["works_without_prediction"] == 1

    records = [dict(r, text="Lee ran laps around the training field until the sun went down.") for r in TAG_GOLD]
    gold = _write_jsonl(tmp_path / "tags.jsonl", records)
    data = _metrics(str(gold), "--no-progress")
    assert data["works"] == 3 and data["works_without_prediction"] == 0


def _perfect(gold: dict[str, Any]) -> list[dict[str, Any]]:
    records = []
    for name, work in gold.items():
        rels = [
            dict(characters=r["pair"], kind=r["kind"], role=role)
            for role in ("main", "background")
            for r in work["relationships"][role]
        ]
        records.append(
            {
                "id": name.removesuffix(".txt"),
                "fandoms": [{"name": work["fandom"], "score": 1.0}],
                "characters": [
                    {"name": n, "role": role} for role in ("main", "mentioned") for n in work["characters"][role]
                ],
                "relationships": rels,
                "category": work["category"],
                "rating": work["rating"],
                "archive_warnings": work["archive_warnings"],
                "quotes": [{"text": q["starts"] + " …", "speaker": q["speaker"]} for q in work["quotes"]],
            }
        )
    return records


def test_real_seeds_with_perfect_predictions(seeds_gold: dict[str, Any], seeds_dir: Path, tmp_path: Path) -> None:
    pred = _write_jsonl(tmp_path / "pred.jsonl", _perfect(seeds_gold))
    data = _metrics(str(seeds_dir / "gold.json"), "--pred", str(pred))
    assert data["works"] == len(seeds_gold) and data["works_without_prediction"] == 0
    assert data["quotes_found"] == data["quotes_total"] > 0
    for name, row in data["metrics"].items():
        assert row["support"] > 0, name
        assert row.get("f1", row.get("accuracy")) == 1.0, name
