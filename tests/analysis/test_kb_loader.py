"""Loader rules of the knowledge base (docs/knowledge-base.md): ships, short synonyms, family-only names,
umbrellas and sizes, and files that extend a fandom."""

from __future__ import annotations

from pathlib import Path

from ficshelf.analysis.kb import load


def _kb(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


FANDOM = """
fandom: Test Fandom
works: 1200
umbrellas: [Test Fandom & Related Fandoms]
characters:
  - name: Ann Lee
    gender: f
    given: Ann
    family: Lee
  - name: Bo Kim
    gender: m
    synonyms: ["Kim Bo | RM"]
    aliases: [Bo-kun]
  - name: Gilderoy Lockhart
    gender: m
    family: Lockhart
  - name: Cy
    gender: m
    aliases: [Cyrus]
ships:
  - names: [AnnBoCy]
    characters: [Ann Lee, Bo Kim, Cy]
    kind: romantic
"""


def test_ship_of_three_keeps_every_member(tmp_path: Path) -> None:
    fandom = load([_kb(tmp_path, FANDOM)]).fandoms["Test Fandom"]
    (ship,) = fandom.ships
    assert ship.characters == ("Ann Lee", "Bo Kim", "Cy")
    assert ship.pairs == [("Ann Lee", "Bo Kim"), ("Ann Lee", "Cy"), ("Bo Kim", "Cy")]


def test_two_letter_synonym_is_ambiguous_like_a_two_letter_alias(tmp_path: Path) -> None:
    bo = load([_kb(tmp_path, FANDOM)]).fandoms["Test Fandom"].characters["Bo Kim"]
    assert "rm" in bo.ambiguous and "rm" not in bo.names
    assert "kim bo" in bo.names and "bo-kun" in bo.names


def test_family_name_without_given_name_is_an_alias(tmp_path: Path) -> None:
    lockhart = load([_kb(tmp_path, FANDOM)]).fandoms["Test Fandom"].characters["Gilderoy Lockhart"]
    assert "lockhart" in lockhart.names


def test_umbrella_and_size(tmp_path: Path) -> None:
    kb = load([_kb(tmp_path, FANDOM)])
    fandom = kb.fandom("test fandom & related fandoms")
    assert fandom is not None and fandom.name == "Test Fandom" and fandom.works == 1200


def test_a_later_file_extends_a_fandom(tmp_path: Path) -> None:
    _kb(tmp_path, FANDOM, "a.yaml")
    _kb(
        tmp_path,
        "fandom: Test Fandom\nvocabulary: [Skyhold]\ncharacters:\n  - name: Cy\n    aliases: [Cyr]\n",
        "b.yaml",
    )
    fandom = load([tmp_path]).fandoms["Test Fandom"]
    assert fandom.vocabulary == ["Skyhold"]
    assert {"cyrus", "cyr"} <= fandom.characters["Cy"].names and fandom.characters["Cy"].gender == "m"
