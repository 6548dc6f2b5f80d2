"""Words the beta reader accepts that no general dictionary knows.

Four sources: the fandom knowledge base (every character name, alias and title word, and fandom vocabulary),
honorifics (Lee-kun, Sakura-chan, Guy-sensei), the work's own recurring capitalised names, and the author's
personal dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ficshelf.analysis.kb import HONORIFICS, KnowledgeBase
from ficshelf.beta.dictionary import PersonalDictionary

_PART = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4)
def kb_words(kb: KnowledgeBase) -> frozenset[str]:
    """Lower-cased words of every name, alias, title and vocabulary entry in the knowledge base."""
    words: set[str] = set()
    for fandom in kb.fandoms.values():
        for entry in fandom.vocabulary:
            words.update(_PART.findall(entry.lower()))
        for character in fandom.characters.values():
            for form in character.all_forms:
                words.update(_PART.findall(form))
            words.update(_PART.findall(character.name.lower()))
    for honorific in HONORIFICS:
        words.update(_PART.findall(honorific))
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class AllowList:
    #: Lower-cased words accepted anywhere.
    words: frozenset[str]
    #: Names as the work writes them (capitalised): the knowledge base's characters present, and recurring names.
    names: frozenset[str]
    #: Words of the character names the analysis found in the work ("Haruno", "Sakura", "Lee").
    characters: frozenset[str] = frozenset()

    def allows(self, word: str) -> bool:
        return word.lower() in self.words


def build(
    kb_allowed: frozenset[str],
    capitals: Counter[str],
    names: Iterable[str] = (),
    personal: PersonalDictionary | None = None,
) -> AllowList:
    """``capitals`` counts mid-sentence capitalised words in the work; ``names`` are the work's character names."""
    recurring = {w for w, n in capitals.items() if n >= 2}
    given = {p for name in names for p in _PART.findall(name) if p[:1].isupper()}
    own = {w.lower() for w in recurring | given}
    extra = {p.lower() for w in (personal.words if personal else ()) for p in _PART.findall(w)}
    return AllowList(words=kb_allowed | own | extra, names=frozenset(recurring | given), characters=frozenset(given))
