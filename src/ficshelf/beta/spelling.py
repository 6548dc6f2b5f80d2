"""Spelling: pyspellchecker's English word list and candidates, fitted to fan fiction.

Accepts contractions and possessives of known words, British spellings of American ones, deliberate
elongations ("Nooo"), and everything the allow-list holds. Suggestions are ranked: a run-together of two common
words ("himlike" → "him like") first, else the words one edit away, by frequency.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from spellchecker import SpellChecker

_ELONGATED = re.compile(r"(.)\1\1")
_SUFFIXES = ("n't", "'s", "'ll", "'ve", "'re", "'d", "'m", "s'", "'")
_BRITISH = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("ourful", "orful"),
    ("ourable", "orable"),
    ("ourly", "orly"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("bre", "ber"),
    ("ence", "ense"),
    ("ogue", "og"),
    ("gramme", "gram"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("ement", "ment"),
)
#: Words of fan fiction and British English that the word list lacks.
EXTRA_WORDS = frozenset(
    "fic fics fanfic fanfics soulmate soulmates ahold erm hmph arse arsehole draught draughts dreamt leant learnt "
    "spelt knelt whilst amongst pre cum clit unbothered snarky hoodie hoodies okay etc".split()
)
#: A run-together is preferred to an edit when both words are at least this common (per 1.6 billion).
COMMON_SPLIT = 100_000
RARE = 1_000
#: A run-together offered when no edit is (both words at least this common).
SPLIT_ONLY = 10_000


@lru_cache(maxsize=1)
def _checker() -> SpellChecker:
    return SpellChecker(distance=1)


class Speller:
    """Knows English words and ranks corrections; answers are cached per word form."""

    def __init__(self) -> None:
        self._spell = _checker()
        self.freq: dict[str, int] = self._spell.word_frequency.dictionary
        self._known: dict[str, bool] = {}
        self._suggested: dict[str, list[str]] = {}

    def known(self, word: str) -> bool:
        try:
            return self._known[word]
        except KeyError:
            answer = self._known[word] = self._decide(word)
            return answer

    def frequency(self, word: str) -> int:
        return self.freq.get(word.lower(), 0)

    def _decide(self, word: str) -> bool:
        w = word.lower().replace("’", "'")
        if w in self.freq or w in EXTRA_WORDS or _ELONGATED.search(w):
            return True
        plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
        if plain != w and plain in self.freq:  # naïve, café
            return True
        if "our" in w and w.replace("our", "or") in self.freq:  # neighbourhood
            return True
        for suffix in _SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 1 and w[: -len(suffix)] in self.freq:
                return True
        for british, american in _BRITISH:
            if w.endswith(british) and w[: -len(british)] + american in self.freq:
                return True
        return "'" not in w and w.startswith("un") and w[2:] in self.freq and len(w) > 6

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Ranked corrections for an unknown word, in the word's own capitalisation."""
        if word not in self._suggested:
            self._suggested[word] = self._rank(word, limit)
        return self._suggested[word]

    def _rank(self, word: str, limit: int) -> list[str]:
        w = word.lower()
        split = self._best_split(w)
        edits = sorted(self._spell.candidates(w) or (), key=lambda c: (-self.freq.get(c, 0), c))
        edits = [c for c in edits if c != w and self.freq.get(c, 0) >= RARE]
        ranked: list[str] = []
        if split and min(self.freq[p] for p in split) >= COMMON_SPLIT:
            ranked.append(" ".join(split))
        ranked += edits
        if split and " ".join(split) not in ranked and min(self.freq[p] for p in split) >= SPLIT_ONLY:
            ranked.append(" ".join(split))
        return [_match_case(word, c) for c in ranked[:limit]]

    def _best_split(self, w: str) -> tuple[str, str] | None:
        best: tuple[int, tuple[str, str]] | None = None
        for i in range(1, len(w)):
            a, b = w[:i], w[i:]
            if (len(a) == 1 and a not in ("a", "i")) or (len(b) == 1 and b not in ("a", "i")):
                continue
            score = min(self.freq.get(a, 0), self.freq.get(b, 0))
            if score >= RARE and (best is None or score > best[0]):
                best = (score, (a, b))
        return best[1] if best else None


def _match_case(original: str, suggestion: str) -> str:
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def near_names(word: str, names: Iterable[str]) -> list[str]:
    """Names one edit away (substitution, insertion, deletion or swap) from a capitalised word."""
    return sorted(n for n in names if n != word and n[:1] == word[:1] and _one_edit(word, n))


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
