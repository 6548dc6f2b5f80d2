"""Works in other languages: detected, structure and quotes still work, no English cue tags are invented.

Ratings from each language's own cue lexicons are tested in ``test_rating_other_languages``.

The texts are short ones written for this test (no corpus text)."""

from __future__ import annotations

import pytest

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.model import Chapter, Work

FRENCH = (
    "Chapitre 1 : Le retour\n\n"
    "Il pleuvait sur le village depuis trois jours. Au matin, elle ouvrit la fenêtre et regarda la rue vide.\n\n"
    "« Tu es revenu », dit-elle doucement. Il ne répondit pas tout de suite.\n\n"
    "« Je suis revenu au village pour toi », murmura-t-il enfin, au bord des larmes.\n\n"
    "Ils marchèrent ensemble jusqu'au pont, sans un mot, au son de la pluie."
)
GERMAN = (
    "Der Winter kam früh in diesem Jahr. Die Kinder spielten im Schnee, und der alte Lehrer sah ihnen zu.\n\n"
    "„Kommt herein, es wird dunkel“, rief er. Niemand hörte auf ihn.\n\n"
    "„Noch fünf Minuten!“, antwortete das Mädchen und lachte laut."
)
RUSSIAN = (
    "Зима пришла рано. Дети играли во дворе, а старый учитель смотрел на них из окна.\n\n"
    "«Идите домой, уже темно», — сказал он. Никто его не слушал.\n\n"
    "«Ещё пять минут!» — ответила девочка и засмеялась."
)
CHINESE = (
    "冬天来得很早。孩子们在院子里玩雪，老师从窗户里看着他们。\n\n"
    "“回家吧，天黑了。”他说。\n\n“再玩五分钟！”女孩笑着回答。"
)


def _run(text: str) -> Doc:
    work = Work(id="w", source="test", chapters=[Chapter(number=1, text=text)], needs_structure=True)
    return default_pipeline().run(work)


@pytest.mark.parametrize(
    ("text", "code", "quotes"),
    [(FRENCH, "fr", 2), (GERMAN, "de", 2), (RUSSIAN, "ru", 2), (CHINESE, "zh", 2)],
)
def test_other_languages_are_detected_quoted_and_not_tagged_from_english_cues(
    text: str, code: str, quotes: int
) -> None:
    doc = _run(text)
    assert doc.language == code
    assert len([q for q in doc.quotes if not q.thought]) == quotes
    # French "au" is not AU, "sex"/"hell" cues mean nothing here: no English cue tags; these quiet texts have
    # nothing the language's own lexicons rate above General Audiences
    assert {t.name for t in doc.freeforms} <= {"One Shot", "Songfic", "Romance"}
    assert doc.rating is not None and doc.rating.name == "General Audiences"
    assert [w.name for w in doc.warnings] == ["No Archive Warnings Apply"] and doc.content_notes == []


def test_french_chapter_heading_and_dialogue_share_are_still_recovered() -> None:
    doc = _run(FRENCH)
    assert doc.structure is not None
    assert [(c.number, c.title) for c in doc.structure.chapters] == [(1, "Le retour")]
    assert doc.stats is not None and 0.1 < doc.stats.dialogue_share < 0.5
