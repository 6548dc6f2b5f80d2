"""Single-file HTML export: one self-contained page (inline CSS, no script), the same content as the EPUB.

A Content-Security-Policy in the page forbids script and remote loads even if a browser opens the file
from a web server, on top of the sanitising of notes and summaries.
"""

from __future__ import annotations

from html import escape
from typing import Final

from ficshelf.analysis.doc import Doc
from ficshelf.export.preface import Document, build_document
from ficshelf.export.render import chapter_html, notes_html, preface_html
from ficshelf.export.style import BASE_CSS, PAGE_CSS
from ficshelf.model import Work

#: No script, no plug-ins, no remote anything; inline styles only; links may still be followed.
CSP: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def work_to_html(work: Work, doc: Doc | None = None, link: str = "") -> str:
    """The work as one HTML page; ``doc`` (its analysis) adds structure and suggested tags, ``link`` its URL."""
    return document_to_html(build_document(work, doc, link))


def document_to_html(document: Document) -> str:
    p, layout = document.preface, document.layout
    chapters = layout.chapters
    toc = ""
    if len(chapters) > 1:
        items = "".join(f'<li><a href="#chapter-{i + 1}">{escape(c.title)}</a></li>' for i, c in enumerate(chapters))
        toc = f'<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>{items}</ol></nav>'
    body = [
        f'<section class="chapter" aria-label="{escape(c.title or p.title)}">{chapter_html(c, f"chapter-{i + 1}")}'
        "</section>"
        for i, c in enumerate(chapters)
    ]
    end_notes = notes_html(layout.notes_end, "End Notes:", "notes-end work-notes")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{escape(p.language)}">',
            "<head>",
            '<meta charset="utf-8"/>',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}"/>',
            '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
            '<meta name="generator" content="ficshelf"/>',
            f"<title>{escape(p.title)} by {escape(', '.join(p.authors))}</title>",
            f"<style>{BASE_CSS}{PAGE_CSS}</style>",
            "</head>",
            "<body>",
            f'<header class="preface">{preface_html(p, layout.notes_beginning)}</header>',
            toc,
            "<main>",
            *body,
            end_notes,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
