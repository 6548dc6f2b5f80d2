"""Structure recovery on the four sample works, compared with the hand-made labels in ../shared/seeds/gold.json.

The works are read from ../shared at run time (never copied into the repository).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from ficshelf.analysis.analysers.structure import Structure, recover_structure

SEEDS = [
    "000_5a336f1498b6a8dd.txt",
    "001_ec05fc822d4404d6.txt",
    "002_0ee3de6d8926c1b0.txt",
    "003_26cd545e583fe399.txt",
]


def _recover(seeds_dir: Path, name: str) -> Structure:
    return recover_structure((seeds_dir / name).read_text(encoding="utf-8"))


@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_structure_matches_gold(name: str, seeds_dir: Path, seeds_gold: dict[str, Any]) -> None:
    gold = seeds_gold[name]
    found = _recover(seeds_dir, name)

    chapters = [{"number": c.number, "title": c.title, "heading_line": c.line} for c in found.chapters]
    assert chapters == gold["chapters"]
    assert [note.text for note in found.notes_beginning] == gold["notes_beginning"]
    assert [note.text for note in found.notes_end] == gold["notes_end"]
    lyrics = [{"first_line": block.first_line, "lines": block.lines} for block in found.lyric_blocks]
    assert lyrics == gold["lyric_blocks"]
    assert [header.text for header in found.section_headers] == gold["section_headers"]
    assert len(found.scene_breaks) == gold["scene_breaks"]


@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_seed_offsets_point_into_the_text(name: str, seeds_dir: Path) -> None:
    text = (seeds_dir / name).read_text(encoding="utf-8")
    found = recover_structure(text)
    for span in (
        *found.paragraphs,
        *found.notes_beginning,
        *found.notes_end,
        *found.section_headers,
        *found.scene_breaks,
    ):
        assert text[span.start : span.end] == span.text
    for chapter in found.chapters:
        assert text[chapter.start : chapter.end].startswith(chapter.line)
    for block in found.lyric_blocks:
        assert block.first_line in text[block.start : block.end]
        assert text[block.start : block.end].count("\n") == block.lines - 1
    assert found.paragraphs, "every seed has story paragraphs"


@pytest.mark.corpus
@pytest.mark.parametrize("name", SEEDS)
def test_seed_regions_do_not_overlap(name: str, seeds_dir: Path) -> None:
    found = _recover(seeds_dir, name)
    regions = sorted(
        [(s.start, s.end) for s in (*found.paragraphs, *found.notes_beginning, *found.notes_end)]
        + [(s.start, s.end) for s in (*found.section_headers, *found.scene_breaks)]
        + [(c.start, c.end) for c in found.chapters]
        + [(b.start, b.end) for b in found.lyric_blocks]
    )
    for (_, end), (start, _) in itertools.pairwise(regions):
        assert end <= start
