"""Drafts: a raw-text work is cut at its recovered headings and its notes leave the story text."""

from __future__ import annotations

from ficshelf.ingest.text import work_from_text
from ficshelf.model import TagKind
from ficshelf.posting import prepare

TEXT = (
    "A/N: My first story here, please review!\n\n"
    "Chapter 1 – The Gate\n\n"
    "Lee ran the laps around the village gate, counting each one out loud.\n\n"
    "Gai watched him from the wall and cheered every tenth lap.\n\n"
    "Chapter 2 – The Rain\n\n"
    "The rain came in the evening. Lee kept running while Gai held an umbrella over nobody.\n\n"
    "A/N: Thanks for reading! Review please!"
)


def test_raw_text_becomes_chapters_with_notes_outside_the_text() -> None:
    draft = prepare(work_from_text(TEXT, "gate.txt"))
    work = draft.work
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Gate"), (2, "The Rain")]
    assert work.notes_beginning == ["A/N: My first story here, please review!"]
    assert work.notes_end == ["A/N: Thanks for reading! Review please!"]
    assert work.chapters[0].text.startswith("Lee ran the laps") and work.chapters[0].text.endswith("tenth lap.")
    assert "A/N" not in work.chapters[1].text and "Chapter" not in work.chapters[1].text
    assert work.title == "Gate"  # no title given, several chapters: the file name's words
    assert work.language == "en"
    names = {(s.kind, s.name) for s in draft.suggested}
    assert (TagKind.CHARACTER, "Rock Lee") in names
    assert all(s.score is not None for s in draft.suggested)
