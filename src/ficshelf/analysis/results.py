"""What the understanding analysers conclude about a work. Every suggestion carries a score and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    """A sentence (or passage) supporting a suggestion: offsets into Doc.text and the text itself."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class FandomScore:
    name: str
    score: float
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CharacterResult:
    name: str
    tag: str
    gender: str
    role: str  # main | mentioned
    mentions: int
    aliases: list[str]
    known: bool  # from the knowledge base (True) or discovered in the text (False)
    dialogue: int = 0
    score: float = 0.0
    #: whether an author would tag this character (see docs/analysis-format.md)
    suggested: bool = False
    #: Offsets of each mention in Doc.text.
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: Sentences of the work's summary or notes that name the character (the author's word that they matter).
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None
    method: str  # explicit | pronoun | turn | vocative | none
    thought: bool = False


@dataclass(slots=True)
class Relationship:
    characters: tuple[str, str]
    kind: str  # romantic | platonic
    role: str  # main | background
    score: float
    evidence: list[Evidence] = field(default_factory=list)
    #: whether an author would tag it: main, or background with strong evidence
    suggested: bool = False

    @property
    def tag(self) -> str:
        a, b = self.characters
        return f"{a}/{b}" if self.kind == "romantic" else f"{a} & {b}"


@dataclass(slots=True)
class TagSuggestion:
    name: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class RomanceSignals:
    """How much a text reads as a romance, and between whom, without naming anyone: romantic cue weight per
    thousand words, and the share of female pronouns (she, her, hers, herself) among third-person singular ones."""

    cue_density: float
    female_share: float
    pronouns: int
