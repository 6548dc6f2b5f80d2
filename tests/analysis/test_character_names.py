"""Which character a name means: bare family names ("Potter"), names shared across a cast's generations
("Albus"), through the real pipeline and knowledge base on short texts written for these tests."""

from __future__ import annotations

from ficshelf.analysis.analysers.paratext_names import text_is_partial
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import load_default
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.analysis.results import CharacterResult
from ficshelf.model import Chapter, Work


def _run(text: str, summary: str = "") -> Doc:
    return default_pipeline().run(Work(id="t", source="t", summary=summary, chapters=[Chapter(1, text=text)]))


def _by_name(doc: Doc) -> dict[str, CharacterResult]:
    return {c.name: c for c in doc.characters}


HOGWARTS = "The Gryffindor common room at Hogwarts was warm, and the Quidditch pitch lay white with snow."


def test_a_bare_family_name_goes_to_the_family_member_the_story_names() -> None:
    # a Marauders story: "Potter" is James here, not Harry (the knowledge base's usual referent)
    text = " ".join(
        [HOGWARTS]
        + ["James Potter ran down the stairs, and Sirius Black followed him."] * 2
        + ["James laughed at the snow, and Sirius threw a snowball at James."] * 3
        + ["Professor McGonagall glared at Potter.", "Then she took ten points from Potter and from Black."]
    )
    chars = _by_name(_run(text))
    assert "Harry Potter" not in chars
    james = chars["James Potter"]
    assert james.aliases.count("Potter") == 1 and james.mentions == 2 + 3 * 2 + 2


def test_a_character_named_only_by_a_shared_family_name_is_not_suggested() -> None:
    # "Potter" alone for a side character: Harry by default, but which Potter is it? A tag needs more than that
    text = " ".join(
        [HOGWARTS]
        + [
            "Hermione Granger and Neville Longbottom read in the library.",
            "Hermione told Neville that Potter was late again.",
            "Neville shrugged, and Hermione turned the page.",
        ]
        * 6
    )
    chars = _by_name(_run(text))
    assert chars["Hermione Granger"].suggested and chars["Neville Longbottom"].suggested
    assert chars["Harry Potter"].mentions == 6 and not chars["Harry Potter"].suggested
    # named once by his given name, the same mentions make him a character like any other
    named = _by_name(_run(text + " Harry sighed."))
    assert named["Harry Potter"].mentions == 7 and named["Harry Potter"].suggested


NEXT_GENERATION = " ".join(
    [HOGWARTS]
    + ["Albus sat beside Scorpius Malfoy on the Hogwarts Express, and Rose Weasley read a book."] * 2
    + ["Albus said that Scorpius was his best friend.", "Scorpius grinned at Albus and at Rose."] * 2
)


def test_a_name_shared_across_generations_goes_to_the_era_the_story_names() -> None:
    chars = _by_name(_run(NEXT_GENERATION))
    assert "Albus Severus Potter" in chars and "Albus Dumbledore" not in chars
    assert chars["Albus Severus Potter"].mentions == 6


def test_without_the_next_generation_the_shared_name_keeps_its_elder() -> None:
    text = NEXT_GENERATION.replace("Scorpius Malfoy", "Minerva").replace("Scorpius", "Minerva")
    text = text.replace("Rose Weasley", "Harry Potter").replace("Rose", "Harry")
    chars = _by_name(_run(text))
    assert "Albus Dumbledore" in chars and "Albus Severus Potter" not in chars


def test_the_knowledge_base_lists_shared_family_names_and_eras() -> None:
    hp = load_default(None).fandoms["Harry Potter - J. K. Rowling"]
    families = hp.families()
    potters = {c.name for c in families["potter"]}
    assert {"Harry Potter", "James Potter", "Lily Evans Potter"} <= potters  # Lily by her canonical name
    assert "Hermione Granger" not in potters
    assert "snape" in families and all(len(members) > 1 for members in families.values())
    assert hp.characters["Albus Severus Potter"].era == "next generation"
    assert hp.characters["Albus Dumbledore"].era == ""


PASSING = " ".join(
    [HOGWARTS]
    + ["Hermione Granger and Neville Longbottom read in the library.", "Neville yawned, and Hermione smiled."] * 3
    + ["Hermione thought of Luna once."]
)


def test_a_character_the_summary_names_is_suggested_with_that_sentence() -> None:
    summary = "A quiet evening. Luna Lovegood has a secret, and Remus Lupin will find out. Potter is away."
    # the first of two chapters published: the one not read may name Remus
    first = Work(id="t", source="t", summary=summary, chapters=[Chapter(1, text=PASSING)])
    first.source_stats = {"chapters": "2/3"}
    chars = _by_name(default_pipeline().run(first))
    luna, remus = chars["Luna Lovegood"], chars["Remus Lupin"]
    assert luna.mentions == 1 and luna.suggested
    assert luna.evidence == ["Luna Lovegood has a secret, and Remus Lupin will find out."]
    assert remus.mentions == 0 and remus.suggested and remus.evidence == luna.evidence
    # a family name several characters carry names no one in particular
    assert "Harry Potter" not in chars
    assert not _by_name(_run(PASSING))["Luna Lovegood"].suggested
    # a whole text that never names Remus: the summary's plot, not a character of the text
    whole = _by_name(_run(PASSING, summary=summary))
    assert whole["Luna Lovegood"].suggested and "Remus Lupin" not in whole


def test_a_text_is_partial_when_the_source_counts_more_chapters_or_words() -> None:
    work = Work(id="t", source="t", chapters=[Chapter(1, text="x")])
    assert not text_is_partial(work, 1000)
    work.source_stats = {"chapters": "1/1", "words": "1,200"}
    assert not text_is_partial(work, 1000)
    work.source_stats = {"chapters": "1/1", "words": "1,600"}
    assert text_is_partial(work, 1000)
    work.source_stats = {"chapters": "2/?", "words": "1000"}
    assert text_is_partial(work, 1000)


def test_an_ambiguous_name_in_the_summary_is_no_evidence() -> None:
    summary = "Lee has a plan for the holidays, and Will thinks Hope is near."
    chars = _by_name(_run(PASSING, summary=summary))
    assert not [c.name for c in chars.values() if c.evidence]


def test_names_inside_unspaced_chinese_and_with_russian_endings_are_characters() -> None:
    chinese = "哈利看着德拉科。在霍格沃茨的图书馆里，德拉科没有说话。哈利笑了，德拉科也笑了。" * 3
    chars = _by_name(_run(chinese))
    assert chars["Harry Potter"].mentions == 6 and chars["Draco Malfoy"].mentions == 9
    russian = " ".join(["Гарри посмотрел на Малфоя в Хогвартсе.", "Малфою было скучно, и Гарри ушёл."] * 3)
    chars = _by_name(_run(russian))
    assert chars["Draco Malfoy"].mentions == 6 and chars["Draco Malfoy"].suggested


def test_ao3_synonym_tags_find_their_character() -> None:
    kb = load_default(None)
    for tag, name in [("Go Go Tomago", "GoGo Tomago"), ("Wasabi-No Ginger", "Wasabi"), ("Fred | Fredzilla", "Fred")]:
        found = kb.character(tag)
        assert found is not None and found.name == name and found.fandom == "Big Hero 6 (2014)"


def test_a_family_name_used_far_more_than_a_relative_is_named_stays_with_its_main_holder() -> None:
    # a Victorian pastiche: "Holmes" throughout, his brother named once; Holmes is Sherlock and is main
    text = " ".join(
        ["Holmes lit his pipe in Baker Street while Watson read the paper.", "Watson watched Holmes pace."] * 5
        + ["A letter from Mycroft lay on the table."]
    )
    chars = _by_name(_run(text))
    sherlock = chars["Sherlock Holmes"]
    assert sherlock.mentions == 10 and sherlock.role == "main" and sherlock.suggested
    assert chars["Mycroft Holmes"].mentions == 1 and not chars["Mycroft Holmes"].suggested
