"""The fandom rows of `ficshelf eval`: any gold fandom counts, the two outside-Harry-Potter definitions,
and gold read from a folder of archive pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import cli
from ficshelf.evaluation.fandoms import NON_HP_PART, OUTSIDE, TOP1, is_hp_fb, score_fandoms
from ficshelf.evaluation.gold import PAGES, load_gold
from ficshelf.evaluation.metrics import Report
from ficshelf.evaluation.names import default_matcher

FIXTURE = Path(__file__).parents[1] / "ingest" / "fixtures" / "ao3_download.html"
HP = "Harry Potter - J. K. Rowling"


def _rows(gold: list[str], predicted: list[str]) -> dict[str, tuple[int, int]]:
    report = Report("tags")
    score_fandoms(report, gold, predicted, default_matcher())
    return {name: (row.correct, row.total) for name, row in report.rows.items() if hasattr(row, "correct")}


def test_any_gold_fandom_is_right_for_top1() -> None:
    assert _rows([HP, "Naruto"], ["Naruto", HP])[TOP1] == (1, 1)
    assert _rows([HP, "Naruto"], ["One Piece (Anime & Manga)"])[TOP1] == (0, 1)


def test_hp_family_is_recognised_through_the_knowledge_base() -> None:
    m = default_matcher()
    assert is_hp_fb("Harry Potter - Fandom", m) and is_hp_fb("Fantastic Beasts (Movies)", m)
    assert is_hp_fb("Wizarding World", m)  # a synonym the knowledge base files under Harry Potter
    assert not is_hp_fb("Naruto", m)


def test_outside_rows() -> None:
    crossover = _rows([HP, "Naruto"], [HP, "Naruto"])
    assert OUTSIDE not in crossover  # a crossover with Harry Potter is not outside it
    assert crossover[NON_HP_PART] == (1, 1)  # but its first non-HP prediction is scored on the other fandom
    assert _rows([HP, "Naruto"], [HP])[NON_HP_PART] == (0, 1)
    alone = _rows(["Sherlock Holmes & Related Fandoms"], ["Sherlock (TV)"])  # an umbrella tag matches
    assert alone[OUTSIDE] == (1, 1) and alone[NON_HP_PART] == (1, 1)
    assert NON_HP_PART not in _rows([HP], [HP])


def test_gold_from_a_folder_of_pages(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(FIXTURE, pages / "chapter1.html")
    shutil.copy(FIXTURE, pages / "chapter2.html")  # another page of the same work counts once
    (pages / "notes.txt").write_text("", encoding="utf-8")  # an empty file: skipped with its reason
    gold = load_gold(pages)
    assert gold.kind == PAGES and len(gold.works) == 1 and len(gold.skipped) == 1
    (work,) = gold.works.values()
    assert "Original Work" in work.fandoms and work.rating == "General Audiences"
    assert "Keeper (Original)" in work.characters
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": work.id, "fandoms": [{"name": "Original Work"}]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(pages), "--pred", str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output)["metrics"]
    assert metrics[TOP1]["accuracy"] == 1.0 and metrics[OUTSIDE]["total"] == 1
