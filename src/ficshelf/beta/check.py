"""The beta reader: text, knowledge base, the work's names and the author's dictionary in; hints out.

Pure and deterministic. Spelling looks only at lower-case words (a capitalised word the dictionary lacks is
almost always a name); names get their own checks (a near miss of a known name, a name in lower case).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ficshelf.analysis.kb import KnowledgeBase, load_default
from ficshelf.beta import dialogue, mechanics, usage
from ficshelf.beta.allow import AllowList, build, kb_words
from ficshelf.beta.dictionary import PersonalDictionary
from ficshelf.beta.hints import Hint, settle
from ficshelf.beta.spelling import Speller, near_names
from ficshelf.beta.tokens import Token, count_words, find, mid_sentence_capitals

#: An unknown lower-case word used this often in one work is taken as deliberate (a fandom or invented word).
RECURRING = 3
MIN_LENGTH = 3
_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=1)
def speller() -> Speller:
    return Speller()


def check(
    text: str,
    *,
    names: Iterable[str] = (),
    kb: KnowledgeBase | None = None,
    personal: PersonalDictionary | None = None,
) -> list[Hint]:
    """Hints for one text, sorted by position, at most one per stretch of text."""
    sp = speller()
    counts = count_words(text)
    allow = build(kb_words(kb or load_default()), mid_sentence_capitals(text), names, personal)
    unknown = _unknown(text, counts, allow, sp)
    found: list[Hint] = []
    found += mechanics.split_words(text, unknown, sp)
    found += _name_near_misses(text, counts, allow)
    found += mechanics.stray_capitals(text, counts, allow, sp)
    for r in (*usage.RULES, *mechanics.RULES, *dialogue.RULES):
        found += r.find(text)
    found += dialogue.quote_spaces(text)
    found += mechanics.repeated_words(text, counts)
    found += mechanics.lowercase_names(text, counts, allow.characters, sp)
    for t in unknown:
        fixes = sp.suggestions(t.text)
        if fixes:  # an unknown word with no near neighbour is more often deliberate than a slip
            found.append(Hint(t.start, t.end, t.text, "spelling", "Not in the dictionary.", tuple(fixes), "spelling"))
    if personal is None:
        return settle(found)
    return [h for h in settle(found) if h.rule not in personal.muted_rules and not _ignored(h, personal)]


def _ignored(hint: Hint, personal: PersonalDictionary) -> bool:
    return hint.kind in ("spelling", "name") and hint.text in personal.words


def _unknown(text: str, counts: Counter[str], allow: AllowList, sp: Speller) -> list[Token]:
    bad = {
        w
        for w, n in counts.items()
        if n < RECURRING
        and len(w) >= MIN_LENGTH
        and w.islower()
        and not sp.known(w)
        and not allow.allows(_POSSESSIVE.sub("", w))
    }
    # A part of a hyphenated word ("Fan-fucking-tastic", "whole-heartedly") is left to the writer.
    return [t for t in find(text, bad) if text[t.start - 1 : t.start] != "-" and text[t.end : t.end + 1] != "-"]


def _name_near_misses(text: str, counts: Counter[str], allow: AllowList) -> list[Hint]:
    """A capitalised word used once that is one letter away from a name of the work ("Haruna" for "Haruno")."""
    names = [n for n in allow.names if len(n) >= 4]
    sp = speller()
    close = {
        w: near
        for w, n in counts.items()
        if n == 1 and len(w) >= 4 and w[0].isupper() and not allow.allows(_POSSESSIVE.sub("", w)) and not sp.known(w)
        for near in [[m for m in near_names(w, names) if not w.startswith(m)]]  # "Malfoys" is not a slip for Malfoy
        if near
    }
    return [
        Hint(t.start, t.end, t.text, "name", f"Did you mean the name {close[t.text][0]}?", tuple(close[t.text]), "name")
        for t in find(text, close)
    ]
