"""Fandom detection on short texts written for the test: shared names, world vocabulary, fandom names in the
title, and works not written in English."""

from __future__ import annotations

from ficshelf.analysis.analysers.basic import LanguageAnalyser, StructureAnalyser
from ficshelf.analysis.analysers.fandom import FandomAnalyser
from ficshelf.analysis.doc import Doc
from ficshelf.ingest.text import work_from_text

HP = "Harry Potter - J. K. Rowling"
FB = "Fantastic Beasts and Where to Find Them (Movies)"


def _fandoms(text: str, title: str = "", summary: str = "") -> list[str]:
    work = work_from_text(text, "test.txt", work_id="t", title=title)
    work.summary = summary
    doc = Doc.from_work(work)
    for step in (StructureAnalyser(), LanguageAnalyser(), FandomAnalyser()):
        step(doc)
    return [f.name for f in doc.fandoms]


def test_a_shared_first_name_goes_to_the_larger_fandom_unless_others_point_elsewhere() -> None:
    lone = "Harry laughed. Later Harry walked home, and Harry slept. Harry woke; Harry ate, and Harry smiled."
    assert _fandoms(lone)[0] == HP
    one_direction = "Harry laughed at Louis. Niall and Zayn sang while Harry and Louis danced."
    assert _fandoms(one_direction)[0] == "One Direction (Band)"


def test_world_words_let_the_characters_decide() -> None:
    text = "Newt Scamander left the Ministry of Magic for Hogwarts. Tina Goldstein and Newt talked of Muggles."
    assert _fandoms(text)[0] == FB
    assert _fandoms("Hermione Granger left the Ministry of Magic for Hogwarts with Ron Weasley.")[0] == HP


def test_ambiguous_names_count_only_in_mid_sentence() -> None:
    assert _fandoms("Will it rain? Hope so. Death is certain.") == []


def test_the_fandom_named_in_the_title_or_summary() -> None:
    assert _fandoms("They walked along the beach all day.", title="A Supernatural summer")[:1] != ["Supernatural"]
    assert _fandoms("They walked along the beach all day.", summary="A Doctor Who story")[0] == "Doctor Who"
    assert _fandoms("They walked along the beach all day.", title="Drarry drabbles")[0] == HP


def test_works_not_in_english() -> None:
    chinese = "哈利看着德拉科，他们一起回到霍格沃茨。赫敏在格兰芬多的休息室里等着他们，罗恩也在。"
    assert _fandoms(chinese)[0] == HP
    russian = "Гарри вернулся в Хогвартс поздно вечером. Он долго смотрел на Малфоя, а Гермиона молчала."
    assert _fandoms(russian)[0] == HP
