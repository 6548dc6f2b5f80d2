"""Formats are chosen by content: a misnamed file still reaches the right importer."""

from __future__ import annotations

import pytest

from ficshelf.ingest.sniff import sniff


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip", "story.txt", "epub"),
        (b"PK\x03\x04\x14\x00\x08\x00", "works.epub", "zip"),
        (b'{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\n', "works.txt", "jsonl"),
        (b'<!DOCTYPE html><html><head></head><body><div id="workskin">', "a.txt", "ao3_html"),
        (
            b"<html><body><a href='https://www.fanfiction.net/s/1'>x</a><div id='storytext'>",
            "a.htm",
            "ffn_html",
        ),
        (b"<html><body><p>Once</p></body></html>", "story.txt", "html"),
        (b"# Chapter 1\n\nOnce upon a time.", "story.txt", "markdown"),
        (b"Chapter 1\n\nOnce upon a time. {not json}", "story.md", "markdown"),
        (b"Chapter 1\n\nOnce upon a time.", "story.html", "text"),
        (b"{not json at all\nsecond line", "notes.txt", "text"),
    ],
)
def test_sniff(head: bytes, name: str, expected: str) -> None:
    assert sniff(head, name) == expected
