"""The Doc: one work's text plus the annotations analysers add to it.

Every analyser reads the fields it ``requires`` and fills the ones it ``provides``; nothing else touches a
Doc. Offsets in annotations are character offsets into ``Doc.text`` (== ``Work.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ficshelf.analysis.analysers.structure import Structure
from ficshelf.analysis.matcher import Hit
from ficshelf.analysis.results import (
    CharacterResult,
    FandomScore,
    Quote,
    Relationship,
    RomanceSignals,
    TagSuggestion,
)
from ficshelf.beta.hints import Hint
from ficshelf.model import Work


@dataclass(slots=True)
class Stats:
    words: int
    characters: int
    paragraphs: int
    chapters: int
    dialogue_share: float
    reading_minutes: int


@dataclass(slots=True)
class Doc:
    work: Work
    text: str
    structure: Structure | None = None
    language: str = ""
    language_score: float = 0.0
    stats: Stats | None = None
    #: Knowledge-base hits (names, titles, fandom terms) in text order.
    hits: list[Hit] = field(default_factory=list)
    #: Loose hits of a work not in English (inflected and unspaced names, fandom_scan.py), in text order.
    loose_hits: list[Hit] = field(default_factory=list)
    fandoms: list[FandomScore] = field(default_factory=list)
    characters: list[CharacterResult] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    #: Filled by the relationships analyser; the category reads it when no pair is suggested.
    romance: RomanceSignals | None = None
    category: list[TagSuggestion] = field(default_factory=list)
    rating: TagSuggestion | None = None
    warnings: list[TagSuggestion] = field(default_factory=list)
    freeforms: list[TagSuggestion] = field(default_factory=list)
    content_notes: list[TagSuggestion] = field(default_factory=list)
    #: Beta-reading hints (ficshelf.beta.Hint), in text order.
    beta: list[Hint] = field(default_factory=list)
    #: Analysers that ran, in order (name@version), for provenance in the output.
    ran: list[str] = field(default_factory=list)

    @classmethod
    def from_work(cls, work: Work) -> Doc:
        return cls(work=work, text=work.text)
