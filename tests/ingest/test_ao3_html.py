"""AO3 work pages, chapter pages and "Download → HTML" files.

Real pages are read from ../shared/corpus/ao3_pages at run time. For each one the expected values are
parsed independently here, with lxml XPath over the raw HTML, and compared with what ``ao3_html.read``
returns; no story text is copied into the repository. Author names are never printed or asserted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from ficshelf.errors import NotAWork
from ficshelf.ingest import ao3_html
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.sniff import sniff
from ficshelf.languages import language_code
from ficshelf.model import Series, TagKind, Work

FIXTURES = Path(__file__).parent / "fixtures"

#: Every work or chapter page in the corpus (one-shots, chapter pages, full works, old and new layouts).
WORK_PAGES = [
    "Fuuinjutsu.html",
    "alan.html",
    "archiveofourown__good_story.html",
    "archiveofourown__good_story2.html",
    "archiveofourown__good_story3.html",
    "brave1.html",
    "brave2.html",
    "drive.html",
    "end_notes.html",
    "five.html",
    "flower.html",
    "heart.html",
    "hogwarts.html",
    "misfits1.html",
    "misfits2.html",
    "misfits3.html",
    "misfits4.html",
    "multi.html",
    "notes.html",
    "one.html",
    "open1.html",
    "open2.html",
    "picture.html",
    "prologue.html",
    "quotes.html",
    "right.html",
    "skipping.html",
    "that.html",
    "three.html",
    "wheel.html",
    "where.html",
    "works_168768_index.html",
    "works_17793689_chapters_41980418.html",
    "works_17793689_chapters_42035519.html",
    "works_17793689_index.html",
    "works_23824891_index.html",
    "works_29046888_index.html",
    "works_323217_index.html",
    "works_37214506_chapters_92848687.html",
    "works_3738184_index.html",
    "works_41289660_index.html",
    "works_4491333_index.html",
    "works_48582418_chapters_122861680.html",
    "works_6475531_index.html",
    "works_923647_index.html",
    "yer.html",
]
#: AO3 pages that hold no work, and a word the NotAWork message must carry.
NOT_WORK_PAGES = {
    "works_43703871_navigate.html": "chapter index",
    "drabbles.html": "series",
    "partial.html": "series",
    "wip.html": "adult",
    "works_15461226_index.html": "registered users",
    "works_49733128_index.html": "registered users",
    "works_41237499_index.html": "error",
}
TAG_CLASSES = {
    TagKind.RATING: "rating",
    TagKind.WARNING: "warning",
    TagKind.CATEGORY: "category",
    TagKind.FANDOM: "fandom",
    TagKind.RELATIONSHIP: "relationship",
    TagKind.CHARACTER: "character",
    TagKind.FREEFORM: "freeform",
}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def ao3_word_count(text: str) -> int:
    """AO3's rule (otwarchive's WordCounter): drop apostrophes and hyphens, count runs of word characters;
    scripts written without spaces count one word per character."""
    text = re.sub(r"['’‘-]", "", text.replace("--", "—"))
    cjk = len(_CJK.findall(text))
    return cjk + len(re.findall(r"\w+", _CJK.sub(" ", text)))


def _has(cls: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')"


def _squash(text: str) -> str:
    return " ".join(text.split())


def expected_from_page(raw: bytes) -> dict[str, Any]:
    """What the page shows, read with lxml XPath (a different parser and different code from ao3_html)."""
    doc = lxml_html.document_fromstring(decode_bytes(raw))
    meta = doc.xpath(f"//dl[{_has('work')} and {_has('meta')}]")[0]
    skin = doc.xpath("//div[@id='workskin']")[0]
    preface = skin.xpath(f"./div[{_has('preface')} and not({_has('afterword')})]")[0]

    def meta_text(cls: str) -> str:
        found = meta.xpath(f".//dd[{_has(cls)}]")
        return _squash(found[0].text_content()) if found else ""

    def quotes(node: Any) -> list[str]:
        return [q for q in node.xpath(f".//blockquote[{_has('userstuff')}]") if q.text_content().strip()]

    chapters = []
    for div in skin.xpath(f"./div[@id='chapters']/div[{_has('chapter')} and starts-with(@id, 'chapter-')]"):
        heading = _squash(div.xpath(f".//h3[{_has('title')}]")[0].text_content())
        match = re.fullmatch(r"Chapter (\d+)(?:: (.*))?", heading)
        assert match, heading
        head = div.xpath(f"./div[{_has('preface')}][.//h3[{_has('title')}]]")[0]
        end_notes = div.xpath(f".//div[{_has('end')} and {_has('notes')}]")
        chapters.append(
            {
                "number": int(match.group(1)),
                "title": match.group(2) or "",
                "summary": any(quotes(s) for s in head.xpath(f".//div[{_has('summary')}]")),
                "notes_beginning": sum(len(quotes(n)) for n in head.xpath(f".//div[{_has('notes')}]")),
                "notes_end": sum(len(quotes(n)) for n in end_notes),
            }
        )
    chapters_stat = meta_text("chapters")
    posted, total = chapters_stat.split("/")
    summary = preface.xpath(f"./div[{_has('summary')}]")
    return {
        "title": _squash(preface.xpath(f"./h2[{_has('title')}]")[0].text_content()),
        "tags": {
            kind: [_squash(a.text_content()) for a in meta.xpath(f".//dd[{_has(cls)}]//a[@class='tag']")]
            for kind, cls in TAG_CLASSES.items()
        },
        "language": meta_text("language"),
        "series": [
            _squash(span.xpath(".//a")[0].text_content())
            for span in meta.xpath(f".//dd[{_has('series')}]//span[{_has('position')}]")
        ],
        "words": int(meta_text("words").replace(",", "")),
        "chapters_stat": chapters_stat,
        "complete": total != "?" and int(posted) == int(total),
        "whole_text": len(chapters) == int(posted) or (not chapters and int(posted) == 1),
        "summary": bool(summary and quotes(summary[0])),
        "notes_beginning": sum(len(quotes(n)) for n in preface.xpath(f"./div[{_has('notes')}]")),
        "notes_end": sum(len(quotes(n)) for n in skin.xpath(".//div[@id='work_endnotes']")),
        "chapters": chapters,
        "kudos_id": doc.xpath("//input[@id='kudo_commentable_id']/@value"),
    }


def read_page(path: Path) -> Work:
    works = ao3_html.read(path.read_bytes(), str(path))
    assert len(works) == 1
    return works[0]


@pytest.fixture(scope="module")
def pages(corpus_dir: Path) -> Path:
    return corpus_dir / "ao3_pages"


@pytest.mark.corpus
@pytest.mark.parametrize("name", WORK_PAGES)
def test_work_page_matches_what_the_page_shows(pages: Path, name: str) -> None:
    raw = (pages / name).read_bytes()
    assert sniff(raw[:65_536], name) == "ao3_html"
    expected = expected_from_page(raw)
    work = read_page(pages / name)

    assert work.title == expected["title"]
    assert work.authors and all(work.authors)
    for kind, names in expected["tags"].items():
        assert work.tag_names(kind) == names, kind
    assert work.language == language_code(expected["language"])
    assert [s.name for s in work.series] == expected["series"]
    assert all(s.part is not None and s.part >= 1 for s in work.series)
    assert work.source_stats["words"] == str(expected["words"])
    assert work.source_stats["chapters"] == expected["chapters_stat"]
    assert work.complete is expected["complete"]
    assert bool(work.summary) is expected["summary"]
    assert len(work.notes_beginning) == expected["notes_beginning"]
    assert len(work.notes_end) == expected["notes_end"]
    if expected["kudos_id"]:
        assert work.id == f"ao3-{expected['kudos_id'][0]}"
    assert re.fullmatch(r"ao3-\d+", work.id)

    if expected["chapters"]:
        got = [
            {
                "number": c.number,
                "title": c.title,
                "summary": bool(c.summary),
                "notes_beginning": len(c.notes_beginning),
                "notes_end": len(c.notes_end),
            }
            for c in work.chapters
        ]
        assert got == expected["chapters"]
    else:  # a one-shot: one chapter, no heading
        assert [(c.number, c.title) for c in work.chapters] == [(1, "")]
    for chapter in work.chapters:
        assert chapter.text.strip()
        assert not chapter.text.startswith(("Chapter Text", "Work Text"))
        assert "(See the end of the" not in " ".join(chapter.notes_beginning)
    for note in work.notes_beginning + work.notes_end + [n for c in work.chapters for n in c.notes_beginning]:
        assert not note.startswith("Notes:")
        assert "(See the end of the" not in note

    if expected["whole_text"]:
        counted = ao3_word_count(work.text)
        stated = expected["words"]
        assert abs(counted - stated) <= max(2, 0.02 * stated), (counted, stated)


@pytest.mark.corpus
def test_spot_checks(pages: Path) -> None:
    work = read_page(pages / "works_17793689_index.html")
    assert work.id == "ao3-17793689"
    assert work.title == "Nobody Expects the Dragon Age Inquisition"
    assert work.tag_names(TagKind.RATING) == ["Mature"]
    assert work.tag_names(TagKind.WARNING) == ["No Archive Warnings Apply"]
    assert work.tag_names(TagKind.CATEGORY) == ["F/M"]
    assert work.tag_names(TagKind.FANDOM)[0] == "Dragon Age: Inquisition"
    assert work.series == [Series("Thedas Unveiled", 1)]
    assert work.source_stats["published"] == "2019-02-15"
    assert work.source_stats["updated"] == "2019-12-28"
    assert work.source_stats["words"] == "70561"  # "70,561" on the page
    assert work.complete is False
    assert [(c.number, c.title) for c in work.chapters] == [(1, "The Guild")]
    assert work.chapters[0].heading == "Chapter 1: The Guild"
    assert work.chapters[0].notes_beginning and work.chapters[0].notes_end

    full = read_page(pages / "archiveofourown__good_story3.html")
    assert len(full.chapters) == 20
    assert full.chapters[1].title == "A promise unfulfilled"
    assert full.complete is True
    assert "completed" in full.source_stats
    assert full.tag_names(TagKind.WARNING) == ["Graphic Depictions Of Violence", "Rape/Non-Con"]

    five = read_page(pages / "five.html")
    assert [(c.number, c.title) for c in five.chapters] == [(5, "Weeping Light, Tested Coward")]
    assert five.tag_names(TagKind.RATING) == ["Teen And Up Audiences"]
    assert five.series[0].part == 11
    assert five.notes_end and not five.summary  # a later chapter page: no work summary, the work's end notes

    assert read_page(pages / "prologue.html").chapters[0].title == "Prologue: After the World Burns"
    assert read_page(pages / "works_48582418_chapters_122861680.html").chapters[0].title == "2. Tim"
    assert [s.part for s in read_page(pages / "works_4491333_index.html").series] == [11, 8]


@pytest.mark.corpus
def test_tag_pages_are_not_works(pages: Path) -> None:
    tag_pages = sorted(pages.glob("tags_*_index.html"))
    assert len(tag_pages) >= 10
    for path in tag_pages:
        with pytest.raises(NotAWork, match="AO3 tag page"):
            ao3_html.read(path.read_bytes(), str(path))


@pytest.mark.corpus
@pytest.mark.parametrize(("name", "reason"), sorted(NOT_WORK_PAGES.items()))
def test_pages_without_a_work(pages: Path, name: str, reason: str) -> None:
    with pytest.raises(NotAWork, match=reason):
        ao3_html.read((pages / name).read_bytes(), name)


def test_download_html() -> None:
    path = FIXTURES / "ao3_download.html"
    data = path.read_bytes()
    assert sniff(data[:65_536], path.name) == "ao3_html"
    [work] = ao3_html.read(data, str(path))
    assert work.id == "ao3-99000001"
    assert work.title == "The Lighthouse Keeper's Ledger"
    assert len(work.authors) == 2
    assert work.tag_names(TagKind.RATING) == ["General Audiences"]
    assert work.tag_names(TagKind.WARNING) == [
        "No Archive Warnings Apply",
        "Creator Chose Not To Use Archive Warnings",
    ]
    assert work.tag_names(TagKind.CATEGORY) == ["Gen", "F/F"]
    assert work.tag_names(TagKind.FANDOM) == ["Original Work", "Lighthouses - All Media Types"]
    assert work.tag_names(TagKind.RELATIONSHIP) == ["Keeper/Cartographer (Original)"]
    assert work.tag_names(TagKind.CHARACTER) == ["Keeper (Original)", "Cartographer (Original)", "The Gull"]
    assert work.tag_names(TagKind.FREEFORM) == ["Slow Burn", "Weather", "Epistolary"]
    assert [t.kind for t in work.tags] == sorted((t.kind for t in work.tags), key=list(TagKind).index)
    assert work.language == "en"
    assert work.series == [Series("Tide Tables", 2), Series("Small Harbours", 5)]
    assert work.source_stats == {
        "published": "2021-03-04",
        "updated": "2021-04-11",
        "chapters": "3/4",
        "words": "553",
    }
    assert work.complete is False
    assert work.summary == "A keeper writes down every ship that passes.\n\nOne day a ship does not pass."
    assert work.notes_beginning == ["Written for the ficshelf test suite."]
    assert work.notes_end == ["The fog times are made up.\n\nThe gull is not."]

    assert [(c.number, c.title, c.heading) for c in work.chapters] == [
        (1, "Fair Weather", "Chapter 1: Fair Weather"),
        (2, "", "Chapter 2"),
        (3, "The Ship That Did Not Pass", "Chapter 3: The Ship That Did Not Pass"),
    ]
    first, second, third = work.chapters
    assert first.summary == "The ledger begins."
    assert first.notes_beginning == ["The gull is based on a real gull."]
    assert first.notes_end == ["Thank you for reading the first part."]
    assert first.text.startswith("The keeper opened the ledger at dawn")
    assert "\n\n* * *\n\n" in first.text
    assert (second.summary, second.notes_beginning, second.notes_end) == ("", [], [])
    assert third.notes_beginning == [] and third.notes_end == ["One more chapter to come."]
    assert third.text.endswith("She would underline the last part twice.")
    assert ao3_word_count(work.text) == int(work.source_stats["words"])
    for text in (work.title, work.summary, *work.notes_beginning, *(c.text for c in work.chapters)):
        assert "Chapter Summary" not in text and "Chapter Notes" not in text and "See the end" not in text


def test_download_html_one_shot() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>t</title></head><body>"
        '<div id="preface"><h2 class="toc-heading">Preface</h2><p class="message"><b>Small</b><br/>'
        'Posted originally on the <a href="https://archiveofourown.org/">Archive of Our Own</a> at '
        '<a href="https://archiveofourown.org/works/4242">https://archiveofourown.org/works/4242</a>.</p>'
        '<div class="meta"><dl class="tags"><dt>Rating:</dt><dd><a href="#">Not Rated</a></dd>'
        "<dt>Stats:</dt><dd>Published: 2020-01-01 Words: 4</dd></dl>"
        '<h1>Small</h1><div class="byline">by Anonymous</div></div></div>'
        '<div id="chapters" class="userstuff"><div class="userstuff"><p>Four words, no more.</p></div></div>'
        '<div id="afterword"><h2 class="toc-heading">Afterword</h2>'
        '<p class="message">Please comment</p></div>'
        "</body></html>"
    )
    [work] = ao3_html.read(page.encode(), "small.html")
    assert (work.id, work.title, work.authors) == ("ao3-4242", "Small", ["Anonymous"])
    assert [(c.number, c.title, c.text) for c in work.chapters] == [(1, "", "Four words, no more.")]
    assert work.source_stats == {"published": "2020-01-01", "words": "4"}
    assert work.notes_end == [] and work.complete is None


def _all_strings(work: Work) -> list[str]:
    strings = [work.id, work.title, work.summary, work.language, *work.authors, *work.notes_beginning]
    strings += [*work.notes_end, *(t.name for t in work.tags), *(s.name for s in work.series)]
    strings += [*work.source_stats.keys(), *work.source_stats.values()]
    for c in work.chapters:
        strings += [c.title, c.heading, c.summary, c.text, *c.notes_beginning, *c.notes_end]
    return strings


def test_hostile_page_leaves_nothing_executable() -> None:
    path = FIXTURES / "ao3_hostile.html"
    [work] = ao3_html.read(path.read_bytes(), str(path))
    assert work.title == "A Perfectly Safe Story"
    assert work.summary == "A summary with nothing to run."
    assert work.notes_beginning == ["A note."] and work.notes_end == ["An end note."]
    assert work.tag_names(TagKind.FANDOM) == ["Original Work"]
    assert work.tag_names(TagKind.FREEFORM) == ["Testing", "Safety"]
    assert work.language == "en"
    assert work.chapters[0].text == (
        "The story begins here and goes on.\n\nNothing in this text can run.\n\n"
        "It ends quietly, with a cup of tea and a closed door."
    )
    for text in _all_strings(work):
        lowered = text.lower()
        for bad in ("evil", "alert", "script", "javascript", "onclick", "onerror", "cookie", "<", ">"):
            assert bad not in lowered, (bad, text)


@pytest.mark.parametrize("main", ["", '<div id="main" class="content">'])
def test_page_that_only_links_to_ao3_is_read_as_plain_html(main: str) -> None:
    page = f"<html><body>{main}<p>Also on <a href='https://archiveofourown.org/'>AO3</a>.</p><p>Once.</p></body></html>"
    [work] = ao3_html.read(page.encode(), "blog.html")
    assert work.needs_structure and "Once." in work.text
