"""An EPUB exported by ficshelf and imported again is the same work: chapters, titles, notes, summaries, tags,
series and stats (notes and summaries come back as text, sanitised as the export wrote them)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.epub import work_to_epub
from ficshelf.ingest.epub import read
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Chapter, Work
from ficshelf.posting import draft_from_doc, prepare

WORDS = re.compile(r"\w+")


def round_trip(work: Work) -> Work:
    return read(work_to_epub(work), "again.epub")[0]


def test_a_multi_chapter_work_comes_back_whole(work: Work) -> None:
    back = round_trip(work)
    assert back.title == work.title and back.authors == work.authors and back.language == "en"
    assert back.summary == "Mira finds a letter.\n\nTomas knows a song. Slow burn."
    assert back.tags == work.tags  # every kind, in AO3's order, not flattened into dc:subject freeforms
    assert back.series == work.series
    assert {k: back.source_stats[k] for k in ("published", "updated", "words")} == work.source_stats
    assert back.complete is True
    assert back.notes_beginning == ["Thanks to my beta!\n\nclick kept"]  # the hostile note, sanitised
    assert back.notes_end == work.notes_end
    assert [(c.number, c.title, c.summary) for c in back.chapters] == [
        (c.number, c.title, c.summary) for c in work.chapters
    ]
    for before, after in zip(work.chapters, back.chapters, strict=True):
        assert after.text == before.text
        assert after.notes_beginning == before.notes_beginning and after.notes_end == before.notes_end
    assert "Notes:" not in "".join(c.text for c in back.chapters)


def test_a_one_shot_keeps_its_notes_as_the_works_and_no_chapter_title() -> None:
    work = Work(
        id="one-shot",
        source="tests",
        title="Folded Wishes",
        authors=["quillfeather"],
        notes_beginning=["First note.", "Second note, with <em>emphasis</em>."],
        notes_end=["Thanks for reading!"],
        chapters=[Chapter(1, text="Mira folded a paper crane.\n\nTomas folded another.")],
        complete=False,
    )
    back = round_trip(work)
    assert back.notes_beginning == ["First note.", "Second note, with emphasis."]
    assert back.notes_end == ["Thanks for reading!"]
    assert [(c.title, c.text) for c in back.chapters] == [("", "Mira folded a paper crane.\n\nTomas folded another.")]
    assert back.complete is False and back.source_stats["chapters"] == "1/?"


def test_suggested_tags_on_the_title_page_do_not_come_back_as_the_authors() -> None:
    text = (
        "Sakura Haruno waited under the cherry tree while Naruto Uzumaki ran across the training field.\n\n"
        '"You\'re late again," Sakura said. Naruto laughed, and Kakashi-sensei waved from the gate.'
    )
    doc = default_pipeline().run(Work(id="raw", source="tests", chapters=[Chapter(1, text=text)]))
    data = work_to_epub(doc.work, doc)
    assert b"suggested by ficshelf" in b"".join(_members(data))
    back = read(data, "again.epub")[0]
    assert back.tags == []


def test_a_posted_raw_text_exported_and_imported_again_keeps_its_notes() -> None:
    text = (
        "A/N: My first story here, please be kind!\n\n"
        "Lee ran the laps around the village gate, counting each one out loud.\n\n"
        "Gai watched him from the wall and cheered every tenth lap.\n\n"
        "A/N: Thanks for reading! Review please!"
    )
    draft = prepare(Work(id="gate", source="gate.txt", chapters=[Chapter(1, text=text)], needs_structure=True))
    back = round_trip(draft.work)
    assert back.notes_beginning == ["A/N: My first story here, please be kind!"]
    assert back.notes_end == ["A/N: Thanks for reading! Review please!"]
    assert back.chapters[0].text == draft.work.chapters[0].text
    assert prepare(back).work.notes_beginning == back.notes_beginning  # and posting it again keeps them


@pytest.mark.corpus
def test_the_seeds_survive_export_and_import(seeds_dir: Path) -> None:
    for item in read_paths(sorted(seeds_dir.glob("*.txt"))):
        assert item.work is not None
        draft = draft_from_doc(default_pipeline().run(item.work))
        back = round_trip(draft.work)
        assert back.title == draft.work.title, item.source
        assert (back.notes_beginning, back.notes_end) == (draft.work.notes_beginning, draft.work.notes_end)
        assert len(back.chapters) == len(draft.work.chapters)
        for before, after in zip(draft.work.chapters, back.chapters, strict=True):
            assert WORDS.findall(after.text) == WORDS.findall(before.text), item.source
            assert after.title == before.title


def _members(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return [book.read(name) for name in book.namelist()]
