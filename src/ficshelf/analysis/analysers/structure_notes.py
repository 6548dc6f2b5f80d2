"""What an author's note looks like: explicit markers ("A/N:", "Disclaimer") and a score of note-like cues.

``note_score`` counts cues that a paragraph talks to the reader about the work (review requests, thanks,
"story"/"chapter"/"update", emoticons, chat words, shouting, the author's "I" and the reader's "you") and
subtracts for narration (third-person pronouns) and dialogue. ``structure.py`` combines the score with the
paragraph's position and the blank lines around it.
"""

from __future__ import annotations

import re
from typing import Final

from ficshelf.analysis.analysers.structure_rules import QUOTE_OPENERS, TO_SPACE

_NOTE_MARK_RE: Final = re.compile(
    r"""[\s(\[{*~=_#<\-–—]*(?:
        (?i:a\s?/\s?n\b|a\.n\.|n\s?/\s?a(?=\s*[:\-–—])|n\.?d\.?a\.?(?=\s*[:\-–—]))
      | AN(?=\s*[:\-–—])
      | (?i:authors?[’']?s?\s*notes?\b|authors?\s+comments?\b|disclaimer|note\s+from\s+the\s+author)
      | (?i:(?:end(?:ing)?\s+)?notes?)(?=\s*[:\-–—])
    )""",
    re.VERBOSE,
)
#: A line (not the first) that may open an author's note, to be confirmed with ``note_marker``. It starts with
#: a literal "\n" so that the regex engine skips from line end to line end instead of trying every position.
NOTE_LINE_RE: Final = re.compile(
    r"\n[^\S\n]*[(\[{*~=_#<\-–—]*[^\S\n]*(?i:a\s?/\s?n|a\.n|n\s?/\s?a|n\.?d\.?a|an\b|author|disclaimer|note)"
)
_META_MARK_RE: Final = re.compile(
    r"""[\s(\[{*~=_#<\-–—]*(?i:
        summary|title|author|rating|rated|fandoms?|characters?|pairings?|ships?|warnings?|genres?
      | word\s*count|words|spoilers?|timeline|setting|prompt|series|category|status|beta(?:'?d)?(?:\s+by)?
      | dedicat(?:ed|ion)(?:\s+to)?|written\s+for|a\s+gift\s+for|for|to|from
    )\s*:""",
    re.VERBOSE,
)
_QUOTED_RE: Final = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”")
# Note cues are looked up as words in sets and as phrases in the normalised paragraph (" please review "):
# plain string operations. Regexes with wide alternations scanned over whole paragraphs are many times slower.
_STRONG_PHRASE_LIST: Final = tuple(
    f" {phrase}"
    for phrase in (
        "r&r |r & r |r and r |rnr |read and review|read & review|read n review|read 'n' review|please review"
        "|review please|reviews please|please r&r|please comment|please leave|reviews are |reviews would"
        "|reviews make|reviews keep|leave a review|leave me a review|leave a comment|leave some love"
        "|drop a review|drop a comment|let me know what|let me know if|let me know how|tell me what you think"
        "|to be continued|tbc |don't own|dont own|do not own|doesn't own|no copyright|characters are not mine"
        "|characters aren't mine|hope you enjoy|hope you like|hope you love|hope you guys|hope you all|hope u "
        "|hope y'all|hope everyone"
    ).split("|")
)
# Phrases filed under their first word: only phrases whose first word occurs in the paragraph are looked for.
_STRONG_PHRASES: Final[dict[str, tuple[str, ...]]] = {
    first: tuple(p for p in _STRONG_PHRASE_LIST if p.split()[0] == first)
    for first in {p.split()[0] for p in _STRONG_PHRASE_LIST}
}
_THANKS_PHRASES: Final = tuple(
    f" for {phrase}"
    for phrase in (
        "reading|the reviews|all the reviews|your reviews|the comments|all the comments|your comments|the kudos"
        "|all the kudos|your support|all your support"
    ).split("|")
)
_META_WORDS: Final = frozenset(
    """story stories fic fics fanfic fanfics fanfiction one-shot oneshot drabble update updates updated updating
    sequel prequel beta beta'd betaed pairing pairings ooc songfic lyrics review reviews reviewing reviewer
    reviewers reader readers critique concrit comment comments feedback kudos flame flames flamers disclaimer
    chapter chapters cliffhanger cliff-hanger""".split()
)
_CHAT_WORDS: Final = frozenset("lol lmao rofl omg xoxo btw imo idk plz pls thx haha hahaha hehe lolz".split())
_EMOTICON_WORDS: Final = frozenset("xd xp".split())
_EMOTICON_MARKS: Final = ("^^", "^_^", "<3", "t_t", "-_-", "o_o", "0_0", ">_<", "^.^", ">.<")
_READER_WORDS: Final = frozenset("you your ya y'all yall u".split())
_NARRATION_WORDS: Final = frozenset("he she his her him they them their".split())
_VOICE_WORDS: Final = frozenset("i'm i'll i've".split())
_VOICE_PHRASES: Final = tuple(f" {p} " for p in "i am|i will|i hope|i know|i wrote|i write|i said|my first".split("|"))
_ASIDE_PHRASES: Final = (" be nice", " be gentle", " no flames", " go easy on me", " happy reading", " enjoy ")
_SORRY_PHRASES: Final = (" sorry for ", " sorry about ", " sorry it took ", " apologize for ", " apologise for ")
_SMILEY_RE: Final = re.compile(r"[:;=8][-'^]?[)(DPpO3\]\[/\\|*](?!\w)")  # starts with a class: a fast scan


def note_marker(paragraph: str) -> bool:
    """The paragraph announces itself as an author's note: "A/N:", "AN:", "Author's Note", "Disclaimer" …"""
    return bool(_NOTE_MARK_RE.match(paragraph))


def meta_marker(paragraph: str) -> bool:
    """A front-matter line such as "Summary:", "Rating: T", "Pairing: …" (a note only before the story)."""
    return bool(_META_MARK_RE.match(paragraph))


_SCORED_LENGTH: Final = 600


def note_score(paragraph: str) -> int:
    """How much a paragraph talks to the reader about the work rather than telling the story.

    0–1: narration or dialogue; 2: a weak hint; 4 and more: almost certainly a note. Quoted dialogue
    is removed first, so a character saying "thank you" does not count.
    """
    if paragraph[0] in QUOTE_OPENERS:
        return -3
    # A note's voice shows in its first lines; scoring a long paragraph whole costs time for nothing.
    plain = _QUOTED_RE.sub(" ", paragraph[:_SCORED_LENGTH])
    lowered = plain.lower()
    tokens = lowered.translate(TO_SPACE).split()
    words = set(tokens)
    joined = f" {' '.join(tokens)} "
    thanks = "thanks" in words or "thank" in words
    strong = (p for first in words.intersection(_STRONG_PHRASES) for p in _STRONG_PHRASES[first])
    score = 0
    if any(p in joined for p in strong) or (thanks and any(p in joined for p in _THANKS_PHRASES)):
        score += 4
    meta = len(words & _META_WORDS)
    if meta:
        score += 2 if meta == 1 else 3
    if (
        words & _CHAT_WORDS
        or " u " in plain
        or words & _EMOTICON_WORDS
        or any(e in lowered for e in _EMOTICON_MARKS)
        or _SMILEY_RE.search(plain)
        or any(p in joined for p in _SORRY_PHRASES)
        or any(p in joined for p in _ASIDE_PHRASES)
    ):
        score += 2
    if "thanks" in words or ("thank" in words and "you" in words):
        score += 2
    if words & _VOICE_WORDS or any(p in joined for p in _VOICE_PHRASES):
        score += 1
    score += bool(words & _READER_WORDS) + ("please" in words)
    if "!!" in plain or any(t.isupper() and t.endswith(("!", "...", "…")) and len(t) > 2 for t in plain.split()):
        score += 1  # shouting: "AWW...", "PLEASE REVIEW!"
    if sum(map(_NARRATION_WORDS.__contains__, tokens)) >= 3:
        score -= 2
    if len(paragraph) > 800:
        score -= 1
    return score


def title_like(paragraph: str) -> bool:
    """A short line without sentence punctuation: a work's title or byline above the notes."""
    return len(paragraph) <= 80 and "\n" not in paragraph and paragraph[-1] not in '.,;:!?"”'
