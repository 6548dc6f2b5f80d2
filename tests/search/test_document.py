"""What gets indexed for a Work."""

from __future__ import annotations

from datetime import UTC, datetime

from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.search.document import document_from_work


def sample_work() -> Work:
    return Work(
        id="w",
        source="test",
        title="Two Chapters",
        authors=["inkwell"],
        summary="A summary.",
        language="English",
        chapters=[Chapter(1, text="One two three."), Chapter(2, text="Four five.")],
        tags=[
            Tag(TagKind.FANDOM, "NARUTO (Anime)"),
            Tag(TagKind.FANDOM, "Naruto"),
            Tag(TagKind.RATING, "Mature"),
            Tag(TagKind.FREEFORM, "Angst"),
        ],
        complete=True,
    )


def test_every_chapter_and_canonical_tags_are_indexed() -> None:
    synonyms = {"NARUTO (Anime)": "Naruto"}
    document = document_from_work(sample_work(), work_id=7, canonical=lambda tag: synonyms.get(tag.name, tag.name))
    assert document.work_id == 7
    assert document.chapters == ("One two three.", "Four five.")
    assert document.tag_names(TagKind.FANDOM) == ("Naruto",)  # the synonym and its canonical tag: once
    assert document.rating == "Mature"
    assert document.language == "en"
    assert document.words == 5
    assert document.complete is True
    assert document.restricted is False


def test_stated_words_win_and_explicit_tags_replace_the_works_own() -> None:
    work = sample_work()
    work.source_stats["words"] = "13,713"
    published = datetime(2020, 1, 1, tzinfo=UTC)
    document = document_from_work(
        work, work_id=1, tags=[Tag(TagKind.CHARACTER, "Rock Lee")], restricted=True, published=published, kudos=3
    )
    assert document.words == 13713
    assert document.tags == {TagKind.CHARACTER: ("Rock Lee",)}
    assert document.rating == "Not Rated"
    assert document.restricted is True
    assert document.timestamp("updated") == document.timestamp("published") == int(published.timestamp())
    assert document.kudos == 3
