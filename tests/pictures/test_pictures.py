"""The work page's pictures: the character-interaction graph and the mood arc, as accessible SVG."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.analysis.results import CharacterResult, Relationship
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Chapter, Work
from ficshelf.pictures.interactions import Edge, InteractionGraph, Node, graph_svg, interaction_graph
from ficshelf.pictures.mood import MoodArc, doc_mood_arc, mood_arc, mood_svg

SVG = "{http://www.w3.org/2000/svg}"


def _svg(text: str) -> etree._Element:
    root = etree.fromstring(text.encode())
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert set((root.get("aria-labelledby") or "").split()) == {title.get("id"), desc.get("id")}
    return root


def _character(name: str, text: str, role: str = "main") -> CharacterResult:
    spans = [(i, i + len(name)) for i in range(len(text)) if text.startswith(name, i)]
    return CharacterResult(name, name, "", role, len(spans), [], True, spans=spans)


def _doc() -> Doc:
    paragraphs = [
        "Ann met Bo at the gate.",
        "Ann and Bo laughed.",
        "Ann and Cy argued.",
        "Bo and Cy ate.",
        "Ann and Bo ran.",
    ]
    text = "\n\n".join(paragraphs)
    doc = Doc(Work("w", "t", chapters=[Chapter(1, text=text)]), text)
    doc.characters = [_character("Ann", text), _character("Bo", text), _character("Cy", text, "mentioned")]
    doc.relationships = [
        Relationship(("Bo", "Ann"), "romantic", "main", 0.8),
        Relationship(("Bo", "Cy"), "platonic", "background", 0.3),
    ]
    return doc


def test_graph_counts_shared_paragraphs_and_marks_relationships() -> None:
    graph = interaction_graph(_doc(), min_together=2)
    assert [n.name for n in graph.nodes] == ["Ann", "Bo", "Cy"]
    edges = {(e.a, e.b): e for e in graph.edges}
    assert edges[("Ann", "Bo")].together == 3 and edges[("Ann", "Bo")].kind == "romantic"
    assert edges[("Bo", "Cy")].kind == "platonic" and edges[("Bo", "Cy")].together == 1  # kept: a relationship
    assert ("Ann", "Cy") not in edges  # one shared paragraph, no relationship: below min_together


def test_graph_svg_has_labelled_nodes_and_styled_edges() -> None:
    graph = InteractionGraph(
        (Node("Ann <&>", 10, True), Node("Bo", 5, True), Node("Cy", 1, False)),
        (
            Edge("Ann <&>", "Bo", 4, "romantic", 0.8),
            Edge("Bo", "Cy", 2, "platonic", 0.2),
            Edge("Ann <&>", "Cy", 2, "together"),
        ),
    )
    root = _svg(graph_svg(graph, "A & B"))
    nodes = root.findall(f".//{SVG}g[@class='nodes']/{SVG}g")
    assert [n.findtext(f"{SVG}text") for n in nodes] == ["Ann <&>", "Bo", "Cy"]
    assert all(n.find(f"{SVG}circle") is not None and n.findtext(f"{SVG}title") for n in nodes)
    lines = root.findall(f".//{SVG}g[@class='edges']/{SVG}line")
    assert sorted(line.get("class", "") for line in lines) == ["edge platonic", "edge romantic", "edge together"]
    widths = {line.get("class"): float(line.get("stroke-width", 0)) for line in lines}
    assert widths["edge romantic"] > widths["edge platonic"]
    assert "romantic relationship" in "".join(root.find(f".//{SVG}g[@class='edges']").itertext())
    assert root.findtext(f"{SVG}title") == "Characters in A & B"


def test_mood_arc_follows_the_text() -> None:
    warm = "What a wonderful, happy day. " * 20
    dark = "This is a horrible, terrible, sad loss. " * 20
    arc = mood_arc(warm + dark, [(len(warm), "Chapter 2: Loss")], segments=10)
    assert len(arc.points) == 10
    assert min(arc.points[:4]) > 0.3 and max(arc.points[-4:]) < -0.3
    assert arc.chapters == ((round(len(warm) / len(warm + dark), 4), "Chapter 2: Loss"),)


def test_mood_svg_has_one_point_per_segment_and_chapter_marks() -> None:
    arc = MoodArc((0.5, -0.2, 0.1, -0.9), ((0.5, "Chapter 2 <end>"),))
    root = _svg(mood_svg(arc, "T"))
    points = root.find(f".//{SVG}polyline[@class='mood-line']").get("points", "").split()
    assert len(points) == 4
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[0] < ys[2] < ys[1] < ys[3]  # warm is up: smaller y
    marks = root.findall(f".//{SVG}g[@class='chapter']")
    assert len(marks) == 1 and marks[0].findtext(f"{SVG}title") == "Chapter 2 <end>"


def test_empty_inputs_still_give_valid_pictures() -> None:
    _svg(mood_svg(mood_arc("")))
    _svg(graph_svg(InteractionGraph((), ())))


@pytest.mark.corpus
def test_seed_pictures(seeds_dir: Path) -> None:
    item = next(read_paths([seeds_dir / "001_ec05fc822d4404d6.txt"]))
    assert item.work is not None
    doc = default_pipeline().run(item.work)
    graph = interaction_graph(doc)
    assert len(graph.nodes) >= 2 and any(e.kind == "romantic" for e in graph.edges)
    root = _svg(graph_svg(graph))
    assert len(root.findall(f".//{SVG}circle")) == len(graph.nodes)
    arc = doc_mood_arc(doc)
    assert len(arc.points) == 40 and all(-1 <= p <= 1 for p in arc.points)
