"""Single-file HTML export: self-contained, no script, the same content as the EPUB."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.export.epub import work_to_epub
from ficshelf.export.html import work_to_html
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Work


def _words(markup: str | bytes) -> list[str]:
    tree = lxml_html.fromstring(markup)
    for junk in tree.xpath("//style|//title|//nav|//head"):
        junk.drop_tree()
    return " ".join(tree.text_content().split()).split()


def test_page_is_self_contained_and_scriptless(work: Work) -> None:
    page = work_to_html(work, link="https://archive.example/works/1")
    tree = lxml_html.fromstring(page)
    assert tree.get("lang") == "en"
    assert not tree.xpath("//script|//iframe|//object|//embed|//link[@rel='stylesheet']|//img")
    assert not [a for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    assert "javascript:" not in page.lower()
    assert "default-src 'none'" in tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert tree.xpath("//meta[@name='viewport']")
    assert tree.xpath("//style")[0].text.count("{") > 5


def test_page_has_contents_chapters_notes_lyrics_and_breaks(work: Work) -> None:
    tree = lxml_html.fromstring(work_to_html(work))
    assert tree.findtext(".//h1") == "Lanterns & Letters <draft>"
    toc = [(a.text, a.get("href")) for a in tree.xpath("//nav[@class='toc']//a")]
    assert toc == [
        ("Chapter 1: The Letter", "#chapter-1"),
        ("Chapter 2: The Song", "#chapter-2"),
        ("Chapter 3", "#chapter-3"),
    ]
    assert [h.get("id") for h in tree.xpath("//main//h2")] == ["chapter-1", "chapter-2", "chapter-3"]
    assert len(tree.xpath("//aside[contains(@class,'notes')]")) == 4  # work begin/end, chapter 1 begin, chapter 2 end
    assert len(tree.xpath("//blockquote[@class='lyrics']")) == 1
    assert len(tree.xpath("//hr[@class='scene-break']")) == 1
    assert (
        tree.xpath("//dl[@class='tags']/dt[starts-with(., 'Relationships')]/following-sibling::dd[1]")[0].text
        == "Mira/Tomas"
    )


def test_same_words_as_the_epub(work: Work) -> None:
    with zipfile.ZipFile(io.BytesIO(work_to_epub(work))) as book:
        pages = [n for n in book.namelist() if re.match(r"EPUB/(title|chapter\d+)\.xhtml$", n)]
        epub_words = [
            w for name in sorted(pages, key=lambda n: "0" if "title" in n else n) for w in _words(book.read(name))
        ]
    assert _words(work_to_html(work)) == epub_words


@pytest.mark.corpus
def test_seed_pages_parse_and_keep_every_paragraph(seeds_dir: Path) -> None:
    for item in read_paths(sorted(seeds_dir.glob("*.txt"))):
        assert item.work is not None
        doc = default_pipeline().run(item.work)
        page = work_to_html(item.work, doc)
        tree = lxml_html.fromstring(page)
        structure = doc.structure
        assert structure is not None
        assert len(tree.xpath("//blockquote[@class='lyrics']")) == len(structure.lyric_blocks)
        assert len(tree.xpath("//p[@class='pov-header']")) == len(structure.section_headers)
        shown = "".join(tree.text_content().split())  # lines joined by <br/> lose their space in text_content
        for paragraph in structure.paragraphs:
            assert "".join(paragraph.text.split()) in shown


def test_story_text_is_shown_as_text_never_as_markup() -> None:
    from ficshelf.model import Chapter

    hostile = Work(
        "h",
        "t",
        title="<b>T</b>",
        authors=["<i>me</i>"],
        chapters=[
            Chapter(1, text='He typed <script>alert("hi")</script> & <img src=x onerror=alert(1)> into the chat.')
        ],
    )
    tree = lxml_html.fromstring(work_to_html(hostile))
    assert not tree.xpath("//script|//img|//body//b|//body//i")
    assert '<script>alert("hi")</script>' in tree.text_content()
    assert tree.findtext(".//h1") == "<b>T</b>"


def test_a_work_without_chapters_still_exports() -> None:
    empty = Work("e", "t", title="Nothing yet")
    assert "Nothing yet" in work_to_html(empty)
    with zipfile.ZipFile(io.BytesIO(work_to_epub(empty))) as book:
        assert "EPUB/title.xhtml" in book.namelist()
