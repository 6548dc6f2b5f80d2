"""Rating and archive warnings for works not in English, from each language's own cue lexicons.

Every text here is a short one written for this test (no corpus text); each says what the lexicons must find,
or, for a word with an everyday sense beside the sexual one, what they must leave alone.
"""

from __future__ import annotations

import pytest

from ficshelf.analysis.analysers.cue_lexicons import LANGUAGE_CUES
from ficshelf.analysis.analysers.cue_lexicons.scan import TABLES, scan_language_cues, sentence_spans
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.model import Chapter, Work

FRENCH_EXPLICIT = (
    "Il faisait nuit dans la chambre et la pluie tombait sur les vitres. Il était nu sous les draps. "
    "Elle gémit doucement contre son épaule. Elle prit son pénis dans sa main. Il arriva vite à l'orgasme. "
    "Le lubrifiant était resté sur la table de nuit. Plus tard, elle lui parla de la prostate en riant."
)
FRENCH_KISS = (
    "Il lui donna un baiser sur la joue avant de partir au travail. Le soir, elle lui rendit son baiser. "
    "Ils avaient une chatte grise qui dormait sur le canapé. La chatte ronronnait près de la fenêtre."
)
RUSSIAN_TEEN = (
    "Бой закончился только к вечеру. Кровь текла по его руке, и он медленно сел на землю. "
    "Он был ранен, но живой. Чёрт, как же больно! Друзья принесли воды и помогли ему встать."
)
RUSSIAN_BED = (
    "В комнате стояла старая кровать. Она села на кровать и открыла книгу. Потом он тоже сел на кровать "
    "рядом с ней. Они читали до самой ночи."
)
CHINESE_MATURE = "夜很深了，窗外下着雨。他们赤裸地躺在床上，谁也没有说话。她发出一声轻轻的呻吟。房间里很安静。"
CHINESE_TIRED = "今天真是累死了！他笑着说。我也热死了。两个人坐在树下休息，看着远处的山。"
GERMAN_DEATH = (
    "Er starb an einem kalten Morgen im Januar, als der Schnee noch auf den Dächern lag. Die Beerdigung fand am "
    "Montag statt, und das ganze Dorf kam. Sein Tod traf alle, die ihn gekannt hatten."
)
GERMAN_FOX = (
    "Der kleine Fuchs wedelte mit dem Schwanz. Die Kinder lachten, als er mit dem Schwanz gegen den Zaun schlug. "
    "Sein Schwanz war buschig und rot. Am Abend lag er im Gras und legte den Schwanz um die Pfoten."
)
SPANISH_RAPE = (
    "Nadie en el pueblo quería hablar de aquella noche. Fue una violación, dijo por fin la policía. "
    "El violador huyó antes del amanecer y nunca lo encontraron."
)
ITALIAN_MATURE = (
    "La stanza era buia e fuori pioveva forte. Erano nudi sotto le lenzuola e ridevano piano. "
    "Lei emise un gemito quando lui le baciò il collo. Poi si addormentarono abbracciati."
)
PORTUGUESE_TEEN = (
    "Quando ele acordou, havia sangue no chão da cozinha. Ele estava ferido no braço e mal conseguia se mexer. "
    "A irmã chegou correndo e chamou um médico."
)
DUTCH_BLOOD = (
    "Het was een koude winteravond in het kleine dorp. Er was bloed op de vloer en de man was gewond. "
    "Hij schreeuwde om hulp, maar niemand hoorde hem. De kinderen speelden buiten in de sneeuw."
)

NO_WARNINGS = ["No Archive Warnings Apply"]


def _run(text: str) -> Doc:
    work = Work(id="w", source="test", chapters=[Chapter(number=1, text=text)], needs_structure=True)
    return default_pipeline().run(work)


@pytest.mark.parametrize(
    ("text", "code", "rating"),
    [
        (FRENCH_EXPLICIT, "fr", "Explicit"),
        (RUSSIAN_TEEN, "ru", "Teen And Up Audiences"),
        (CHINESE_MATURE, "zh", "Mature"),
        (ITALIAN_MATURE, "it", "Mature"),
        (PORTUGUESE_TEEN, "pt", "Teen And Up Audiences"),
    ],
)
def test_each_language_rates_from_its_own_cues(text: str, code: str, rating: str) -> None:
    doc = _run(text)
    assert doc.language == code
    assert doc.rating is not None and doc.rating.name == rating
    assert doc.rating.evidence and all(e.text in text for e in doc.rating.evidence)
    assert [w.name for w in doc.warnings] == NO_WARNINGS


@pytest.mark.parametrize(
    ("text", "code"),
    [(FRENCH_KISS, "fr"), (RUSSIAN_BED, "ru"), (CHINESE_TIRED, "zh"), (GERMAN_FOX, "de")],
)
def test_words_with_an_everyday_sense_do_not_raise_the_rating(text: str, code: str) -> None:
    # French "baiser" (a kiss) and "chatte" (a cat), Russian "кровать" (a bed, not "кровь"), Chinese "累死了"
    # (tired to death), German "Schwanz" (a tail): General Audiences, however often they come
    doc = _run(text)
    assert doc.language == code
    assert doc.rating is not None and doc.rating.name == "General Audiences"


def test_warnings_come_from_the_languages_own_cues() -> None:
    german = _run(GERMAN_DEATH)
    assert german.language == "de"
    assert [w.name for w in german.warnings] == ["Major Character Death"]
    assert "Character Death" in {t.name for t in german.freeforms}
    spanish = _run(SPANISH_RAPE)
    assert spanish.language == "es"
    assert [w.name for w in spanish.warnings] == ["Rape/Non-Con"]
    assert len(spanish.warnings[0].evidence) == 2


def test_content_notes_follow_the_languages_cues() -> None:
    assert {n.name for n in _run(PORTUGUESE_TEEN).content_notes} == {"blood", "injury"}
    assert {n.name for n in _run(RUSSIAN_TEEN).content_notes} == {"blood", "injury"}


def test_a_language_without_lexicons_stays_not_rated() -> None:
    # Dutch blood, wounds and screams: ficshelf has no Dutch cues, so it does not guess
    doc = _run(DUTCH_BLOOD)
    assert doc.language == "nl"
    assert doc.rating is not None and doc.rating.name == "Not Rated"
    assert doc.warnings == [] and doc.content_notes == []


def test_chinese_sentences_end_at_full_width_punctuation_and_cues_match_inside_words() -> None:
    text = "他们赤裸地躺着。她呻吟了一声！你在哪里？"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["他们赤裸地躺着。", "她呻吟了一声！", "你在哪里？"]
    mature = scan_language_cues(text, LANGUAGE_CUES["zh"]).rating[1]
    assert [text[s:e] for s, e in mature.spans] == ["赤裸", "呻吟"]
    assert len(mature.evidence) == 2
    # the same cues in traditional characters
    traditional = scan_language_cues("他們做愛。她的乳頭。", LANGUAGE_CUES["zh"]).rating[1]
    assert len(traditional.evidence) == 2


def test_word_cues_start_a_word() -> None:
    # "попытка" (an attempt) holds "пытк" (torture) but not at a word start
    found = scan_language_cues("Это была попытка. Ещё одна попытка.", LANGUAGE_CUES["ru"])
    assert not any(m.spans for table in (found.rating, found.warnings) for m in table)


def test_lexicons_cover_the_main_languages_and_fill_known_tables() -> None:
    assert {"zh", "ru", "fr", "de", "es", "it", "pt"} <= set(LANGUAGE_CUES)
    known = {name for table in TABLES for name in table}
    for cues in LANGUAGE_CUES.values():
        assert set(cues.cues) <= known
        for name in ("Teen And Up Audiences", "Mature", "Explicit", "Rape/Non-Con", "Major Character Death"):
            assert cues.cues[name], (cues.code, name)
        scan_language_cues("x", cues)  # every cue compiles and has a literal prefix


def test_chinese_cues_are_two_characters_or_more_unless_unambiguous() -> None:
    short = {cue for cues in LANGUAGE_CUES["zh"].cues.values() for cue in cues if len(cue) < 2}
    assert short == {"肏"}
