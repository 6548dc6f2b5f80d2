"""Cue lexicons for works not in English: rating, archive warnings, swearing and content notes.

Written by hand from each language's ordinary vocabulary (never from the corpus), cautious by design: a word
with an everyday sense beside the sexual or violent one (French "baiser" a kiss, German "Schwanz" a tail,
Chinese "死了" in "累死了") is left out, because a wrong Explicit is worse than a missed one.
"""

from __future__ import annotations

from ficshelf.analysis.analysers.cue_lexicons import de, es, fr, it, pt, ru, zh
from ficshelf.analysis.analysers.cue_lexicons.base import LanguageCues

#: Cue lexicons by language code (a detected code such as ``zh`` or ``pt``).
LANGUAGE_CUES: dict[str, LanguageCues] = {
    c.code: c for c in (de.CUES, es.CUES, fr.CUES, it.CUES, pt.CUES, ru.CUES, zh.CUES)
}

__all__ = ["LANGUAGE_CUES", "LanguageCues"]
