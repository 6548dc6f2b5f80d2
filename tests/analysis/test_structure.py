"""Structure recovery on short texts written for these tests."""

from __future__ import annotations

import random

import pytest

from ficshelf.analysis.analysers.structure import Span, Structure, recover_structure
from ficshelf.model import SCENE_BREAK_LINE

P1 = "Mira crossed the courtyard before dawn, her boots loud on the wet stones."
P2 = "The bell tower was empty. She climbed it anyway, counting the steps under her breath."
P3 = "At the top the wind smelled of salt, and far below the harbour lamps were going out one by one."
P4 = "Tomas found her there an hour later, sitting with her back against the cold bronze."


def join(*paragraphs: str, gap: str = "\n\n") -> str:
    return gap.join(paragraphs)


def assert_offsets(text: str, found: Structure) -> None:
    """Every span points at its own text; notes and headers match once stripped."""
    for span in (*found.paragraphs, *found.scene_breaks):
        assert text[span.start : span.end] == span.text
    for span in (*found.notes_beginning, *found.notes_end, *found.section_headers):
        assert text[span.start : span.end].strip() == span.text.strip()
        assert span.text == span.text.strip()
    for chapter in found.chapters:
        assert text[chapter.start : chapter.end].startswith(chapter.line)
    for block in found.lyric_blocks:
        assert block.first_line in text[block.start : block.end]


def texts(spans: tuple[Span, ...]) -> list[str]:
    return [span.text for span in spans]


# ---------------------------------------------------------------------------------------------- basics


def test_empty_text() -> None:
    assert recover_structure("") == Structure((), (), (), (), (), (), ())
    assert recover_structure("  \n\n \t\n") == Structure((), (), (), (), (), (), ())


def test_one_paragraph_without_structure() -> None:
    found = recover_structure(P1)
    assert texts(found.paragraphs) == [P1]
    assert found.chapters == found.notes_beginning == found.notes_end == ()
    assert found.lyric_blocks == found.section_headers == found.scene_breaks == ()


def test_plain_story_has_only_paragraphs() -> None:
    text = join(P1, P2, P3, P4)
    found = recover_structure(text)
    assert texts(found.paragraphs) == [P1, P2, P3, P4]
    assert found.scene_breaks == ()
    assert_offsets(text, found)


def test_crlf_line_ends_do_not_break_anything() -> None:
    """Importers normalise to "\\n"; "\\r\\n" still works: "\\r" is trailing whitespace, spans stop before it."""
    unix = join(P1, P2, "* * *", P3, P4 + "\n\n\n" + P1)
    dos = unix.replace("\n", "\r\n")
    found_unix, found_dos = recover_structure(unix), recover_structure(dos)
    assert texts(found_dos.paragraphs) == texts(found_unix.paragraphs)
    assert len(found_dos.scene_breaks) == len(found_unix.scene_breaks) == 2
    assert all("\r" not in span.text for span in found_dos.paragraphs)
    assert_offsets(dos, found_dos)


def test_paragraph_with_single_newlines_stays_one_paragraph() -> None:
    text = join(P1, "She stopped at the gate.\nNobody answered.", P2)
    found = recover_structure(text)
    assert texts(found.paragraphs) == [P1, "She stopped at the gate.\nNobody answered.", P2]
    assert found.lyric_blocks == ()


# ---------------------------------------------------------------------------------------------- chapters


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("Chapter 1 – Broken Glass", 1, "Broken Glass"),
        ("Chapter 1: The Lake", 1, "The Lake"),
        ("Chapter One", 1, ""),
        ("Chapter Twenty-One: Late", 21, "Late"),
        ("CHAPTER 3", 3, ""),
        ("Ch. 2", 2, ""),
        ("Ch 2 - Rain", 2, "Rain"),
        ("Part 4", 4, ""),
        ("Chapter IV", 4, ""),
        ("~Chapter 5~", 5, ""),
        ("**Chapter 6: Snow**", 6, "Snow"),
        ("Chapter 7 The Long Road", 7, "The Long Road"),
        ("Prologue", 0, "Prologue"),
        ("Prologue: Before", 0, "Before"),
    ],
)
def test_chapter_headings(line: str, number: int, title: str) -> None:
    text = join(line, P1, P2)
    found = recover_structure(text)
    assert [(c.number, c.title, c.line) for c in found.chapters] == [(number, title, line)]
    assert texts(found.paragraphs) == [P1, P2]
    assert_offsets(text, found)


def test_headings_split_chapters_and_epilogue_follows_the_last() -> None:
    text = join("Prologue", P1, "Chapter 1", P2, "Chapter 2: After", P3, "Epilogue", P4)
    found = recover_structure(text)
    assert [(c.number, c.title) for c in found.chapters] == [
        (0, "Prologue"),
        (1, ""),
        (2, "After"),
        (3, "Epilogue"),
    ]
    assert texts(found.paragraphs) == [P1, P2, P3, P4]


def test_heading_with_title_on_the_next_line() -> None:
    found = recover_structure(join("Chapter 2\nThe Storm", P1))
    assert [(c.number, c.title, c.line) for c in found.chapters] == [(2, "The Storm", "Chapter 2")]


def test_bare_roman_numerals_in_order_are_headings() -> None:
    text = join("I.", P1, "II.", P2, "III.", P3, "IV.", P4)
    found = recover_structure(text)
    assert [(c.number, c.line) for c in found.chapters] == [(1, "I."), (2, "II."), (3, "III."), (4, "IV.")]
    assert texts(found.paragraphs) == [P1, P2, P3, P4]


def test_bare_numbers_in_order_are_headings() -> None:
    found = recover_structure(join("1", P1, "2", P2, "3", P3))
    assert [c.number for c in found.chapters] == [1, 2, 3]


def test_bare_number_out_of_order_is_not_a_heading() -> None:
    found = recover_structure(join(P1, "7", P2, "3", P3))
    assert found.chapters == ()
    assert texts(found.paragraphs) == [P1, "7", P2, "3", P3]


def test_sentence_starting_with_chapter_is_not_a_heading() -> None:
    line = "Chapter one of my life began when I moved to the city."
    found = recover_structure(join(line, P1))
    assert found.chapters == ()
    assert texts(found.paragraphs) == [line, P1]


def test_heading_inside_running_text_is_not_a_heading() -> None:
    line = "She had read Chapter 3 twice before she understood it."
    assert recover_structure(join(P1, line, P2)).chapters == ()


def test_a_table_of_contents_is_not_a_run_of_empty_chapters() -> None:
    found = recover_structure(join("Chapter 1: Ice", "Chapter 2: Fire", "Chapter 3: Ash", P1, P2))
    assert found.chapters == ()


# ---------------------------------------------------------------------------------------------- notes


@pytest.mark.parametrize(
    "note",
    [
        "A/N: This is my first story here, so be gentle with me.",
        "AN: Written for a friend's birthday.",
        "Author's Note: The timeline ignores the last two books.",
        "Authors Note - thanks to my beta for the help!",
        "Disclaimer: I don't own any of these characters.",
        "(A/N: set a few years after the war)",
        "Summary: Mira goes looking for the lighthouse keeper.",
    ],
)
def test_marked_note_at_the_beginning(note: str) -> None:
    text = join(note, P1, P2)
    found = recover_structure(text)
    assert texts(found.notes_beginning) == [note]
    assert texts(found.paragraphs) == [P1, P2]
    assert_offsets(text, found)


def test_pitch_before_a_wider_gap_is_a_note() -> None:
    pitch = "A small, silly one-shot I wrote on the train. Comments and critique are always welcome!"
    text = pitch + "\n\n\n\n" + join(P1, P2, P3)
    found = recover_structure(text)
    assert texts(found.notes_beginning) == [pitch]
    assert texts(found.paragraphs) == [P1, P2, P3]
    assert found.scene_breaks == ()


def test_note_continues_over_several_paragraphs() -> None:
    notes = ["A/N: Hello again, everyone!", "This one is for everybody who asked for a sequel. Enjoy!"]
    found = recover_structure(join(*notes, P1, P2))
    assert texts(found.notes_beginning) == notes


def test_title_line_above_the_notes_stays_a_paragraph() -> None:
    found = recover_structure(join("The Bell Tower", "A/N: a short piece for a prompt.", P1, P2))
    assert texts(found.notes_beginning) == ["A/N: a short piece for a prompt."]
    assert texts(found.paragraphs) == ["The Bell Tower", P1, P2]


@pytest.mark.parametrize(
    "ending",
    [
        ["R&R please!"],
        ["Read and review, it makes my day :)"],
        ["Please review!"],
        ["Review please?"],
        ["Hope you liked it! Sorry for any typos, it's late here.", "Please and thank you"],
        ["To be continued..."],
        ["TBC"],
        ["Thanks for reading! The next chapter should be up on Sunday."],
    ],
)
def test_notes_at_the_end_after_a_wider_gap(ending: list[str]) -> None:
    text = join(P1, P2, P3) + "\n\n\n" + join(*ending)
    found = recover_structure(text)
    assert texts(found.notes_end) == ending
    assert texts(found.paragraphs) == [P1, P2, P3]
    assert found.scene_breaks == ()
    assert_offsets(text, found)


def test_strong_note_at_the_end_needs_no_gap() -> None:
    found = recover_structure(join(P1, P2, "Hope you all enjoyed it! Please leave a review, lol."))
    assert texts(found.notes_end) == ["Hope you all enjoyed it! Please leave a review, lol."]


def test_note_after_the_story_separator() -> None:
    found = recover_structure(join(P1, P2, "* * *", "A quick thank you to everyone who left kudos!"))
    assert texts(found.notes_end) == ["A quick thank you to everyone who left kudos!"]
    assert found.scene_breaks == ()


def test_notes_around_chapter_headings() -> None:
    text = join(
        "Chapter 1",
        "A/N: sorry this took so long to update!",
        P1,
        P2,
        "A/N: review and tell me what you think.",
        "Chapter 2",
        P3,
        P4,
    )
    found = recover_structure(text)
    assert texts(found.notes_beginning) == ["A/N: sorry this took so long to update!"]
    assert texts(found.notes_end) == ["A/N: review and tell me what you think."]
    assert texts(found.paragraphs) == [P1, P2, P3, P4]


def test_dialogue_at_the_end_is_not_a_note() -> None:
    last = '"Thank you," she said. "Please, come back tomorrow and tell me what you think."'
    found = recover_structure(join(P1, P2) + "\n\n\n" + last)
    assert found.notes_end == ()
    assert texts(found.paragraphs)[-1] == last


def test_narration_mentioning_a_story_is_not_a_note() -> None:
    first = "The story of the drowned bell was one her grandmother liked to tell in winter."
    last = "She would tell the story herself one day, she decided, and she would tell it better."
    found = recover_structure(join(first, P1, P2, last))
    assert found.notes_beginning == found.notes_end == ()


# ---------------------------------------------------------------------------------------------- lyrics


def test_song_in_quotes() -> None:
    song = "'Down by the river\nWhere the lanterns burn\nI will wait for you\nTill the tide will turn'"
    text = join(P1, song, P2)
    found = recover_structure(text)
    assert [(b.first_line, b.lines) for b in found.lyric_blocks] == [("Down by the river", 4)]
    assert texts(found.paragraphs) == [P1, P2]
    assert found.scene_breaks == ()
    assert_offsets(text, found)


@pytest.mark.parametrize(
    "song",
    [
        "*Down by the river\nWhere the lanterns burn\nI will wait for you*",
        "♪ Down by the river\n♪ Where the lanterns burn\n♪ I will wait for you",
        "~Down by the river\n~Where the lanterns burn\n~I will wait for you",
        "Down by the river\nWhere the lanterns burn\nI will wait for you\nTill the tide will turn",
    ],
)
def test_marked_and_unmarked_verse(song: str) -> None:
    found = recover_structure(join(P1, song, P2))
    assert [(b.first_line, b.lines) for b in found.lyric_blocks] == [("Down by the river", song.count("\n") + 1)]


def test_verse_after_a_lead_in_line_of_the_same_paragraph() -> None:
    found = recover_structure(join(P1, "She sang:\nDown by the river\nWhere the lanterns burn\nI wait for you"))
    assert [(b.first_line, b.lines) for b in found.lyric_blocks] == [("Down by the river", 3)]
    assert texts(found.paragraphs) == [P1, "She sang:"]


def test_blank_run_between_lyrics_and_prose_is_not_a_break() -> None:
    song = "'Down by the river\nWhere the lanterns burn\nI will wait for you'"
    found = recover_structure(P1 + "\n\n\n" + song + "\n\n\n" + join(P2, P3))
    assert len(found.lyric_blocks) == 1
    assert found.scene_breaks == ()


def test_dialogue_lines_in_a_row_are_not_lyrics() -> None:
    lines = '"Where?"\n"By the gate."\n"Why there?"\n"Because it is quiet."'
    found = recover_structure(join(P1, lines, P2))
    assert found.lyric_blocks == ()
    assert lines in texts(found.paragraphs)


def test_hard_wrapped_prose_is_not_lyrics() -> None:
    wrapped = (
        "Mira crossed the courtyard before dawn, her boots loud on the\n"
        "wet stones, and stopped by the well where the old rope still hung\n"
        "from its beam. nobody had drawn water there for years, and the\n"
        "bucket was full of leaves and a single drowned sparrow."
    )
    assert recover_structure(join(wrapped, P2)).lyric_blocks == ()


def test_an_address_is_not_lyrics() -> None:
    address = "Miss M. Varga\nThe Attic Room\n12 Harbour Lane\nPortsmouth"
    assert recover_structure(join(P1, address, P2)).lyric_blocks == ()


# ---------------------------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "header",
    [
        "- Tomas -",
        "- Market day, Mira -",
        "~Ilse's POV~",
        "Mira's POV",
        "*Tomas's POV*",
        "=Ilse=",
        "Tomas's Point of View",
        "(Mira)",
        "Flashback",
        "End flashback",
        "Three years later…",
        "Meanwhile...",
        "POV: Tomas",
    ],
)
def test_section_headers(header: str) -> None:
    text = join(P1, P2, header, P3, P4)
    found = recover_structure(text)
    assert texts(found.section_headers) == [header]
    assert texts(found.paragraphs) == [P1, P2, P3, P4]
    assert found.scene_breaks == ()
    assert_offsets(text, found)


def test_header_gap_is_not_a_break() -> None:
    found = recover_structure(join(P1, P2) + "\n\n\n" + "- Tomas -" + "\n\n\n" + join(P3, P4))
    assert texts(found.section_headers) == ["- Tomas -"]
    assert found.scene_breaks == ()


def test_italic_sound_effect_is_not_a_header() -> None:
    found = recover_structure(join(P1, "*Thud*", P2))
    assert found.section_headers == ()
    assert "*Thud*" in texts(found.paragraphs)


def test_name_after_a_separator_is_a_pov_header() -> None:
    found = recover_structure(join("Mira", P1, P2, "* * *", "Tomas", P3, P4))
    assert texts(found.section_headers) == ["Mira", "Tomas"]
    assert len(found.scene_breaks) == 1


# ---------------------------------------------------------------------------------------------- breaks


@pytest.mark.parametrize(
    "separator",
    [
        "***",
        "* * *",
        "~~~",
        "---",
        "oOo",
        "OoOoO",
        "xXx",
        "-x-x-",
        "~*~*~",
        "+++",
        "###",
        "_____",
        "o0o",
        ". . .",
        "Line break",
        "-break-",
        "~Scene Break~",
        "<><><>",
        "§",
    ],
)
def test_separator_lines(separator: str) -> None:
    text = join(P1, P2, separator, P3, P4)
    found = recover_structure(text)
    assert texts(found.scene_breaks) == [separator]
    assert texts(found.paragraphs) == [P1, P2, P3, P4]
    assert_offsets(text, found)


def test_html_rule_becomes_a_break() -> None:
    found = recover_structure(join(P1, SCENE_BREAK_LINE, P2))
    assert texts(found.scene_breaks) == [SCENE_BREAK_LINE]


@pytest.mark.parametrize("line", ["...", "?!", "Ooo", "xxx", "- Tomas! -"])
def test_lines_that_are_not_separators(line: str) -> None:
    assert recover_structure(join(P1, line, P2)).scene_breaks == ()


def test_dashes_inside_a_sentence_are_not_a_break() -> None:
    line = "She waited --- and waited --- but the boat never came."
    found = recover_structure(join(P1, line, P2))
    assert found.scene_breaks == ()
    assert line in texts(found.paragraphs)


def test_separator_at_the_start_or_end_is_not_a_break() -> None:
    assert recover_structure(join("* * *", P1, P2, "* * *")).scene_breaks == ()


def test_wider_blank_run_between_paragraphs_is_a_break() -> None:
    text = join(P1, P2) + "\n\n\n" + join(P3, P4)
    found = recover_structure(text)
    assert len(found.scene_breaks) == 1
    gap = found.scene_breaks[0]
    assert gap.text.strip() == ""
    assert text[gap.start : gap.end] == gap.text
    assert texts(found.paragraphs) == [P1, P2, P3, P4]


def test_every_paragraph_double_spaced() -> None:
    """HTML with spacer paragraphs: two blank lines are the usual gap, only a wider one is a break."""
    even = join(P1, P2, P3, P4, P1, P2, gap="\n\n\n")
    assert recover_structure(even).scene_breaks == ()
    found = recover_structure(join(P1, P2, P3, gap="\n\n\n") + "\n\n\n\n\n" + join(P4, P1, P2, gap="\n\n\n"))
    assert len(found.scene_breaks) == 1


def test_consecutive_separators_make_one_break() -> None:
    found = recover_structure(join(P1, "* * *", "* * *", P2))
    assert len(found.scene_breaks) == 1


def test_leading_and_trailing_blank_runs_are_not_breaks() -> None:
    assert recover_structure("\n\n\n\n" + join(P1, P2) + "\n\n\n\n").scene_breaks == ()


# ---------------------------------------------------------------------------------------------- everything


def test_offsets_on_a_work_with_every_kind_of_structure() -> None:
    song = "'Down by the river\nWhere the lanterns burn\nI will wait for you'"
    text = "\r\n".join(
        join(
            "A/N: for the winter exchange. Hope you enjoy!",
            "Chapter 1: Harbour",
            P1,
            song,
            P2,
            "- Tomas -",
            P3,
            "~*~",
            P4,
            "Chapter 2",
            P1,
            P2 + "\n\n\n\n" + P3,
            "Thanks for reading, reviews make my day!",
        ).split("\n")
    )
    found = recover_structure(text)
    assert [c.number for c in found.chapters] == [1, 2]
    assert len(found.notes_beginning) == len(found.notes_end) == 1
    assert len(found.lyric_blocks) == len(found.section_headers) == 1
    assert len(found.scene_breaks) == 2
    assert len(found.paragraphs) == 7
    assert_offsets(text, found)


def test_offsets_hold_on_random_jumbles() -> None:
    """Random mixes of structure-like pieces never crash and never produce a span off its text."""
    pieces = [
        "\n", "\n\n", "\n\n\n\n", "\r\n", " ", "\t", "\xa0", "* * *", "'", '"', "“", "”", "A/N:", "Chapter 3",
        "IV.", "1", "2.", "~", "-", "oOo", "Mira walked.", "R&R", ":)", "♪ la la", "- Tomas -", "Epilogue",
        "The End", "…", "Ilse's POV", "(Mira)", "I", "a",
    ]  # fmt: skip
    rng = random.Random(7)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert_offsets(text, recover_structure(text))
