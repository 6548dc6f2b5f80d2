"""AO3-style name comparison for evaluation: which tag names refer to the same character or fandom.

A name becomes a set of *keys*; two names match when their key sets meet. The rules (docs/eval.md):

1. NFKC, case-folded, curly apostrophes made straight, runs of whitespace made one space;
   an AO3 type suffix (" - Character", " - Relationship", " - Freeform", " - Fandom") is dropped.
2. ``A | B`` is a synonym tag: each side is a key of its own.
3. A trailing fandom disambiguator in parentheses is dropped ("Gaara (Naruto)" → "gaara").
4. Accents on Latin letters are dropped ("Hyūga" → "hyuga") and long vowels folded: uu → u, ou → o, oo → o.
5. A two-token name compares as a set of tokens ("Neji Hyuuga" = "Hyuuga Neji").
6. When the knowledge base knows the name (by canonical name, AO3 tag or synonym), the keys of all the
   character's names (canonical, tag, synonyms) are its keys too, so "Tom Riddle" meets "Lord Voldemort";
   a fandom the knowledge base knows gets its canonical name as a key.
7. FanFiction.Net's abbreviated form "Harry P." (a given name and a family initial) takes the keys of the one
   knowledge-base character whose names hold that given name and a family name with that initial; when several
   characters fit ("Lily P."), it keeps only its own key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations
from typing import TYPE_CHECKING

from ficshelf.tag_names import alternatives, clean, fold

if TYPE_CHECKING:
    from ficshelf.analysis.kb import Character, KnowledgeBase

Keys = frozenset[str]

_RELATIONSHIP_SUFFIX = re.compile(r"\s+-\s+relationship$", re.IGNORECASE)
RATINGS = ("general audiences", "teen and up audiences", "mature", "explicit")
_RATING_ALIASES = {"general": 0, "g": 0, "teen and up": 1, "teen": 1, "t": 1, "m": 2, "e": 3}
_LABEL_ALIASES = {
    "m/f": "f/m",
    "choose not to use archive warnings": "creator chose not to use archive warnings",
}
_QUOTE_TEXT = re.compile(r"[\W_]+")
#: "Harry P.", "Naruto U.": FanFiction.Net's character list abbreviates the family name to its initial.
_ABBREVIATED = re.compile(r"^(\w[\w'-]*) (\w)\.$")


def label(text: str) -> str:
    """A category, warning or rating label for comparison: whitespace runs made one space, case-folded."""
    key = " ".join(text.split()).casefold()
    return _LABEL_ALIASES.get(key, key)


def rating_step(text: str) -> int | None:
    """The position on General < Teen And Up < Mature < Explicit, or None (Not Rated, unknown)."""
    key = label(text)
    return RATINGS.index(key) if key in RATINGS else _RATING_ALIASES.get(key)


def quote_text(text: str) -> str:
    """Case-folded, apostrophes dropped, quote marks, other punctuation and whitespace runs made one space."""
    return _QUOTE_TEXT.sub(" ", clean(text).replace("'", "")).strip()


@dataclass
class NameMatcher:
    """Turns names into keys (rules 1-6), with the knowledge base when one is given; caches per name."""

    kb: KnowledgeBase | None = None
    _characters: dict[str, Keys] = field(default_factory=dict, repr=False)
    _fandoms: dict[str, Keys] = field(default_factory=dict, repr=False)

    def character(self, name: str) -> Keys:
        keys = self._characters.get(name)
        if keys is None:
            keys = self._characters[name] = _plain(name) | self._kb_character(name)
        return keys

    def fandom(self, name: str) -> Keys:
        keys = self._fandoms.get(name)
        if keys is None:
            keys = self._fandoms[name] = _plain(name) | self._kb_fandom(name)
        return keys

    def same_character(self, a: str, b: str) -> bool:
        return bool(self.character(a) & self.character(b))

    def same_fandom(self, a: str, b: str) -> bool:
        return bool(self.fandom(a) & self.fandom(b))

    def _kb_character(self, name: str) -> Keys:
        if self.kb is None:
            return frozenset()
        for probe in _probes(name):
            found = self.kb.character(probe)
            if found is not None:  # the same character may sit in several fandoms: key on its names
                return _character_keys(found)
        abbreviated = _ABBREVIATED.match(name.strip())
        if abbreviated is None:
            return frozenset()
        given, initial = abbreviated.group(1).casefold(), abbreviated.group(2).casefold()
        fits = {
            c.tag: c
            for fandom in self.kb.fandoms.values()
            for c in fandom.characters.values()
            if _abbreviates(c.name.casefold().split(), given, initial)
        }
        return _character_keys(next(iter(fits.values()))) if len(fits) == 1 else frozenset()

    def _kb_fandom(self, name: str) -> Keys:
        if self.kb is None:
            return frozenset()
        for probe in _probes(name):
            found = self.kb.fandom(probe)
            if found is not None:
                return frozenset({f"kb-fandom:{found.name.casefold()}"})
        return frozenset()


def _abbreviates(tokens: list[str], given: str, initial: str) -> bool:
    """Whether a full name is ``given`` … family name starting with ``initial``, in either order ("Uzumaki
    Naruto")."""
    if len(tokens) < 2:
        return False
    first, last = tokens[0], tokens[-1]
    return (first == given and last.startswith(initial)) or (last == given and first.startswith(initial))


def _character_keys(found: Character) -> Keys:
    return frozenset().union(*(_plain(n) for n in (found.name, found.tag, *found.synonyms)))


def _plain(name: str) -> Keys:
    return frozenset(fold(a) for a in alternatives(name))


def _probes(name: str) -> list[str]:
    """What to look up in the knowledge base: the whole tag, then each alternative as written and cleaned."""
    raw = [p.strip() for p in name.split("|") if p.strip()]
    return [name.strip(), *raw, *alternatives(name)]


@dataclass(frozen=True, slots=True)
class Relationship:
    a: str
    b: str
    kind: str  # romantic | platonic
    role: str | None = None  # main | background; None when the gold does not say


def relationship_tag(tag: str, role: str | None = None) -> list[Relationship]:
    """An AO3 relationship tag as unordered pairs: "A/B" romantic, "A & B" platonic, "A x B" romantic;
    three or more people give every pair; a tag without a separator gives none."""
    text = _RELATIONSHIP_SUFFIX.sub("", tag.strip())
    if "/" in text:
        names, kind = text.split("/"), "romantic"
    elif " & " in text:
        names, kind = text.split(" & "), "platonic"
    elif " x " in text:
        names, kind = text.split(" x "), "romantic"
    else:
        return []
    people = [n.strip() for n in names if n.strip()]
    return [Relationship(a, b, kind, role) for a, b in combinations(people, 2)]


def default_matcher() -> NameMatcher:
    """A matcher with the built-in knowledge base, or without one when it does not load."""
    try:
        from ficshelf.analysis.kb import load_default

        return NameMatcher(load_default())
    except Exception:  # the KB only adds synonyms; evaluation works without it
        return NameMatcher(None)
