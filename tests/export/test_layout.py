"""The reading layout both exports share: chapters, notes, lyrics, POV headers, scene breaks."""

from __future__ import annotations

from ficshelf.export.layout import BlockKind, lay_out
from ficshelf.ingest.text import work_from_text
from ficshelf.model import Work

RAW = """A/N: My first story, be nice! I do not own anything.

Chapter 1: Rain

Mira walked to the harbour in the rain, counting the boats that had come back before the storm.

- Tomas -

He watched her from the pier and said nothing at all, because nothing he could say would help.

* * *

By evening the storm had passed over the hills and the town was quiet again, wet and shining.

Chapter 2: Sun

The sun came out on the second morning and everyone in town went down to the water to look.

"Every boat came home tonight,
Every lantern burning bright,
All the nets are full of light,
And the gulls are out of sight"

Mira laughed for the first time in a week when the children sang the harbour song again.

Thanks for reading! Please review and tell me what you think of the ending.
"""


def test_raw_text_is_laid_out_by_recovered_structure() -> None:
    layout = lay_out(work_from_text(RAW, "raw.txt"))
    assert [c.title for c in layout.chapters] == ["Chapter 1: Rain", "Chapter 2: Sun"]
    one, two = layout.chapters
    assert layout.notes_beginning == ["A/N: My first story, be nice! I do not own anything."]
    assert one.notes_beginning == []
    assert [b.kind for b in one.blocks] == [
        BlockKind.PROSE,
        BlockKind.HEADER,
        BlockKind.PROSE,
        BlockKind.BREAK,
        BlockKind.PROSE,
    ]
    assert one.blocks[1].text == "- Tomas -"
    assert [b.kind for b in two.blocks] == [BlockKind.PROSE, BlockKind.LYRICS, BlockKind.PROSE]
    assert two.blocks[1].text.count("\n") == 3
    assert two.notes_end == ["Thanks for reading! Please review and tell me what you think of the ending."]


def test_no_story_text_is_lost(work: Work) -> None:
    """Every word of the text shows somewhere: in a block, a note, or a chapter title (its heading line)."""
    for source in (work, work_from_text(RAW, "raw.txt")):
        layout = lay_out(source)
        shown = " ".join(
            [*layout.notes_beginning, *layout.notes_end]
            + [
                t
                for c in layout.chapters
                for t in (c.title, *c.notes_beginning, *c.notes_end, *(b.text for b in c.blocks))
            ]
        ).split()
        words = [w for c in source.chapters for w in c.text.split() if w not in ("*",)]
        assert all(w in shown for w in words)


def test_one_shot_notes_are_the_works_notes() -> None:
    text = "A/N: Written for a prompt.\n\n" + "She opened the door and the cold came in with the snow. " * 3
    layout = lay_out(work_from_text(text, "one.txt"))
    assert layout.notes_beginning == ["A/N: Written for a prompt."]
    assert len(layout.chapters) == 1 and layout.chapters[0].notes_beginning == []
    assert layout.chapters[0].title == ""


def test_structured_chapters_keep_their_titles_summaries_and_notes(work: Work) -> None:
    layout = lay_out(work)
    assert [c.title for c in layout.chapters] == ["Chapter 1: The Letter", "Chapter 2: The Song", "Chapter 3"]
    assert layout.chapters[1].summary == "Tomas at the harbour."
    assert layout.chapters[1].notes_end == ["The song is my own."]
    assert layout.notes_end == ["Thank you for reading! Comments feed the muse."]
    kinds = [b.kind for b in layout.chapters[0].blocks]
    assert kinds.count(BlockKind.BREAK) == 1 and kinds[0] is BlockKind.PROSE and kinds[-1] is BlockKind.PROSE
