"""HTML fragments of an export ``Document``, shared by the EPUB and the single-file HTML.

Story text is the model's plain text and is escaped here; notes and summaries may be user HTML and go through
``html_safety.user_html``. Fragments are well-formed (``<br/>``, ``<hr/>``) so they work as XHTML too.
"""

from __future__ import annotations

import re
from html import escape

from ficshelf.export.layout import Block, BlockKind, ChapterLayout
from ficshelf.export.preface import Preface
from ficshelf.html_safety import user_html

_VOID = re.compile(r"<(br|hr)(\s[^<>]*)?>")


def xhtml_fragment(fragment: str) -> str:
    """Make an HTML fragment from nh3 also XHTML: close void elements (``<br>`` → ``<br/>``), no ``&nbsp;``."""
    closed = _VOID.sub(lambda m: f"<{m.group(1)}{(m.group(2) or '').rstrip('/')}/>", fragment)
    return closed.replace("&nbsp;", "&#160;")  # the one named entity html5ever writes that XML lacks


def safe(text: str) -> str:
    """User text or HTML as a sanitised, XHTML-compatible fragment."""
    return xhtml_fragment(user_html(text))


def lines(text: str) -> str:
    return "<br/>".join(escape(line.strip()) for line in text.strip().split("\n"))


def preface_html(p: Preface, notes: list[str]) -> str:
    """The title page: title, byline, tags, stats, series, summary, the work's beginning notes, the link."""
    parts = [f'<h1 class="title">{escape(p.title)}</h1>', f'<p class="byline">by {escape(", ".join(p.authors))}</p>']
    parts.append('<dl class="tags">')
    for group in p.tags:
        mark = ' <span class="suggested">(suggested by ficshelf)</span>' if group.suggested else ""
        parts.append(f"<dt>{escape(group.label)}:{mark}</dt><dd>{escape(', '.join(group.names))}</dd>")
    if p.series:
        parts.append(f"<dt>Series:</dt><dd>{escape('; '.join(p.series))}</dd>")
    parts.append(f'<dt>Stats:</dt><dd class="stats">{escape(_stats(p))}</dd></dl>')
    if p.summary.strip():
        parts.append(f'<div class="summary"><p class="summary-heading">Summary:</p>{safe(p.summary)}</div>')
    parts.append(notes_html(notes, "Notes:", "notes-beginning"))
    if p.link:
        link = escape(p.link)
        parts.append(f'<p class="source-link">Read it online: <a href="{link}">{link}</a></p>')
    return "\n".join(part for part in parts if part)


def _stats(p: Preface) -> str:
    facts = [f"Published: {p.published}"] if p.published else []
    if p.updated and p.updated != p.published:
        facts.append(f"Updated: {p.updated}")
    facts += [f"Words: {p.words:,}", f"Chapters: {p.chapters}", f"Language: {p.language}"]
    return " · ".join(facts)


def notes_html(notes: list[str], label: str, css_class: str) -> str:
    """An ``<aside>`` of notes, each in its own ``<div class="note">`` (so an importer can tell them apart)."""
    body = "".join(f'<div class="note">{safe(note)}</div>' for note in notes if note.strip())
    if not body:
        return ""
    return (
        f'<aside class="notes {css_class}" aria-label="{escape(label.rstrip(":"))}">'
        f'<p class="notes-heading">{escape(label)}</p>{body}</aside>'
    )


def chapter_html(chapter: ChapterLayout, anchor: str = "") -> str:
    """One chapter: heading, summary, beginning notes, the story blocks, end notes."""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    parts = [f"<h2{ident}>{escape(chapter.title)}</h2>" if chapter.title else ""]
    if chapter.summary.strip():
        parts.append(f'<div class="summary"><p class="summary-heading">Summary:</p>{safe(chapter.summary)}</div>')
    parts.append(notes_html(chapter.notes_beginning, "Notes:", "notes-beginning"))
    parts += [block_html(block) for block in chapter.blocks]
    parts.append(notes_html(chapter.notes_end, "End Notes:", "notes-end"))
    return "\n".join(part for part in parts if part)


def block_html(block: Block) -> str:
    if block.kind is BlockKind.PROSE:
        return f"<p>{lines(block.text)}</p>"
    if block.kind is BlockKind.LYRICS:
        return f'<blockquote class="lyrics"><p>{lines(block.text)}</p></blockquote>'
    if block.kind is BlockKind.HEADER:
        return f'<p class="pov-header">{escape(block.text)}</p>'
    if block.kind is BlockKind.BREAK:
        return '<hr class="scene-break"/>'
    return notes_html([block.text], "Author's note:", "notes-inline")
