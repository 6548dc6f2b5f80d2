"""Authors' own pairing statements, pair strength and the category of a romance without a suggested pair, on
short texts written for these tests (the real knowledge base and pipeline)."""

from __future__ import annotations

from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pair_choice import SUGGEST, Leading, pairing_reader, score_pairs
from ficshelf.analysis.pairings import category_statements
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.model import Chapter, Work

HP = "Harry Potter - J. K. Rowling"


def _pairs(*texts: str) -> list[tuple[str, str]]:
    kb = default_kb()
    return [s.characters for s in pairing_reader(kb, frozenset({HP})).statements(texts)]


def test_slash_x_and_initials_statements_name_the_pair() -> None:
    assert _pairs("Pairing: Draco/Harry") == [("Draco Malfoy", "Harry Potter")]
    assert _pairs("A short one. Harry x Draco, eventually.") == [("Draco Malfoy", "Harry Potter")]
    assert _pairs("An interactive HP/TR fic.") == [("Harry Potter", "Tom Riddle | Voldemort")]
    assert _pairs("Secrets ensue :) Remus/OFC") == [("Original Female Character(s)", "Remus Lupin")]


def test_a_ship_name_names_the_pair_and_a_chain_gives_every_pair() -> None:
    assert _pairs("Just a little Drarry drabble.") == [("Draco Malfoy", "Harry Potter")]
    assert sorted(_pairs("Pairing: Harry/Draco/Hermione")) == [
        ("Draco Malfoy", "Harry Potter"),
        ("Draco Malfoy", "Hermione Granger"),
        ("Harry Potter", "Hermione Granger"),
    ]


def test_fandoms_denials_and_unknown_names_are_not_pairings() -> None:
    assert _pairs("A Sherlock/Harry Potter crossover.") == []
    assert _pairs("This is not Drarry, sorry.") == []
    assert _pairs("no Harry/Draco here") == []
    assert _pairs("Zorblax/Harry") == []
    assert _pairs("A/N: thanks for reading") == []


def test_category_words_of_the_author() -> None:
    assert [c for c, _ in category_statements(["Warning: slash."])] == ["M/M"]
    assert [c for c, _ in category_statements(["A femslash piece."])] == ["F/F"]
    assert [c for c, _ in category_statements(["Gen, no romance."])] == ["Gen", "Gen"]
    assert category_statements(["Not slash, just friends."]) == []


def test_a_known_ship_named_in_the_summary_outscores_a_pair_with_neither() -> None:
    leading = [Leading("A", 10, True), Leading("B", 8, True), Leading("C", 7, False)]
    ships = {frozenset({"A", "B"}): "romantic"}
    scored = score_pairs(leading, {}, ships)
    assert scored[0].characters == ("A", "B") and scored[0].strength >= SUGGEST
    assert all(p.strength < SUGGEST for p in scored[1:])
    # romantic cues alone can carry a pair past the threshold; a friendship-only ship pulls it down
    assert score_pairs(leading, {("A", "C"): 20.0}, {})[0].characters == ("A", "C")
    friends = score_pairs(leading, {}, {frozenset({"A", "B"}): "platonic"})
    assert next(p for p in friends if p.characters == ("A", "B")).strength < scored[0].strength - 2


def _run(text: str, summary: str = "") -> Doc:
    return default_pipeline().run(Work(id="t", source="t", summary=summary, chapters=[Chapter(1, text=text)]))


# Harry and Neville are fans' friends, not a ship the knowledge base knows
HOGWARTS = " ".join(
    [
        "Harry Potter walked down to the lake at Hogwarts after the Quidditch match with Neville Longbottom.",
        "Neville was hungry, and Harry laughed at him. Hermione Granger waved from the castle.",
        "Harry and Neville sat by the water until Neville fell asleep, and then Harry woke Neville for dinner.",
    ]
)


def test_the_authors_pairing_is_suggested_with_their_sentence_as_evidence() -> None:
    doc = _run(HOGWARTS, summary="Pairing: Draco/Harry. A quiet evening.")
    rel = next(r for r in doc.relationships if set(r.characters) == {"Draco Malfoy", "Harry Potter"})
    assert (rel.kind, rel.suggested) == ("romantic", True)
    assert "Draco/Harry" in rel.evidence[0].text
    assert [t.name for t in doc.category] == ["M/M"]


def test_friends_without_romance_are_gen_and_no_friendship_is_suggested() -> None:
    doc = _run(HOGWARTS, summary="An evening at the lake.")
    assert not [r for r in doc.relationships if r.suggested]
    assert [t.name for t in doc.category] == ["Gen"]


def test_a_romance_with_no_suggested_pair_takes_its_category_from_its_pronouns() -> None:
    # two men the knowledge base does not know, many romantic cues, only male pronouns
    scene = (
        "Tobin kissed Marek in the rain, and he kissed him back. He held his hand and they were in love. "
        "His boyfriend smiled at him and he blushed. "
    )
    doc = _run(scene * 6)
    assert doc.romance is not None and doc.romance.female_share == 0.0
    assert [t.name for t in doc.category] == ["M/M"]
    doc = _run(scene.replace("he kissed him", "she kissed him").replace("His boyfriend", "Her boyfriend") * 6)
    assert [t.name for t in doc.category] == ["F/M"]
