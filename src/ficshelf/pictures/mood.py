"""The mood arc: how warm or dark the text feels, from the first sentence to the last, as an SVG line.

VADER (vaderSentiment, a rule-and-lexicon scorer shipped with its lexicon) scores every sentence from -1 to 1;
a whole story scored at once saturates near ±1, so the sentences are grouped into ``segments`` equal stretches
of the text and averaged. Chapter starts are drawn as dashed vertical lines. Pure: text in, SVG text out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.sentences import sentence_spans
from ficshelf.pictures.svg import document, esc, num
from ficshelf.sentiment import compound

SEGMENTS = 40
_W, _H, _LEFT, _RIGHT, _TOP, _BOTTOM = 640, 220, 44, 12, 28, 26
_CSS = (
    ".axis{stroke:#767676;stroke-width:1}.zero{stroke:#767676;stroke-dasharray:2 3}"
    ".mood-line{fill:none;stroke:#1a5fb4;stroke-width:2.5;stroke-linejoin:round}"
    ".chapter-mark{stroke:#9a4d00;stroke-dasharray:4 3}"
    "text{font:11px sans-serif;fill:#333}.chapter-label{fill:#9a4d00}"
)


@dataclass(frozen=True, slots=True)
class MoodArc:
    """``points``: mean sentiment of each stretch, in text order. ``chapters``: (position 0–1, label)."""

    points: tuple[float, ...]
    chapters: tuple[tuple[float, str], ...] = ()


def mood_arc(text: str, chapter_starts: Sequence[tuple[int, str]] = (), segments: int = SEGMENTS) -> MoodArc:
    """Mean VADER compound score per stretch of ``text``; ``chapter_starts`` are (offset, label) pairs."""
    spans = sentence_spans(text)
    if not spans:
        return MoodArc(())
    count = max(1, min(segments, len(spans)))
    sums, sizes = [0.0] * count, [0] * count
    for start, end in spans:
        slot = min(count - 1, start * count // max(1, len(text)))
        sums[slot] += compound(text[start:end])
        sizes[slot] += 1
    points: list[float] = []
    for total, size in zip(sums, sizes, strict=True):
        points.append(round(total / size, 3) if size else (points[-1] if points else 0.0))
    marks = tuple((round(offset / len(text), 4), label) for offset, label in chapter_starts if 0 < offset < len(text))
    return MoodArc(tuple(points), marks)


def doc_mood_arc(doc: Doc, segments: int = SEGMENTS) -> MoodArc:
    """The mood arc of an analysed work, with its chapters (given or recovered) marked."""
    return mood_arc(doc.text, chapter_starts(doc), segments)


def chapter_starts(doc: Doc) -> list[tuple[int, str]]:
    work = doc.work
    if work.needs_structure:
        found = doc.structure.chapters if doc.structure else ()
        return [(h.start, h.title or h.line or f"Chapter {h.number}") for h in found]
    return [(c.start, c.title or f"Chapter {c.number}") for c in work.chapters]


def mood_svg(arc: MoodArc, title: str = "") -> str:
    """The arc as an SVG line chart: dark (-1) at the bottom, warm (+1) at the top, chapters marked."""
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM
    mid = _TOP + plot_h / 2

    def x(position: float) -> float:
        return _LEFT + position * plot_w

    def y(score: float) -> float:
        return mid - max(-1.0, min(1.0, score)) * plot_h / 2

    body = [
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + plot_h}"/>',
        f'<line class="zero" x1="{_LEFT}" y1="{num(mid)}" x2="{_W - _RIGHT}" y2="{num(mid)}"/>',
        f'<text x="{_LEFT - 6}" y="{_TOP + 4}" text-anchor="end">warm</text>',
        f'<text x="{_LEFT - 6}" y="{_TOP + plot_h}" text-anchor="end">dark</text>',
        f'<text x="{_LEFT}" y="{_H - 8}">start</text>',
        f'<text x="{_W - _RIGHT}" y="{_H - 8}" text-anchor="end">end</text>',
    ]
    for position, label in arc.chapters:
        body.append(
            f'<g class="chapter"><title>{esc(label)}</title>'
            f'<line class="chapter-mark" x1="{num(x(position))}" y1="{_TOP}" x2="{num(x(position))}" '
            f'y2="{_TOP + plot_h}"/><text class="chapter-label" x="{num(x(position) + 3)}" y="{_TOP - 8}">'
            f"{esc(_short(label))}</text></g>"
        )
    n = len(arc.points)
    if n:
        coords = " ".join(f"{num(x(i / max(1, n - 1)))},{num(y(p))}" for i, p in enumerate(arc.points))
        body.append(f'<polyline class="mood-line" points="{coords}"/>')
    name = f" of {title}" if title else ""
    return document(_W, _H, "mood", f"Mood arc{name}", _describe(arc), body, _CSS)


def _describe(arc: MoodArc) -> str:
    if not arc.points:
        return "No sentences to score."
    low = min(range(len(arc.points)), key=arc.points.__getitem__)
    high = max(range(len(arc.points)), key=arc.points.__getitem__)
    n = len(arc.points)
    return (
        f"Average sentiment of {n} stretches of the text, from -1 (dark) to 1 (warm). "
        f"Darkest at {round(100 * low / max(1, n - 1))}% of the way through ({arc.points[low]:+.2f}), "
        f"warmest at {round(100 * high / max(1, n - 1))}% ({arc.points[high]:+.2f}). "
        f"{len(arc.chapters)} chapter start{'' if len(arc.chapters) == 1 else 's'} marked."
    )


def _short(label: str) -> str:
    return label if len(label) <= 18 else label[:17] + "…"
