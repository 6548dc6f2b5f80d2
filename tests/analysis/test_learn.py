"""`ficshelf learn`: mining tagged works, and the round trip that drops a fandom from the knowledge base,
learns it back from dev.jsonl and detects it again (reads ../shared at run time)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ficshelf.analysis.analysers.basic import LanguageAnalyser, StructureAnalyser
from ficshelf.analysis.analysers.fandom import FandomAnalyser
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import builtin_dir, load
from ficshelf.analysis.learning import TaggedWork, learn, tagged_work
from ficshelf.analysis.learning.corpus import tag_names
from ficshelf.cli.main import cli
from ficshelf.ingest.sources import read_paths
from ficshelf.model import TagKind


def _work(i: int, fandom: str, characters: list[str], terms: set[str], words: set[str] = frozenset()) -> TaggedWork:
    return TaggedWork(f"w{i}", [fandom], characters, terms=set(terms), words=set(words))


def test_tag_names() -> None:
    assert tag_names("Tom Riddle | Voldemort") == ["Tom Riddle", "Voldemort"]
    assert tag_names("Gaara (Naruto)") == ["Gaara"]


def test_learns_a_new_fandom_from_tagged_works() -> None:
    kb = load([builtin_dir()])
    isles = [
        _work(i, "Skyreach Isles", ["Wren Halloway"], {"Wren", "Aerie", "Stormglass"}, {"windcraft"}) for i in range(6)
    ]
    others = [_work(10 + i, "Harry Potter - J. K. Rowling", ["Harry Potter"], {"Harry", "Hogwarts"}) for i in range(12)]
    learned = learn(isles + others, kb)
    data = learned.new["skyreach_isles"]
    assert data["fandom"] == "Skyreach Isles"
    assert {"Aerie", "Stormglass", "windcraft"} <= set(data["vocabulary"])
    (wren,) = data["characters"]
    assert wren["name"] == "Wren Halloway" and "Wren" in wren["aliases"]
    assert "Hogwarts" not in data["vocabulary"]
    assert not learned.extensions  # nothing new about Harry Potter


@pytest.fixture(scope="module")
def naruto_round_trip(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The built-in knowledge base less Naruto, and what `learn` writes from dev.jsonl with it."""
    without = tmp_path_factory.mktemp("kb_without_naruto")
    for path in builtin_dir().glob("*.yaml"):
        if not path.name.startswith("naruto"):
            shutil.copy(path, without / path.name)
    works = [w for item in read_paths([corpus_dir / "dev.jsonl"]) if item.work and (w := tagged_work(item.work))]
    out = tmp_path_factory.mktemp("learned")
    for stem, data in learn(works, load([without])).new.items():
        (out / f"{stem}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return without, out


def test_dropped_fandom_is_learned_back_and_detected(naruto_round_trip: tuple[Path, Path], corpus_dir: Path) -> None:
    without, out = naruto_round_trip
    assert (out / "naruto.yaml").is_file()
    kb = load([without, out])  # every learned file passes the schema
    assert "Naruto" in kb.fandoms and kb.fandoms["Naruto"].characters and kb.fandoms["Naruto"].vocabulary
    analyse = [StructureAnalyser(), LanguageAnalyser(), FandomAnalyser(kb)]
    baseline = FandomAnalyser(load([without]))
    found = total = false = others = before = 0
    for item in read_paths([corpus_dir / "dev.jsonl"]):
        if item.work is None:
            continue
        doc = Doc.from_work(item.work)
        for step in analyse:
            step(doc)
        predicted = [f.name for f in doc.fandoms]
        if "Naruto" in item.work.tag_names(TagKind.FANDOM):
            total += 1
            found += "Naruto" in predicted
            plain = Doc.from_work(item.work)
            baseline(plain)
            before += "Naruto" in [f.name for f in plain.fandoms]
        else:
            others += 1
            false += "Naruto" in predicted
    assert total >= 10 and before == 0
    assert found >= 0.6 * total
    assert false <= 0.02 * others


def test_learn_command_writes_loadable_files(tmp_path: Path) -> None:
    lines = [
        {
            "id": f"s{i}",
            "fandoms": ["Skyreach Isles"],
            "characters": ["Wren Halloway"],
            "text": "At dawn the crew met. Captain Wren Halloway checked the Stormglass by the Aerie rail.",
        }
        for i in range(3)
    ]
    corpus = tmp_path / "tagged.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "learned"
    result = CliRunner().invoke(cli, ["learn", str(corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 new fandoms" in result.output and f"FICSHELF_KNOWLEDGE_DIR={out}" in result.output
    kb = load([builtin_dir(), out])
    assert "Wren Halloway" in kb.fandoms["Skyreach Isles"].characters


def test_learn_command_without_tagged_works(tmp_path: Path) -> None:
    corpus = tmp_path / "plain.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "No tags here."}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["learn", str(corpus), "--out", str(tmp_path / "o"), "--no-progress"])
    assert result.exit_code == 2 and "FS310" in result.output
