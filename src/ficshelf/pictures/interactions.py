"""The character-interaction graph: who shares scenes with whom, and which pairs the analysis calls a relationship.

Nodes are the analysis's characters (the most mentioned, main characters first), sized by mentions. Two
characters are linked when they are named in the same paragraph at least ``min_together`` times, or when the
analysis found a relationship between them; the line's width grows with the paragraphs they share. Romantic
relationships are drawn red and solid, platonic ones green and dashed, other shared scenes grey. The layout is
a circle in the characters' order, so the same analysis always gives the same picture.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from ficshelf.analysis.doc import Doc
from ficshelf.pictures.svg import document, esc, num

_BLANK = re.compile(r"\n[^\S\n]*\n")
_W, _H = 760, 560
_CSS = (
    ".edge{stroke-linecap:round}.together{stroke:#8a8a8a}.romantic{stroke:#c01c28}"
    ".platonic{stroke:#26a269;stroke-dasharray:7 4}.node circle{fill:#dbe7f7;stroke:#1a5fb4;stroke-width:1.5}"
    ".node.main circle{fill:#a8c8f0}text{font:12px sans-serif;fill:#1a1a1a}.legend text{font-size:11px}"
)


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    mentions: int
    main: bool


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    together: int  # paragraphs naming both
    kind: str  # romantic | platonic | together (no relationship found)
    score: float = 0.0  # the relationship's score when there is one


@dataclass(frozen=True, slots=True)
class InteractionGraph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def interaction_graph(doc: Doc, max_nodes: int = 12, min_together: int = 2) -> InteractionGraph:
    """Characters and their links from an analysed work (``default_pipeline().run(work)``)."""
    ranked = sorted(doc.characters, key=lambda c: (c.role != "main", -c.mentions, c.name))[:max_nodes]
    nodes = tuple(Node(c.name, c.mentions, c.role == "main") for c in ranked)
    starts = _paragraph_starts(doc.text)
    seen: dict[str, set[int]] = {c.name: {bisect_right(starts, s) - 1 for s, _ in c.spans} for c in ranked}
    together: Counter[tuple[str, str]] = Counter()
    for a, b in combinations([n.name for n in nodes], 2):
        shared = len(seen[a] & seen[b])
        if shared:
            together[_pair(a, b)] = shared
    related = {_pair(*r.characters): r for r in doc.relationships}
    edges = []
    for pair in sorted(set(together) | {p for p in related if p[0] in seen and p[1] in seen}):
        rel = related.get(pair)
        if rel is None and together[pair] < min_together:
            continue
        kind = rel.kind if rel is not None else "together"
        edges.append(Edge(pair[0], pair[1], together[pair], kind, rel.score if rel is not None else 0.0))
    return InteractionGraph(nodes, tuple(edges))


def graph_svg(graph: InteractionGraph, title: str = "") -> str:
    """The graph as SVG: nodes on a circle, labelled; every node and edge carries a ``<title>`` tooltip."""
    centre, middle, radius = _W / 2, _H / 2, _H / 2 - 80
    order = _circle_order(graph)
    spot = {
        name: (
            centre + radius * math.cos(2 * math.pi * i / max(1, len(order)) - math.pi / 2),
            middle + radius * math.sin(2 * math.pi * i / max(1, len(order)) - math.pi / 2),
        )
        for i, name in enumerate(order)
    }
    most = max((e.together for e in graph.edges), default=1) or 1
    body = ['<g class="edges">']
    for edge in graph.edges:
        (x1, y1), (x2, y2) = spot[edge.a], spot[edge.b]
        width = 1.5 + 6 * edge.together / most
        body.append(
            f'<line class="edge {edge.kind}" x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" '
            f'stroke-width="{num(width)}"><title>{esc(_edge_words(edge))}</title></line>'
        )
    body.append('</g><g class="nodes">')
    most_mentions = max((n.mentions for n in graph.nodes), default=1) or 1
    for node in graph.nodes:
        x, y = spot[node.name]
        r = 8 + 14 * math.sqrt(node.mentions / most_mentions)
        anchor = "middle" if abs(x - centre) < 1 else ("start" if x > centre else "end")
        dx = 0 if anchor == "middle" else (r + 4 if anchor == "start" else -r - 4)
        dy = -r - 6 if anchor == "middle" and y < middle else (r + 14 if anchor == "middle" else 4)
        body.append(
            f'<g class="node{" main" if node.main else ""}"><title>{esc(node.name)}: {node.mentions} mentions</title>'
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(r)}"/>'
            f'<text x="{num(x + dx)}" y="{num(y + dy)}" text-anchor="{anchor}">{esc(node.name)}</text></g>'
        )
    body.append("</g>")
    body += _legend()
    name = f" in {title}" if title else ""
    return document(_W, _H, "cast", f"Characters{name}", _describe(graph), body, _CSS)


def _circle_order(graph: InteractionGraph) -> list[str]:
    """Main characters first; each next place goes to the strongest partner of the one before, so linked
    characters sit side by side and fewer lines cross."""
    weight: Counter[tuple[str, str]] = Counter()
    for edge in graph.edges:
        bonus = 1000 if edge.kind != "together" else 0
        weight[(edge.a, edge.b)] = weight[(edge.b, edge.a)] = edge.together + bonus
    left = [node.name for node in graph.nodes]
    order: list[str] = []
    while left:
        last = order[-1] if order else ""
        best = max(left, key=lambda name: weight[(last, name)]) if last else left[0]
        nxt = best if weight[(last, best)] > 0 else left[0]
        order.append(nxt)
        left.remove(nxt)
    return order


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BLANK.finditer(text)]


def _pair(a: str, b: str) -> tuple[str, str]:
    first, second = sorted((a, b))
    return first, second


def _edge_words(edge: Edge) -> str:
    shared = f"named together in {edge.together} paragraph{'s' if edge.together != 1 else ''}"
    if edge.kind == "together":
        return f"{edge.a} and {edge.b}: {shared}"
    return f"{edge.a} and {edge.b}: {edge.kind} relationship (score {edge.score:.2f}), {shared}"


def _describe(graph: InteractionGraph) -> str:
    if not graph.nodes:
        return "No characters were found."
    pairs = [_edge_words(e) for e in sorted(graph.edges, key=lambda e: (-e.together, e.a, e.b))[:5]]
    listed = "; ".join(pairs) if pairs else "no two of them share a paragraph often"
    return f"{len(graph.nodes)} characters, {len(graph.edges)} links. Strongest: {listed}."


def _legend() -> list[str]:
    rows = [("romantic", "romantic relationship"), ("platonic", "platonic relationship"), ("together", "share scenes")]
    out = ['<g class="legend">']
    for i, (kind, words) in enumerate(rows):
        y = _H - 58 + 18 * i
        out.append(f'<line class="edge {kind}" x1="12" y1="{y}" x2="42" y2="{y}" stroke-width="3"/>')
        out.append(f'<text x="48" y="{y + 4}">{words}</text>')
    out.append("</g>")
    return out
