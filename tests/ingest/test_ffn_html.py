"""FanFiction.Net chapter pages.

Real pages are read from ../shared/corpus/ffn_pages at run time. For each one the expected values are parsed
independently here — a regex over the page's markup with the tags stripped for the meta line, lxml XPath for
the rest — and compared with what ``ffn_html.read`` (selectolax) returns. No story text is copied into the
repository, and author names are never printed or asserted (only compared through a digest).
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from ficshelf.errors import NotAWork
from ficshelf.ingest import ffn_html
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.sniff import sniff
from ficshelf.languages import language_code
from ficshelf.model import TagKind, Work

#: Every page in the corpus: 2015+ layouts, the 2012 layout (78), 2009 (first, intro, stuck1), 2002 (stars).
PAGES = [
    "78.html",
    "counting1.html",
    "counting2.html",
    "fanfiction__good_story.html",
    "fanfiction__good_story2.html",
    "fanfiction__good_story3.html",
    "fanfiction__good_story4.html",
    "first.html",
    "ibiki.html",
    "intro.html",
    "part6.html",
    "stars1.html",
    "stars2.html",
    "stuck1.html",
]
AO3_RATING = {
    "K": "General Audiences",
    "K+": "General Audiences",
    "T": "Teen And Up Audiences",
    "M": "Mature",
}
FFN_GENRES = {
    "Romance", "Humor", "Drama", "Poetry", "Adventure", "Mystery", "Horror", "Parody", "Angst", "Supernatural",
    "Suspense", "Sci-Fi", "Fantasy", "Spiritual", "Tragedy", "Western", "Crime", "Family", "Hurt/Comfort",
    "Friendship", "General",
}  # fmt: skip


def ffn_word_count(text: str) -> int:
    """FFN's rule: runs of word characters, so "don't" and "fox-brat" are two words each. (Counting
    ``\\w+(?:[-'’]\\w+)*`` instead gives 3–4% fewer words than FFN states on these pages.)"""
    return len(re.findall(r"\w+", text))


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _genres(segment: str) -> list[str] | None:
    parts = segment.replace("Hurt/Comfort", "\0").split("/")
    names = [p.replace("\0", "Hurt/Comfort").strip() for p in parts]
    return names if all(n in FFN_GENRES for n in names) else None


def _iso(shown: str) -> str:
    """The date as the test expects it: full dates in ISO; a date without a year as "-MM-DD"."""
    if m := re.fullmatch(r"(\d+)/(\d+)/(\d{4})", shown):
        return f"{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"
    if m := re.fullmatch(r"(\d+)-(\d+)-(\d\d)", shown):
        return f"{1900 + int(m[3]) if int(m[3]) >= 90 else 2000 + int(m[3])}-{m[1]}-{m[2]}"
    m = re.fullmatch(r"(\d+)/(\d+)", shown)
    assert m, shown
    return f"-{int(m[1]):02d}-{int(m[2]):02d}"


def expected_meta(page: str) -> dict[str, Any]:
    """The meta line, from the markup with scripts dropped and tags stripped (no DOM at all)."""
    flat = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", page, flags=re.S | re.I)
    flat = _squash(html.unescape(re.sub(r"<[^>]+>", " ", flat)))
    match = re.search(r"(?:Fiction )?Rated: (?:Fiction )?(\S+) - (.+?) - id: ?(\d+)", flat)
    assert match, "no meta line"
    rating, middle, story_id = match.groups()
    language, *segments = middle.split(" - ")
    found: dict[str, Any] = {
        "rating": rating,
        "language": language,
        "id": story_id,
        "genres": [],
        "characters": [],
        "relationships": [],
        "stats": {},
        "complete": False,
    }
    for segment in segments:
        stat = re.fullmatch(r"(\w+): (.*)", segment)
        if stat:
            if stat[1] == "Status":
                found["complete"] = stat[2] == "Complete"
            else:
                found["stats"][stat[1].lower()] = stat[2]
        elif segment == "Complete":
            found["complete"] = True
        elif (genres := _genres(segment)) is not None:
            found["genres"] = genres
        else:
            pairings = re.findall(r"\[(.*?)\]", segment)
            found["relationships"] = ["/".join(n.strip() for n in p.split(",")) for p in pairings]
            names = re.split(r", | & ", re.sub(r"[\[\]]", ",", segment).replace(",,", ","))
            found["characters"] = [n.strip(" ,") for n in names if n.strip(" ,")]
    return found


def expected_from_page(raw: bytes) -> dict[str, Any]:
    page = decode_bytes(raw)
    doc: Any = lxml_html.document_fromstring(page)
    expected = expected_meta(page)

    title = doc.xpath("//div[@id='profile_top']/b | (//table[@id='gui_table1i']//b)[1]")
    crumbs = doc.xpath("(//div[@id='pre_story_links']//a)[last()]")
    if not title or not crumbs:  # old layouts: "<a>Books</a> » <a>Harry Potter</a> » <b>Title</b>"
        old = doc.xpath("(//b[count(preceding-sibling::a) >= 2])[1]")[0]
        title = title or [old]
        crumbs = crumbs or old.xpath("preceding-sibling::a[1]")
    fandom = _squash(crumbs[0].text_content())
    if fandom.endswith(" Crossover") and " + " in fandom:
        fandoms = fandom.removesuffix(" Crossover").split(" + ")
    else:
        fandoms = [fandom]
    summary = doc.xpath(
        "//div[@id='profile_top']/div[contains(@class, 'xcontrast_txt')]"
        " | //table[@id='gui_table1i']//div[@style='margin-top:2px']"
    )
    menu = doc.xpath("(//select[@id='chap_select' or @name='chapter'])[1]")
    chosen = re.search(r"<option[^>]*\sselected\b[^>]*>\s*(\d+)\.\s*([^<]*)", page, re.I)
    authors = doc.xpath("//a[contains(@href, '/u/')]")
    expected.update(
        title=_squash(title[0].text_content()),
        fandoms=fandoms,
        summary=_squash(summary[0].text_content()) if summary else "",
        chapter=(int(chosen[1]), _squash(chosen[2])) if menu and chosen else (1, ""),
        option_count=len(menu[0].xpath("./option")) if menu else 1,
        author_digest=_digest(_squash(authors[0].text_content())),
        story_words=ffn_word_count(doc.get_element_by_id("storytext").text_content()),
    )
    return expected


@pytest.fixture(scope="module")
def pages(corpus_dir: Path) -> Path:
    return corpus_dir / "ffn_pages"


def read_page(path: Path) -> Work:
    works = ffn_html.read(path.read_bytes(), str(path))
    assert len(works) == 1
    return works[0]


@pytest.mark.corpus
@pytest.mark.parametrize("name", PAGES)
def test_page_matches_what_the_page_shows(pages: Path, name: str) -> None:
    raw = (pages / name).read_bytes()
    assert sniff(raw[:65_536], name) == "ffn_html"
    expected = expected_from_page(raw)
    work = read_page(pages / name)

    assert work.id == f"ffn-{expected['id']}"
    assert work.title == expected["title"]
    assert len(work.authors) == 1 and work.authors[0].strip()
    author_digest = _digest(work.authors[0])
    assert author_digest == expected["author_digest"]
    assert _squash(work.summary) == expected["summary"]
    assert work.language == language_code(expected["language"])
    assert work.source_stats["rating"] == expected["rating"]
    assert work.tag_names(TagKind.RATING) == [AO3_RATING[expected["rating"]]]
    assert work.tag_names(TagKind.FANDOM) == expected["fandoms"]
    assert work.tag_names(TagKind.FREEFORM) == expected["genres"]
    assert work.tag_names(TagKind.CHARACTER) == expected["characters"]
    assert work.tag_names(TagKind.RELATIONSHIP) == expected["relationships"]
    assert work.complete is expected["complete"]

    stats = expected["stats"]
    for key in ("chapters", "words", "reviews", "favs", "follows"):
        if key in stats:
            assert work.source_stats[key] == stats[key].replace(",", ""), key
    if "chapters" not in stats:
        assert work.source_stats["chapters"] == str(expected["option_count"])
    for key in ("updated", "published"):
        if key in stats:
            assert work.source_stats[key].endswith(_iso(stats[key])), key
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", work.source_stats[key]), key
    assert set(work.source_stats) <= {"rating", "chapters", "words", "reviews", "favs", "follows",
                                      "updated", "published", "id"}  # fmt: skip

    assert len(work.chapters) == 1
    chapter = work.chapters[0]
    assert (chapter.number, chapter.title) == expected["chapter"]
    assert chapter.text.strip() == chapter.text and chapter.text
    assert abs(ffn_word_count(chapter.text) - expected["story_words"]) <= expected["story_words"] * 0.01
    if "words" in stats and int(work.source_stats["chapters"]) == 1:
        stated = int(stats["words"].replace(",", ""))
        assert abs(ffn_word_count(chapter.text) - stated) <= stated * 0.02


@pytest.mark.corpus
def test_two_chapter_pages_add_up_to_the_stated_words(pages: Path) -> None:
    parts = [read_page(pages / f"counting{n}.html") for n in (1, 2)]
    assert [w.chapters[0].number for w in parts] == [1, 2]
    assert {w.id for w in parts} == {"ffn-5853866"}
    total = sum(ffn_word_count(w.chapters[0].text) for w in parts)
    assert total == int(parts[0].source_stats["words"])


@pytest.mark.corpus
def test_spot_modern_page_with_a_pairing(pages: Path) -> None:
    work = read_page(pages / "fanfiction__good_story.html")
    assert work.tag_names(TagKind.RATING) == ["Mature"] and work.source_stats["rating"] == "M"
    assert work.tag_names(TagKind.FREEFORM) == ["Adventure", "Romance"]
    assert work.tag_names(TagKind.RELATIONSHIP) == ["Naruto U./Mei T./Ameyuri R."]
    assert work.tag_names(TagKind.CHARACTER) == ["Naruto U.", "Mei T.", "Ameyuri R."]
    assert work.tag_names(TagKind.FANDOM) == ["Naruto"]
    assert (work.chapters[0].number, work.chapters[0].title) == (1, "Banishment")
    assert work.source_stats["chapters"] == "12" and work.source_stats["words"] == "56452"
    assert work.source_stats["published"] == "2012-09-08"
    assert work.source_stats["updated"] == "2020-05-15"  # the page shows "5/15"; the year is from its timestamp
    assert work.complete is False


@pytest.mark.corpus
def test_spot_one_shot_without_genre(pages: Path) -> None:
    work = read_page(pages / "ibiki.html")
    assert work.id == "ffn-6783401"
    assert work.tag_names(TagKind.RATING) == ["General Audiences"] and work.source_stats["rating"] == "K+"
    assert work.tag_names(TagKind.FREEFORM) == []
    assert work.tag_names(TagKind.CHARACTER) == ["Naruto U.", "Ibiki M."]
    assert work.tag_names(TagKind.RELATIONSHIP) == []
    assert (work.chapters[0].number, work.chapters[0].title) == (1, "")
    assert work.source_stats["chapters"] == "1"
    assert work.complete is True


@pytest.mark.corpus
def test_spot_crossover_and_old_layouts(pages: Path) -> None:
    crossover = read_page(pages / "fanfiction__good_story3.html")
    assert crossover.tag_names(TagKind.FANDOM) == ["Harry Potter", "Chronicles of Narnia"]
    assert crossover.tag_names(TagKind.FREEFORM) == ["Romance", "Adventure"]

    old = read_page(pages / "first.html")  # 2009: "Harry P. & Draco M." names two characters, no pairing
    assert old.title == "Child of Four" and old.tag_names(TagKind.FANDOM) == ["Harry Potter"]
    assert old.tag_names(TagKind.CHARACTER) == ["Harry P.", "Draco M."]
    assert old.tag_names(TagKind.RELATIONSHIP) == []
    assert (old.chapters[0].number, old.chapters[0].title) == (3, "Chapter 3")
    assert old.source_stats["chapters"] == "69" and old.summary == ""
    assert old.source_stats["updated"] == "2009-12-14"

    oldest = read_page(pages / "stars2.html")  # 2002: "Fiction Rated: K+ … - Complete - id:662406"
    assert oldest.tag_names(TagKind.RATING) == ["General Audiences"]
    assert (oldest.chapters[0].number, oldest.chapters[0].title) == (2, "of comings and goings")
    assert oldest.complete is True and oldest.id == "ffn-662406"


# --- synthetic pages (the project's own text) --------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Paper Boats, a test fanfic | FanFiction</title>
<link rel="canonical" href="//www.fanfiction.net/s/4242/2/Paper-Boats"></head><body>
<div id=pre_story_links><span class=lc-left><a class=xcontrast_txt href='/anime/'>Anime/Manga</a>
<a class=xcontrast_txt href="/anime/Naruto/">Naruto</a></span></div>
<div id=profile_top><b class='xcontrast_txt'>Paper Boats</b> <span class='xcontrast_txt'>By:</span>
<a class='xcontrast_txt' href='/u/1/someone'>someone</a>
<div style='margin-top:2px' class='xcontrast_txt'>Boats on a <i>pond</i>.</div>
<span class='xgray xcontrast_txt'>Rated: <a class='xcontrast_txt' href='#'>Fiction  T</a> - English -
Hurt/Comfort/Romance - [Alpha B., Beta C.] [Gamma D., Delta E.] Epsilon F. - Chapters: 2 - Words: 1,012 -
Published: <span data-xutime='1577923200'>1/2/2020</span> - Status: Complete - id: 4242 </span></div>
<select id=chap_select name=chapter><option value=1>1. Folding<option value=2 selected>2. Sailing</select>
<div class="storytext" id="storytext"><p>The boat set off.</p><script>var boat = "SCRIPTED";</script>
<p>It did not sink.<br>Not yet.</p><hr><p>Later.</p></div>
</body></html>"""


def test_synthetic_page_genres_pairings_and_text() -> None:
    data = PAGE.encode()
    assert sniff(data, "boats.html") == "ffn_html"
    work = ffn_html.read(data, "boats.html")[0]
    assert work.id == "ffn-4242"
    assert work.title == "Paper Boats"
    assert work.summary == "Boats on a pond."
    assert work.tag_names(TagKind.FREEFORM) == ["Hurt/Comfort", "Romance"]
    assert work.tag_names(TagKind.RELATIONSHIP) == ["Alpha B./Beta C.", "Gamma D./Delta E."]
    assert work.tag_names(TagKind.CHARACTER) == ["Alpha B.", "Beta C.", "Gamma D.", "Delta E.", "Epsilon F."]
    assert work.source_stats == {
        "rating": "T",
        "chapters": "2",
        "words": "1012",
        "published": "2020-01-02",
        "id": "4242",
    }
    assert work.complete is True
    chapter = work.chapters[0]
    assert (chapter.number, chapter.title) == (2, "Sailing")
    assert chapter.text == "The boat set off.\n\nIt did not sink.\nNot yet.\n\n* * *\n\nLater."
    assert "SCRIPTED" not in repr(work)
    assert work.needs_structure is False  # the chapter is known; the analyser still finds notes in it


def test_page_without_meta_line_takes_its_id_from_the_canonical_link() -> None:
    page = re.sub(r"<span class='xgray.*?</span></div>", "</div>", PAGE, flags=re.S)
    work = ffn_html.read(page.encode(), "boats.html")[0]
    assert work.id == "ffn-4242"
    assert work.tags[0].kind is TagKind.FANDOM and work.complete is None
    assert work.source_stats == {"chapters": "2"}


def test_page_without_story_text_is_not_a_work() -> None:
    page = PAGE.replace('id="storytext"', 'id="elsewhere"')
    with pytest.raises(NotAWork) as caught:
        ffn_html.read(page.encode(), "profile.html")
    assert caught.value.code == "FS109"


@pytest.mark.parametrize(
    ("segment", "genres"),
    [
        ("Hurt/Comfort", ["Hurt/Comfort"]),
        ("Romance/Hurt/Comfort", ["Romance", "Hurt/Comfort"]),
        ("Hurt/Comfort/Angst", ["Hurt/Comfort", "Angst"]),
        ("Sci-Fi/Adventure", ["Sci-Fi", "Adventure"]),
    ],
)
def test_genre_split_keeps_hurt_comfort_whole(segment: str, genres: list[str]) -> None:
    assert ffn_html.is_genre_list(segment)
    assert ffn_html.split_genres(segment) == genres


def test_character_segments_are_not_genres() -> None:
    assert not ffn_html.is_genre_list("Naruto U., Hinata H.")
    assert not ffn_html.is_genre_list("Team Seven")
