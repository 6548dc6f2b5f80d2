"""The built-in knowledge base: every file valid, every ship's characters present, names usable."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.analysis.kb import builtin_dir, load, load_file
from ficshelf.errors import KnowledgeBaseError

FILES = sorted(builtin_dir().glob("*.yaml"))


def test_at_least_25_fandoms() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_file_is_valid_and_consistent(path: Path) -> None:
    data = load_file(path)
    names = [c["name"] for c in data["characters"]]
    assert len(names) == len(set(names)), "duplicate character names"
    for ship in data.get("ships", []):
        assert set(ship["characters"]) <= set(names), ship["names"]


def test_aliases_and_honorific_free_names() -> None:
    kb = load()
    neji = kb.character("Hyuuga Neji")
    assert neji is not None and {"neji", "neji hyuuga", "hyuuga neji"} <= neji.names
    gaara = kb.character("Gaara (Naruto)")
    assert gaara is not None and "the kazekage" in gaara.titles
    assert kb.fandom("NARUTO | ナルト") is not None or kb.fandom("Naruto") is not None


def test_bad_file_gives_coded_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("fandom: X\ncharacters:\n  - gender: m\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load([tmp_path])
    assert err.value.code == "FS300" and "bad.yaml" in str(err.value)
