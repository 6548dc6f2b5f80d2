"""Works whose file names no title still get one, never empty: a sure title line (cut from the story), the
only chapter's title, the file name's words, a title-like first line (left in the story), the first words."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.ingest.sources import read_blob, read_paths
from ficshelf.ingest.titles import UNTITLED, fallback_title, is_title_line, split_title, title_from_source
from ficshelf.model import Chapter, Work
from ficshelf.posting import prepare

STORY = "Sakura waited under the cherry tree.\n\nNaruto ran across the training field, late again."


def test_a_title_with_a_byline_is_the_works_title_and_author_and_leaves_the_text() -> None:
    for opening in ("Under the Cherry Tree\nby quillfeather", "Under the Cherry Tree\n\nBy: quillfeather"):
        work = next(read_blob(f"{opening}\n\n{STORY}".encode(), "/tmp/a1b2c3d4e5f6.txt")).work
        assert work is not None
        assert work.title == "Under the Cherry Tree" and work.authors == ["quillfeather"]
        assert work.chapters[0].text == STORY


def test_a_first_line_that_repeats_the_file_name_is_cut_from_the_story() -> None:
    work = next(read_blob(f"Under the Cherry Tree\n\n{STORY}".encode(), "under_the_cherry-tree.txt")).work
    assert work is not None and work.title == "Under the Cherry Tree" and work.chapters[0].text == STORY


def test_a_title_field_in_the_front_matter_is_the_title_and_stays_with_the_notes() -> None:
    text = f'Title: "Paper Cranes"\nRating: T\nPairing: Naruto/Sakura\n\n{STORY}'
    opening = split_title(text)
    assert opening.title == "Paper Cranes" and opening.text == text


def test_an_unsure_first_line_is_never_cut_from_the_story() -> None:
    for first in ("Darkness", "March 2018", "September 19th, 2002", "- Sakura -", "Chapter 1: The Storm"):
        text = f"{first}\n\n{STORY}"
        assert split_title(text, "notes.txt") == split_title(text) == split_title(text, "")
        assert split_title(text).text == text and not split_title(text).title
    story = "Lanterns\n\nBy the time she came home it was dark\n\nShe lit the lamp."
    assert split_title(story) == split_title(story, "x.txt") and split_title(story).text == story


@pytest.mark.parametrize(
    ("line", "title_like"),
    [
        ("Under the Cherry Tree", True),
        ("crooked stars (line up for your destiny)", True),
        ("Run!", True),
        ("Sakura ran to the door.", False),
        ('"Hello," she said', False),
        ("Chapter 3 - The Storm", False),
        ("A/N: thanks for reading", False),
        ("* * *", False),
        ("Naruto's POV", False),
        ("June 2009, Gringotts Bank", False),
        ("i", False),
        ("Hey, Lysander—", False),
        ("Why would anyone ever do such a thing to me?", False),
    ],
)
def test_title_lines(line: str, title_like: bool) -> None:
    assert is_title_line(line) is title_like


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("/home/me/under_the-cherry tree.txt", "Under the cherry tree"),
        ("works.zip!folder/Paper Cranes.md", "Paper Cranes"),
        ("/seeds/001_ec05fc822d4404d6.txt", ""),
        ("dev.jsonl:12", ""),
        ("web", ""),
    ],
)
def test_titles_from_file_names(source: str, title: str) -> None:
    assert title_from_source(source) == title


def test_the_fallback_order_ends_in_the_opening_words_and_is_never_empty() -> None:
    def work(text: str, source: str = "/x/0123456789abcdef.txt", chapter_title: str = "") -> Work:
        return Work(id="w", source=source, chapters=[Chapter(1, chapter_title, text=text)])

    assert fallback_title(work(STORY, chapter_title="Heart Break")) == "Heart Break"
    assert fallback_title(work(f"Darkness\n\n{STORY}", source="/x/paper_cranes.txt")) == "Paper cranes"
    assert fallback_title(work(f"Darkness\n\n{STORY}")) == "Darkness"
    long = "Sakura waited under the old cherry tree for a long time, and then some more."
    assert fallback_title(work(long)) == "Sakura waited under the old cherry tree for…"
    assert fallback_title(work("Short story.")) == "Short story"
    assert fallback_title(work('"Run!" he said. They ran.')) == "Run!…"
    assert fallback_title(work("   ")) == UNTITLED


def test_imported_and_drafted_text_files_always_have_a_title(tmp_path: Path) -> None:
    (tmp_path / "0a1b2c3d4e5f60718293.txt").write_text(f"A/N: my first fic, be kind!\n\n{STORY}\n", encoding="utf-8")
    (tmp_path / "lanterns_at_dawn.txt").write_text(f"Lanterns at Dawn\n\n{STORY}\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<html><body><h1>Paper Cranes</h1><p>{STORY}</p></body></html>")
    (tmp_path / "notes.md").write_text(f"# Folded Wishes\n\n{STORY}\n", encoding="utf-8")
    titles = {}
    for item in read_paths([tmp_path]):
        assert item.work is not None, item.error
        draft = prepare(item.work)
        titles[Path(item.source).name] = draft.work.title
        assert not draft.work.chapters[0].text.startswith(draft.work.title)
    assert titles == {
        "0a1b2c3d4e5f60718293.txt": "Sakura waited under the cherry tree…",
        "lanterns_at_dawn.txt": "Lanterns at Dawn",
        "page.html": "Paper Cranes",
        "notes.md": "Folded Wishes",
    }
