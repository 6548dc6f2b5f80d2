"""What people write (summaries, notes, comments, titles, tags, bookmark notes) can never run script."""

from __future__ import annotations

from collections.abc import Callable

import lxml.html
from lxml import etree

from tests.web.conftest import STORY, Visitor

ATTACKS = [
    "<script>alert('summary')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(2)">click</a>',
    "<svg onload=alert(3)></svg>",
    '<iframe src="https://example.invalid"></iframe>',
]


def assert_inert(document: str) -> None:
    """No element that runs script: no <script>/<iframe>, no on* attribute, no javascript: URL."""
    if document.startswith("<?xml"):
        root = etree.fromstring(document.encode())
    else:
        root = lxml.html.document_fromstring(document)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname.lower()
        assert name not in ("script", "iframe", "object", "embed"), name
        for attribute, value in element.attrib.items():
            assert not attribute.lower().startswith("on"), f"{name} has {attribute}"
            assert not value.strip().lower().startswith("javascript:"), f"{name} {attribute}={value}"


def test_script_in_summaries_notes_comments_and_bookmarks_never_runs(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    payload = " ".join(ATTACKS)
    work_id = author.post_work(
        STORY,
        title=f"Title {ATTACKS[0]}",
        summary=f"<p>A <em>kind</em> summary</p>{payload}",
        freeforms=f"Fluff, {ATTACKS[1]}",
    )
    author.post(
        f"/works/{work_id}/edit",
        {"title": f"Title {ATTACKS[0]}", "summary": payload, "notes_beginning": payload, "notes_end": payload},
    )
    reader = any_visitor().register("reader")
    reader.post(f"/works/{work_id}/comments", {"body": payload})
    any_visitor().post(f"/works/{work_id}/comments", {"body": payload, "name": ATTACKS[1]})
    reader.post(f"/works/{work_id}/bookmark", {"notes": payload})
    pages = [
        author.get(f"/works/{work_id}").text,
        reader.get(f"/works/{work_id}").text,
        reader.get("/").text,
        reader.get("/bookmarks").text,
        reader.get("/search?q=kind").text,
        author.get("/comments/held").text,
        reader.get(f"/works/{work_id}/download.html").text,
        reader.get("/opds/recent").text,
    ]
    for html in pages:
        assert_inert(html)
    assert "alert(" in pages[0]  # the words are still shown, as text
    assert "<em>kind</em>" in pages[2] or "&lt;script&gt;" in pages[2]


def test_comment_text_is_escaped_or_sanitised_not_dropped(any_visitor: Callable[[], Visitor]) -> None:
    author = any_visitor().register("author")
    work_id = author.post_work()
    reader = any_visitor().register("reader")
    reader.post(f"/works/{work_id}/comments", {"body": "I loved <b>this</b> & the <script>x()</script> ending"})
    html = reader.get(f"/works/{work_id}").text
    assert_inert(html)
    assert "ending" in html
