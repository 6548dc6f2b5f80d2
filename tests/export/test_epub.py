"""EPUB export: valid under Debian's epubcheck, and carrying what a reader needs (title page, chapters, notes)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.epub import work_to_epub
from ficshelf.export.preface import work_identifier
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Work

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"

Check = Callable[[Path], dict[str, Any]]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: book.read(name) for name in book.namelist()}


def _assert_valid(report: dict[str, Any]) -> None:
    problems = [m for m in report["messages"] if m["severity"] in ("FATAL", "ERROR", "WARNING")]
    assert problems == [], problems
    assert report["checker"]["nFatal"] == report["checker"]["nError"] == report["checker"]["nWarning"] == 0


def test_multi_chapter_work_is_valid_epub(work: Work, epubcheck: Check, tmp_path: Path) -> None:
    path = tmp_path / "work.epub"
    path.write_bytes(work_to_epub(work, link="https://archive.example/works/1"))
    _assert_valid(epubcheck(path))


@pytest.mark.corpus
def test_every_seed_is_valid_epub(seeds_dir: Path, epubcheck: Check, tmp_path: Path) -> None:
    items = list(read_paths(sorted(seeds_dir.glob("*.txt"))))
    assert len(items) == 4
    for item in items:
        assert item.work is not None, item.error
        path = tmp_path / f"{item.work.id}.epub"
        path.write_bytes(work_to_epub(item.work, default_pipeline().run(item.work)))
        _assert_valid(epubcheck(path))


def test_package_metadata_and_table_of_contents(work: Work) -> None:
    files = _members(work_to_epub(work))
    opf = etree.fromstring(files["EPUB/content.opf"])
    assert opf.findtext(f".//{DC}language") == "en"
    assert opf.findtext(f".//{DC}identifier") == work_identifier("test-work-1")
    assert opf.findtext(f".//{DC}title") == "Lanterns & Letters <draft>"
    assert opf.findtext(f".//{DC}creator") == "quillfeather"
    assert "Slow Burn" in [s.text for s in opf.iter(f"{DC}subject")]
    nav = etree.fromstring(files["EPUB/nav.xhtml"])
    entries = [a.text for a in nav.iter(f"{XHTML}a")]
    assert entries == ["Title page", "Chapter 1: The Letter", "Chapter 2: The Song", "Chapter 3"]
    spine = [ref.get("idref") for ref in opf.iter(f"{OPF}itemref")]
    assert spine[0] == "title" and spine[-3:] == ["chapter1", "chapter2", "chapter3"]


def test_title_page_shows_tags_stats_series_summary_and_link(work: Work) -> None:
    page = _members(work_to_epub(work, link="https://archive.example/works/1"))["EPUB/title.xhtml"].decode()
    for expected in (
        "Lanterns &amp; Letters &lt;draft&gt;",
        "by quillfeather",
        "Teen And Up Audiences",
        "No Archive Warnings Apply",
        "F/M",
        "Original Work",
        "Mira/Tomas",
        "Slow Burn",
        "Part 2 of Harbour Town",
        "Published: 2024-03-01",
        "Updated: 2024-04-15",
        "Chapters: 3/3",
        "Tomas knows a song.",
        'href="https://archive.example/works/1"',
    ):
        assert expected in page, expected
    assert "suggested by ficshelf" not in page  # the author chose tags of every kind


def test_notes_are_marked_and_placed(work: Work) -> None:
    files = _members(work_to_epub(work))
    title = etree.fromstring(files["EPUB/title.xhtml"])
    begin = title.find(f".//{XHTML}aside[@class='notes notes-beginning']")
    assert begin is not None and "Thanks to my beta!" in "".join(begin.itertext())
    one = etree.fromstring(files["EPUB/chapter001.xhtml"])
    assert one.findtext(f".//{XHTML}h2") == "Chapter 1: The Letter"
    assert "Chapter one note" in "".join(one.find(f".//{XHTML}aside").itertext())
    assert one.find(f".//{XHTML}hr[@class='scene-break']") is not None
    two = etree.fromstring(files["EPUB/chapter002.xhtml"])
    assert "Carry every name" in "".join(two.find(f".//{XHTML}blockquote[@class='lyrics']").itertext())
    assert "The song is my own." in "".join(two.find(f".//{XHTML}aside[@class='notes notes-end']").itertext())
    last = etree.fromstring(files["EPUB/chapter003.xhtml"])
    assert "Comments feed the muse" in "".join(
        last.find(f".//{XHTML}aside[@class='notes notes-end work-notes']").itertext()
    )


def test_user_html_cannot_script(work: Work) -> None:
    data = work_to_epub(work)
    text = b"".join(_members(data).values()).decode("utf-8", "replace").lower()
    for bad in ("<script", "onclick", "onerror", "javascript:", "alert("):
        assert bad not in text, bad
    assert "<em>kept</em>" in text


@pytest.mark.corpus
def test_seed_without_tags_shows_suggestions(seeds_dir: Path) -> None:
    item = next(read_paths([seeds_dir / "001_ec05fc822d4404d6.txt"]))
    assert item.work is not None
    doc = default_pipeline().run(item.work)
    page = _members(work_to_epub(item.work, doc))["EPUB/title.xhtml"].decode()
    assert "suggested by ficshelf" in page
    assert all(f.name in page for f in doc.fandoms[:1])
