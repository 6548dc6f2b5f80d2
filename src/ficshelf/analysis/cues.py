"""Cue lexicons: words and phrases that signal a relationship kind, a rating level, a warning or a genre.

Each lexicon is a compiled pattern plus a weight per cue; ``cue_weight`` sums the weights of the cues in a
sentence. Kept in one place so they can be reviewed and tuned together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern[str]
    weights: dict[str, float]
    #: the same cues, case-sensitive, for lower-cased text (several times faster than re.IGNORECASE); None
    #: when a cue holds a capital letter (r"\bAU\b")
    lowered: re.Pattern[str] | None = None
    #: weights of the surface forms seen so far (a regex cue's weight is found once per form)
    seen: dict[str, float] = field(default_factory=dict)


def lexicon(weights: dict[str, float]) -> Lexicon:
    alternatives = sorted(weights, key=len, reverse=True)
    source = r"\b(" + "|".join(alternatives) + r")"
    lowered = re.compile(source) if source == source.lower() else None
    return Lexicon(re.compile(source, re.I), {k.replace("\\", "").lower(): v for k, v in weights.items()}, lowered)


def cue_weight(sentence: str, lex: Lexicon) -> float:
    total = 0.0
    for match in lex.pattern.finditer(sentence):
        total += cue_weight_of(match.group(1).lower(), lex)
    return total


def lower_same_length(text: str) -> str:
    """``text`` lower-cased with every offset kept (a character whose lower case is longer stays as it is)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def cue_weights_by(
    text: str, lex: Lexicon, group: Callable[[int], int], lowered: str | None = None
) -> dict[int, float]:
    """The summed cue weights of a whole text, one scan, grouped by ``group(offset)`` (e.g. a sentence number).
    ``lowered`` is ``lower_same_length(text)`` when the caller has it (the scan is then case-sensitive)."""
    totals: dict[int, float] = {}
    if lex.lowered is not None:
        matches = lex.lowered.finditer(lowered if lowered is not None else lower_same_length(text))
    else:
        matches = lex.pattern.finditer(text)
    for match in matches:
        key = group(match.start())
        totals[key] = totals.get(key, 0.0) + cue_weight_of(match.group(1).lower(), lex)
    return totals


def cue_hits(text: str, lex: Lexicon) -> list[re.Match[str]]:
    return list(lex.pattern.finditer(text))


def cue_weight_of(found: str, lex: Lexicon) -> float:
    weight = lex.seen.get(found)
    if weight is None:
        weight = lex.weights.get(found)
        if weight is None:
            weight = next((v for k, v in lex.weights.items() if re.fullmatch(k, found, re.I)), 1.0)
        if len(lex.seen) < 10_000:
            lex.seen[found] = weight
    return weight


ROMANTIC = lexicon(
    {
        r"kiss(?:ed|es|ing)?": 3,
        r"lovers?": 3,
        r"in love": 3,
        r"love you": 2,
        r"loved (?:him|her)": 2,
        r"dating": 3,
        r"(?:boy|girl)friend": 3,
        r"crush": 2,
        r"confess(?:ed|ion)?": 2,
        r"married": 3,
        r"husband": 3,
        r"wife": 3,
        r"embraced?": 1,
        r"cuddl\w*": 2,
        r"blush\w*": 1,
        r"drawn to": 1,
        r"feelings for": 2,
        r"closer and closer": 1.5,
        r"on a date": 3,
        r"held hands": 2,
        r"made love": 3,
        r"caress\w*": 1,
        r"his lips": 1,
        r"her lips": 1,
        # tenderness: weak alone, telling when it keeps recurring between the same two people
        r"delicate touch": 0.75,
        r"gently": 0.5,
        r"tender(?:ly|ness)?": 0.75,
        r"clasp(?:ed)?": 0.75,
        r"lingered": 0.5,
        r"stroked?": 0.5,
        r"his cheek": 0.5,
        r"her cheek": 0.5,
        r"purr\w*": 0.5,
        r"hugg?(?:ed|ing)?": 1,
    }
)
PLATONIC = lexicon(
    {
        r"best friends?": 3,
        r"friends?": 2,
        r"friendship": 2,
        r"teammates?": 2,
        r"rivals?": 2,
        r"rivalry": 2,
        r"brothers?": 2,
        r"sisters?": 2,
        r"siblings?": 2,
        r"sparring partners?": 2,
        r"partners?": 1,
        r"comrades?": 2,
    }
)
