"""Fandom evidence the knowledge-base matcher does not give: fandom names, inflected and unspaced names.

* **Fandom names** in a work's title, summary and notes ("Harry Potter Prompts", "an HP fic", "Marvel AU"):
  the fandom's canonical name and its synonyms, case-insensitive when they have two words or more, as written
  (capitalised, or an acronym in capitals) when they are one word.
* **Loose matches** for works not written in English: the matcher wants a word boundary after a name, but
  Russian, Czech or Finnish inflect names ("Малфоя", "Severusi", "Hogwartsissa"), and Chinese or Japanese write
  no spaces at all ("哈利看着德拉科"). A loose match is a knowledge-base form of four letters or more followed
  by at most three more letters of its word, or any form written in CJK script wherever it occurs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

import ahocorasick

from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.analysis.matcher import AMBIGUOUS, NAME, TITLE, VOCAB, Entry, Hit

#: The Entry kind of a fandom's own name found in the title, summary or notes.
FANDOM_NAME = "fandom-name"
#: The Entry kind of a one-word ship name ("Drarry") found there.
SHIP_NAME = "ship-name"
_MIN_LOOSE = 4
_MAX_ENDING = 3
#: A ship name worth looking for: one word of five letters or more ("Drarry", "Sterek"), not "Harry/Draco".
_SHIP_NAME = re.compile(r"[A-Z][A-Za-z]{4,}")


def is_cjk(ch: str) -> bool:
    """Han, kana and hangul: scripts written without spaces between words."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x9FFF  # CJK ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0xF900 <= code <= 0xFAFF
    )


class FandomScanner:
    """Built once per knowledge base (:func:`scanner_for`)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        forms = _fandom_forms(kb)
        self.name_entries = {key: tuple(Entry(kind, f, None) for f, kind in found) for key, found in forms.items()}
        self.names = _fandom_name_pattern(kb, forms)
        self.loose = _loose_automaton(kb)

    def fandom_names(self, text: str) -> list[Hit]:
        """Fandom names, synonyms and ship names ("Drarry") in a title, summary or note."""
        hits = []
        for match in self.names.finditer(text):
            entries = self.name_entries.get(match.group(0).casefold())
            if entries:
                hits.append(Hit(match.start(), match.end(), match.group(0), entries))
        return hits

    def loose_hits(self, text: str, exact: list[Hit]) -> list[Hit]:
        """Loose matches (see the module docstring) that no exact hit already covers."""
        if self.loose is None:
            return []
        lowered = text.lower()
        if len(lowered) != len(text):
            return []
        taken = {h.start for h in exact}
        hits: list[Hit] = []
        n = len(text)
        for end_index, (length, cjk, entries) in self.loose.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if start in taken:
                continue
            if not cjk:
                if start > 0 and lowered[start - 1].isalnum():
                    continue
                stop = end
                while stop < n and stop - end <= _MAX_ENDING and lowered[stop].isalpha():
                    stop += 1
                if stop - end > _MAX_ENDING or (stop < n and lowered[stop].isalnum()):
                    continue
            surface = text[start:end]
            if not cjk and surface.islower() and " " not in surface:
                entries = tuple(e for e in entries if e.kind != NAME)  # a lower-case word, as in the matcher
                if not entries:
                    continue
            if hits and start < hits[-1].end:
                if end - start <= hits[-1].end - hits[-1].start:
                    continue
                hits.pop()
            hits.append(Hit(start, end, surface, entries))
        return hits


@lru_cache(maxsize=4)
def scanner_for(kb: KnowledgeBase) -> FandomScanner:
    return FandomScanner(kb)


def _name_forms(name: str) -> list[str]:
    """A fandom tag and its parts: "魔道祖师 - 墨香铜臭 | Módào Zǔshī" gives the whole and each side of "|"."""
    forms = [name.strip()]
    forms += [p.strip() for p in name.split("|") if p.strip() and "|" in name]
    return [f for f in forms if len(f) >= 2]


def _fandom_forms(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    """Case-folded fandom names, synonyms and one-word ship names, each with the fandoms it names and how."""
    forms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for fandom in kb.fandoms.values():
        names = [(f, FANDOM_NAME) for n in (fandom.name, *fandom.synonyms, *fandom.umbrellas) for f in _name_forms(n)]
        names += [(n, SHIP_NAME) for ship in fandom.ships for n in ship.names if _SHIP_NAME.fullmatch(n)]
        for form, kind in names:
            if all(f != fandom.name for f, _ in forms[form.casefold()]):
                forms[form.casefold()].append((fandom.name, kind))
    return forms


def _fandom_name_pattern(kb: KnowledgeBase, forms: dict[str, list[tuple[str, str]]]) -> re.Pattern[str]:
    """One alternation of every fandom name, synonym and ship name that is safe to look for in a title or
    summary: case-insensitive when it has two words or more, anywhere when written in CJK, else as written and
    only when it is no character's name ("Naruto", "Merlin" count as characters already) and is capitalised."""
    character_forms = {f for fd in kb.fandoms.values() for c in fd.characters.values() for f in c.all_forms}
    loose, exact, cjk = set(), set(), set()
    written = [f for fd in kb.fandoms.values() for n in (fd.name, *fd.synonyms, *fd.umbrellas) for f in _name_forms(n)]
    written += [n for fd in kb.fandoms.values() for ship in fd.ships for n in ship.names if _SHIP_NAME.fullmatch(n)]
    for form in written:
        if form.casefold() not in forms:
            continue
        if any(is_cjk(ch) for ch in form):
            cjk.add(re.escape(form))
        elif len(form.split()) >= 2:
            loose.add(re.escape(form))
        elif form.lower() not in character_forms and (form[0].isupper() or form[0].isdigit()):
            exact.add(re.escape(form))
    parts = []
    if loose:
        parts.append("(?i:" + "|".join(sorted(loose, key=len, reverse=True)) + ")")
    if exact:
        parts.append("|".join(sorted(exact, key=len, reverse=True)))
    bounded = r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)" if parts else r"(?!x)x"
    if cjk:  # no spaces around a name in Chinese or Japanese
        bounded = "|".join(sorted(cjk, key=len, reverse=True)) + "|" + bounded
    return re.compile(bounded)


def _loose_automaton(kb: KnowledgeBase) -> ahocorasick.Automaton | None:
    forms: dict[str, list[Entry]] = defaultdict(list)
    for fandom in kb.fandoms.values():
        for character in fandom.characters.values():
            for kind, group in ((NAME, character.names), (TITLE, character.titles), (AMBIGUOUS, character.ambiguous)):
                for form in group:
                    forms[form].append(Entry(kind, fandom.name, character))
        for term in fandom.vocabulary:
            forms[term.lower()].append(Entry(VOCAB, fandom.name, None))
    automaton = ahocorasick.Automaton()
    for form, entries in forms.items():
        cjk = any(is_cjk(ch) for ch in form)
        if (cjk and len(form) >= 2) or len(form) >= _MIN_LOOSE:
            automaton.add_word(form, (len(form), cjk, tuple(entries)))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton
