"""British dialogue in single quotes: quotes with speakers, while apostrophes stay apostrophes (texts written
for this test)."""

from __future__ import annotations

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.model import Chapter, Work

BRITISH = """Harry walked into the Gryffindor common room at Hogwarts.

'I don't know,' said Harry. 'Where are the Potters' owls?'

Hermione looked up. 'Ron's got them,' she said.

'Brilliant!' Ron shouted from the stairs.

The Weasleys' cat sat by the fire, and Harry's owl hooted."""


def _run(text: str) -> Doc:
    return default_pipeline().run(Work(id="t", source="t", chapters=[Chapter(1, text=text)]))


def test_single_quoted_dialogue_has_quotes_and_speakers() -> None:
    quotes = _run(BRITISH).quotes
    assert [(q.text, q.speaker, q.thought) for q in quotes] == [
        ("I don't know,", "Harry Potter", False),
        ("Where are the Potters' owls?", "Harry Potter", False),
        ("Ron's got them,", "Hermione Granger", False),
        ("Brilliant!", "Ron Weasley", False),
    ]


def test_each_character_counts_the_quotes_they_speak() -> None:
    dialogue = {c.name: c.dialogue for c in _run(BRITISH).characters}
    assert dialogue == {"Harry Potter": 2, "Hermione Granger": 1, "Ron Weasley": 1}


def test_curly_single_quotes_count_too() -> None:
    curly = BRITISH.replace("'I", "‘I").replace("'W", "‘W").replace("'R", "‘R").replace("'B", "‘B")
    curly = curly.replace(",'", ",’").replace("?'", "?’").replace("!'", "!’").replace("'", "’")
    assert [q.speaker for q in _run(curly).quotes] == [
        "Harry Potter",
        "Harry Potter",
        "Hermione Granger",
        "Ron Weasley",
    ]


def test_a_work_in_double_quotes_keeps_single_quotes_for_thoughts_and_apostrophes() -> None:
    text = BRITISH.replace("'I don't know,'", '"I don\'t know,"').replace("'Brilliant!'", '"Brilliant!"')
    text = text.replace("'Where are the Potters' owls?'", '"Where are the Potters\' owls?"')
    quotes = _run(text).quotes
    spoken = [q.text for q in quotes if not q.thought]
    assert spoken == ["I don't know,", "Where are the Potters' owls?", "Brilliant!"]
    # one single-quoted line among double-quoted ones is no dialogue
    assert all(q.text != "Ron's got them," for q in quotes)


def test_apostrophes_alone_make_no_quotes() -> None:
    text = "Harry's owl sat on the Potters' fence at Hogwarts.\n\nIt's late, and the Weasleys' clock ticked. Don't go."
    assert _run(text * 3).quotes == []
