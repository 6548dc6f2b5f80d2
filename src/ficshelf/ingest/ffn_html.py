"""FanFiction.Net chapter pages (as saved from a browser) → a one-chapter Work with the story's metadata.

FFN's page layout changed several times; all of these are read:

* 2015+: ``#profile_top`` holds the title (``b.xcontrast_txt``), author, summary and the meta line
  (``span.xgray``); the fandom is the last link of ``#pre_story_links``; chapters in ``select#chap_select``.
* 2012: the same data in ``table#gui_table1i`` (meta line in a grey ``div``).
* 2009 and 2002: a breadcrumb "Books » Harry Potter » <b>Title</b>", an author link, a ``select`` named
  ``chapter`` and a bare-text meta line; no summary.

The meta line ("Rated: Fiction T - English - Romance/Angst - [Naruto U., Hinata H.] Sasuke U. - Chapters: 12
- Words: 34,567 - … - Status: Complete - id: 1234567") gives the rating (mapped to AO3's), the language, the
genres (freeform tags), the characters (FFN's short forms, kept as written) and pairings in brackets
(romantic relationship tags "A/B"). Old pages write two characters as "A & B": those are characters only,
since FFN then had no way to mark a pairing. The page holds one chapter, so the Work has one Chapter.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ficshelf.errors import NotAWork
from ficshelf.ingest.decode import decode_bytes
from ficshelf.ingest.html_text import node_text, parse_html
from ficshelf.ingest.text import work_id_from_source
from ficshelf.languages import language_code
from ficshelf.model import Chapter, Tag, TagKind, Work

#: FFN's ratings (fictionratings.com) to AO3's rating tags; the old MPAA-style ones FFN used before 2002 too.
RATINGS = {
    "K": "General Audiences",
    "K+": "General Audiences",
    "T": "Teen And Up Audiences",
    "M": "Mature",
    "MA": "Explicit",
    "G": "General Audiences",
    "PG": "General Audiences",
    "PG-13": "Teen And Up Audiences",
    "R": "Mature",
    "NC-17": "Explicit",
}
#: FFN's genres; "Hurt/Comfort" is the one with a slash, which is also the separator in the meta line.
GENRES = frozenset(
    "Romance Humor Drama Poetry Adventure Mystery Horror Parody Angst Supernatural Suspense Sci-Fi Fantasy "
    "Spiritual Tragedy Western Crime Family Hurt/Comfort Friendship General".split()
)
_GENRE_PART = re.compile(r"Hurt/Comfort|[^/]+")
_META = re.compile(r"(?:Fiction\s+)?Rated:.*?\bid:\s*\d+", re.S)
_RATED = re.compile(r"^(?:Fiction\s+)?Rated:\s*(?:Fiction\s+)?(\S+)\s*$")
_STAT = re.compile(r"^([A-Za-z]+):\s*(.*)$")
_PAIRING = re.compile(r"\[([^\]]*)\]")
_OPTION = re.compile(r"^\s*(\d+)\.\s*(.*?)\s*$", re.S)
_STORY_URL = re.compile(r"/s/(\d+)/")
_CATEGORY_LINK = re.compile(r"^(?:https?:)?(?://[^/]+)?/[a-z]+/$")
_XUTIME = re.compile(r"(Updated|Published):\s*<span[^>]*data-xutime=[\"']?(\d+)", re.I)
_SPACE = re.compile(r"\s+")
#: FFN shows dates in US Pacific time; a fixed offset is close enough to recover a missing year.
_FFN_TIME = timedelta(hours=-8)
_STAT_KEYS = ("chapters", "words", "reviews", "favs", "follows", "updated", "published", "id")


def read(data: bytes, source: str) -> list[Work]:
    tree = parse_html(decode_bytes(data))
    story = tree.css_first("#storytext")
    if story is None:
        raise NotAWork("a FanFiction.Net page without a story text (#storytext)")
    meta_node, meta = _meta_line(tree)
    title, fandoms = _title_and_fandoms(tree)
    number, chapter_title, chapter_count = _chapter(tree)
    work = Work(
        id="",
        source=source,
        title=title,
        authors=_authors(tree),
        summary=_summary(tree),
        # The chapter is known; the author's notes and disclaimers FFN keeps inside the text are left for
        # the structure analyser, which finds notes whether or not a work needs its chapters recovered.
        chapters=[Chapter(number=number, title=chapter_title, text=node_text(story))],
    )
    work.tags.extend(Tag(TagKind.FANDOM, name) for name in fandoms)
    _apply_meta(work, meta, meta_node)
    if "chapters" not in work.source_stats:
        work.source_stats["chapters"] = str(chapter_count)
    story_id = work.source_stats.get("id") or _story_id_from_links(tree)
    work.id = f"ffn-{story_id}" if story_id else work_id_from_source(source)
    return [work]


def _meta_line(tree: LexborHTMLParser) -> tuple[LexborNode | None, str]:
    """The meta line's element and its text, whitespace-normalised; ("", None) when the page has none."""
    node = tree.css_first("#profile_top span.xgray")
    if node is not None:
        return node, _clean(node.text())
    root = tree.body or tree.root
    if root is None:
        return None, ""
    for text_node in root.traverse(include_text=True):
        if text_node.tag != "-text" or "Rated:" not in (text_node.text_content or ""):
            continue
        parent = text_node.parent
        while parent is not None:
            match = _META.search(parent.text())
            if match:
                return parent, _clean(match.group(0))
            parent = parent.parent
    return None, ""


def _apply_meta(work: Work, meta: str, node: LexborNode | None) -> None:
    if not meta:
        return
    segments = [s.strip() for s in meta.split(" - ")]
    rated = _RATED.match(segments[0])
    if rated:
        rating = rated.group(1)
        work.source_stats["rating"] = rating
        if rating in RATINGS:
            work.tags.insert(0, Tag(TagKind.RATING, RATINGS[rating]))
    if len(segments) > 1 and ":" not in segments[1]:
        work.language = language_code(segments[1])
    work.complete = False  # FFN marks only finished stories
    for segment in segments[2:]:
        stat = _STAT.match(segment)
        if stat:
            key, value = stat.group(1).lower(), stat.group(2).strip()
            if key == "status":
                work.complete = value.lower().startswith("complete")
            elif key in _STAT_KEYS:
                work.source_stats[key] = value
        elif segment.lower() in ("complete", "completed"):
            work.complete = True
        elif is_genre_list(segment):
            work.tags.extend(Tag(TagKind.FREEFORM, genre) for genre in split_genres(segment))
        else:
            _add_characters(work, segment)
    for key in ("chapters", "words", "reviews", "favs", "follows"):
        if key in work.source_stats:
            work.source_stats[key] = work.source_stats[key].replace(",", "")
    xutimes = dict(_XUTIME.findall(node.html or "")) if node is not None else {}
    for key in ("updated", "published"):
        if key in work.source_stats:
            work.source_stats[key] = _iso_date(work.source_stats[key], xutimes.get(key.capitalize()))


def split_genres(segment: str) -> list[str]:
    """Split a genre segment: "Hurt/Comfort/Romance" → ["Hurt/Comfort", "Romance"]."""
    return [part.strip() for part in _GENRE_PART.findall(segment) if part.strip()]


def is_genre_list(segment: str) -> bool:
    parts = split_genres(segment)
    return bool(parts) and all(part in GENRES for part in parts)


def _add_characters(work: Work, segment: str) -> None:
    """Characters and pairings: "[A, B] [C, D] E" → characters A–E, relationships A/B and C/D.

    Old pages' "A & B" names two characters, not a pairing (FFN had no way to mark one then)."""
    characters: list[str] = []
    for pairing in _PAIRING.findall(segment):
        names = [n.strip() for n in pairing.split(",") if n.strip()]
        characters.extend(names)
        if len(names) >= 2:
            work.tags.append(Tag(TagKind.RELATIONSHIP, "/".join(names)))
    rest = _PAIRING.sub(",", segment)
    characters.extend(n.strip() for n in re.split(r",|\s&\s", rest) if n.strip())
    seen = set(work.tag_names(TagKind.CHARACTER))
    for name in characters:
        if name not in seen:
            seen.add(name)
            work.tags.append(Tag(TagKind.CHARACTER, name))


def _iso_date(shown: str, xutime: str | None) -> str:
    """FFN's "3/29/2010", "5/15" (this year) or old "12-14-09" as an ISO date; unknown forms unchanged."""
    if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", shown):
        month, day, year = (int(g) for g in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{2})", shown):
        month, day, short = (int(g) for g in match.groups())
        year = short + (1900 if short >= 90 else 2000)
    elif (match := re.fullmatch(r"(\d{1,2})/(\d{1,2})", shown)) and xutime:
        month, day = (int(g) for g in match.groups())
        year = (datetime.fromtimestamp(int(xutime), UTC) + _FFN_TIME).year
    else:
        return shown
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return shown


def _title_and_fandoms(tree: LexborHTMLParser) -> tuple[str, list[str]]:
    title_node = tree.css_first("#profile_top b.xcontrast_txt") or tree.css_first("#gui_table1i b")
    fandom_links = tree.css("#pre_story_links a")
    title = _clean(title_node.text()) if title_node is not None else ""
    fandom = _clean(fandom_links[-1].text()) if fandom_links else ""
    if not title or not fandom:
        old_title, old_fandom = _breadcrumb(tree)
        title, fandom = title or old_title, fandom or old_fandom
    return title, split_crossover(fandom)


def split_crossover(fandom: str) -> list[str]:
    """A crossover's fandoms: "Harry Potter + Chronicles of Narnia Crossover" → both; a plain fandom → itself."""
    if not fandom:
        return []
    if fandom.endswith(" Crossover") and " + " in fandom:
        return [part.strip() for part in fandom.removesuffix(" Crossover").split(" + ") if part.strip()]
    return [fandom]


def _breadcrumb(tree: LexborHTMLParser) -> tuple[str, str]:
    """Old layouts: "<a>Books</a> » <a>Harry Potter</a> » <b>Title</b>" → (title, fandom)."""
    for bold in tree.css("b"):
        parent = bold.parent
        if parent is None:
            continue
        links: list[LexborNode] = []
        node = parent.child
        while node is not None and node.mem_id != bold.mem_id:
            if node.tag == "a":
                links.append(node)
            node = node.next
        if len(links) >= 2 and _CATEGORY_LINK.match(links[0].attributes.get("href") or ""):
            return _clean(bold.text()), _clean(links[-1].text())
    return "", ""


def _authors(tree: LexborHTMLParser) -> list[str]:
    for link in tree.css("a[href]"):
        if re.search(r"(?:^|//[^/]+)/u/\d+/", link.attributes.get("href") or ""):
            name = _clean(link.text())
            if name:
                return [name]
    return []


def _summary(tree: LexborHTMLParser) -> str:
    node = tree.css_first("#profile_top div.xcontrast_txt") or tree.css_first("#gui_table1i div[style*='margin-top']")
    return node_text(node) if node is not None else ""


def _chapter(tree: LexborHTMLParser) -> tuple[int, str, int]:
    """(number, title, count of chapters) from the chapter menu; (1, "", 1) for a one-shot."""
    menu = tree.css_first("select#chap_select") or tree.css_first("select[name='chapter']")
    if menu is None:
        return 1, "", 1
    options = menu.css("option")
    chosen = next((o for o in options if "selected" in o.attributes), options[0] if options else None)
    if chosen is None:
        return 1, "", 1
    match = _OPTION.match(_clean(chosen.text()))
    if not match:
        return 1, _clean(chosen.text()), len(options)
    return int(match.group(1)), match.group(2), len(options)


def _story_id_from_links(tree: LexborHTMLParser) -> str:
    for node in tree.css("link[rel='canonical'], a[href]"):
        match = _STORY_URL.search(node.attributes.get("href") or "")
        if match:
            return match.group(1)
    return ""


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", (text or "").replace("\u00a0", " ")).strip()
