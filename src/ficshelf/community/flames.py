"""A local flame detector for comments: hold insults and abuse for the author, show critique and praise at once.

Used when an author's review policy is "critique welcome, flames held". Three signals, all local:

- rules for abuse aimed at a person: threats and self-harm incitement ("kill yourself", "kys"), insults next
  to "you/u/ur/author/writer" ("u stoopid", "you suck", "talentless hack"), and brush-offs ("quit writing");
- alt-profanity-check (a linear model over word n-grams, shipped in the package) for offensive wording, counted
  only when the comment is aimed at someone (second person or "author"/"writer") and its VADER sentiment is not
  warm, so "holy shit this was amazing" is shown;
- story vocabulary ("gay", "lesbian", "sex", "killed") is masked before the model sees it, so talk about the
  story is never held for its words.

``judge_comment(text)`` returns a ``Verdict`` with the reason a person can read. Nothing is ever deleted: a
held comment waits for the author. See docs/exports.md ("Flame detector") for the measured precision/recall.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from ficshelf.sentiment import compound

#: Words that describe stories and people in them; masked so they never count as offensive.
STORY_VOCABULARY: Final = (
    "gay", "gays", "lesbian", "lesbians", "queer", "bi", "bisexual", "trans", "transgender", "homosexual",
    "sex", "sexy", "sexual", "smut", "smutty", "porn", "lemon", "kink", "kinky", "nsfw", "explicit", "nude",
    "naked", "kill", "killed", "killing", "kills", "murder", "murdered", "death", "dead", "died", "suicide",
    "blood", "bloody", "rape", "abuse", "torture", "drunk", "drugs",
)  # fmt: skip
_INSULT: Final = (
    r"stupid|stoopid|stuped|dumb(?:ass)?|idiot(?:ic)?|moron(?:ic)?|retard(?:ed)?|imbecile|loser|hack|clown|bitch"
    r"|cunt|whore|slut|talentless|worthless|pathetic|disgusting|illiterate|ignorant|trash|garbage|scum|pig"
    r"|freak|creep|joke|waste of (?:space|air)|piece of (?:shit|crap|garbage)|dipshit|asshole|dick|prick|twat"
    r"|gross|cringe|buffoon|brainless|snowflake|embarrassment|(?:terrible|awful|horrible|vile) (?:person|human|writer)"
)
_YOU: Final = r"(?:you(?:'re| are| r)?|u(?: r| are)?|ur|youre|ya|this author|the author|author|writer|op)"
_WORK: Final = r"(?:this|it|this (?:fic|story|chapter|work|thing)|your (?:fic|story|writing|work|fics))"

_RULES: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "a threat or a call to self-harm",
            r"\b(?:kill|hang|off) (?:yo)?urself\b|\bkys\b|\bgo (?:and )?die\b|\bdie in a (?:fire|hole|ditch)\b"
            r"|\bhope (?:you|u) (?:die|get (?:hit|run over|cancer))|\bdrink bleach\b|^\W*die\W*$",
        ),
        (
            "an insult aimed at the author or a reader",
            rf"\b{_YOU}\W+(?:\w+\W+){{0,3}}?(?:{_INSULT})\b|\b(?:{_INSULT})\W+(?:\w+\W+){{0,2}}?{_YOU}\b"
            r"|\bexcuse for an? (?:writer|author|human|person)\b"
            r"|\b(?:you|u) (?:absolute|utter|complete|total|fucking|little) (?!genius|legend|angel)\w+"
            rf",\s*(?:you )?(?:{_INSULT})\W*$",
        ),
        (
            "abuse aimed at the author or a reader",
            r"\b(?:you|u) (?:suck|stink|disgust me)\b|\b(?:fuck|screw|f\*+k) (?:you|u|off)\b|\bshut up\b"
            r"|\bnobody (?:likes|wants|cares about) (?:you|u)\b|\bget a life\b|\bgo away\b|\bwho let (?:you|u)\b"
            r"|\b(?:quit|stop) writing\b|\bdelete (?:your|ur) (?:account|fic|story)\b|\bdo us a favou?r\b"
            r"|\b(?:you|u) (?:can'?t|cannot) write\b|\blearn (?:to|how to) (?:write|spell)\b"
            r"|\bshould be (?:ashamed|embarrassed|banned)\b|\bget off the internet\b",
        ),
        (
            "contempt for the work with no critique",
            rf"\b{_WORK} (?:is|was) (?:the )?(?:\w+ )?(?:trash|garbage|shit|crap|worthless|cancer)\b"
            r"|\bworst (?:fic|story|thing|writing) (?:i|ever)\b",
        ),
    )
)
_AIMED: Final = re.compile(rf"\b(?:{_YOU}|your|yours|yourself|ur)\b", re.IGNORECASE)
_MASK: Final = re.compile(r"\b(?:" + "|".join(STORY_VOCABULARY) + r")\b", re.IGNORECASE)
_WORDS: Final = re.compile(r"\w+(?:'\w+)?")

#: Model probability from which a comment aimed at a person counts as offensive.
MODEL_THRESHOLD: Final = 0.6
#: VADER compound score at or above which a comment reads as warm (praise with swearing is not a flame).
WARM: Final = 0.5
#: A comment this short that the model finds very offensive and VADER finds hostile is held as a bare insult.
SHORT_WORDS: Final = 4


@dataclass(frozen=True, slots=True)
class Verdict:
    """``flame``: hold for the author. ``reason``: why, for the author's queue. ``signal``: rule|model|none."""

    flame: bool
    reason: str
    signal: str
    offensive: float  # the model's probability, story vocabulary masked (0.0 when the model was not needed)
    sentiment: float  # VADER compound, -1 … 1


def judge_comment(text: str) -> Verdict:
    """Decide whether a comment is a flame (hold it) or critique/praise/anything else (show it)."""
    flat = " ".join(text.split())
    sentiment = compound(flat)
    for reason, pattern in _RULES:
        found = pattern.search(flat)
        if found:
            return Verdict(True, f"{reason}: “{found.group(0).strip()}”", "rule", 0.0, sentiment)
    masked = _MASK.sub(" ", flat)
    if not masked.strip():
        return Verdict(False, "", "none", 0.0, sentiment)
    offensive = float(_profanity().predict_prob([masked])[0])
    aimed = _AIMED.search(flat) is not None
    if offensive >= MODEL_THRESHOLD and aimed and sentiment < WARM:
        return Verdict(
            True, f"offensive wording aimed at a person (model {offensive:.2f})", "model", offensive, sentiment
        )
    short = len(_WORDS.findall(flat)) <= SHORT_WORDS
    if short and offensive >= 0.9 and sentiment <= -0.3:
        return Verdict(True, f"a bare insult (model {offensive:.2f})", "model", offensive, sentiment)
    return Verdict(False, "", "none", offensive, sentiment)


@lru_cache(maxsize=1)
def _profanity() -> Any:
    import profanity_check

    return profanity_check
