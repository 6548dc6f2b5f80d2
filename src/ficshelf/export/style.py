"""The style sheets of the exports: one shared base, plus page furniture for the single-file HTML."""

from __future__ import annotations

from typing import Final

#: Classes used by ``render``: notes, lyrics, POV headers, scene breaks, the title page's tag list.
BASE_CSS: Final = """
body { line-height: 1.5; }
h1, h2 { line-height: 1.25; }
.byline { font-style: italic; }
dl.tags { margin: 1em 0; }
dl.tags dt { font-weight: bold; margin-top: 0.4em; }
dl.tags dd { margin-left: 1.5em; }
.suggested { font-weight: normal; font-style: italic; font-size: 0.85em; }
.summary, .notes { border-left: 0.25em solid #8a8a8a; margin: 1em 0; padding: 0.2em 0 0.2em 1em; }
.notes-heading, .summary-heading { font-size: 1em; font-weight: bold; margin: 0.3em 0; }
.notes-inline { font-size: 0.95em; }
.lyrics { font-style: italic; margin: 1em 2em; }
.pov-header { text-align: center; font-weight: bold; letter-spacing: 0.05em; margin: 1.5em 0 1em; }
hr.scene-break { border: 0; border-top: 1px dashed #8a8a8a; width: 30%; margin: 1.5em auto; }
.stats { font-size: 0.9em; }
.source-link { font-size: 0.9em; word-break: break-all; }
"""

#: Single-file HTML only: a readable column on a phone or a desktop, light and dark.
PAGE_CSS: Final = """
html { -webkit-text-size-adjust: 100%; }
body { font-family: Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fdfdfb;
       max-width: 40em; margin: 0 auto; padding: 1em 1.25em 3em; font-size: 1.05em; }
a { color: #1a4f9c; }
nav.toc ol { padding-left: 1.5em; }
section.chapter { margin-top: 3em; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e6e3; background: #16181a; }
  a { color: #8fb8ff; }
}
"""
