"""What authors say about their pairings in a work's summary and notes: "Pairing: Draco/Harry", "Harry x Draco",
"HP/DM", "Remus/OFC", a ship name ("Drarry"), and the kind of romance ("slash", "het", "femslash", "gen").

An author's own statement is the strongest evidence there is, so it is read strictly: both sides of a ``/`` or
an `` x `` must resolve to characters of the work's fandoms (one of the names a story may use, a character's
initials "HP" when no other character has them, or a generic tag: OFC, OMC, OC, Reader); a statement followed
by "crossover", "fusion" or "AU" names fandoms, not people ("SH/HP crossover"), and one preceded by "no" or
"not" is a denial ("no Drarry"). Pure: the caller gives the texts and the names to resolve against.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import Character, Ship

#: Generic tags an author may pair a character with; the evaluation keeps them as names.
GENERIC = {
    "ofc": ("Original Female Character(s)", "f"),
    "omc": ("Original Male Character(s)", "m"),
    "oc": ("Original Character(s)", "u"),
    "reader": ("Reader", "u"),
}
_WORD = r"[A-Z][\w'’.-]*"
_SIDE = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
#: "A/B", "A / B", "A x B", "A X B", "A × B" (and chains "A/B/C"); each side one to three capitalised words
_STATEMENT = re.compile(rf"({_SIDE}(?:[ \t]*(?:/|[ \t][xX×][ \t])[ \t]*{_SIDE})+)")
_SEPARATOR = re.compile(r"[ \t]*(?:/|[ \t][xX×][ \t])[ \t]*")
_FANDOM_AFTER = re.compile(r"[ \t]*(?:crossover|cross-over|x-over|fusion|au\b|fandoms?\b|universe)", re.I)
_DENIAL_BEFORE = re.compile(r"\b(?:no|not|non|never|isn't|is not)[ \t]+(?:\w+[ \t]+)?$", re.I)
#: words an author uses for the kind of romance (AO3's categories), and for none at all
_CATEGORY_WORDS = re.compile(
    r"\b(?P<ff>femslash|yuri|wlw|shoujo[- ]ai)\b|\b(?P<mm>slash|yaoi|shounen[- ]ai|shonen[- ]ai|mlm|bl)\b|"
    r"\b(?P<fm>het)\b|(?P<gen>\bgen(?:fic)?\b(?![-'])|\bno (?:romance|pairings?|ships?)\b|\bnon-romantic\b)",
    re.I,
)
_CATEGORY_NAMES = {"ff": "F/F", "mm": "M/M", "fm": "F/M", "gen": "Gen"}


@dataclass(frozen=True, slots=True)
class Statement:
    """Two people an author pairs (canonical character names or a generic tag), with the text that says so."""

    characters: tuple[str, str]
    kind: str  # romantic | platonic
    text: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    gender: str


class PairingReader:
    """Reads statements about pairings against the characters of a work's fandoms."""

    def __init__(self, characters: Iterable[Character], ships: Iterable[Ship]) -> None:
        self.names: dict[str, Person | None] = {}
        initials: dict[str, list[tuple[Person, bool]]] = {}
        for character in characters:
            person = Person(character.name, character.gender)
            for form in character.names | character.ambiguous:
                # a form two characters share ("james") names neither
                self.names[form] = None if form in self.names and self.names[form] != person else person
            words = character.name.split(" | ")[0].split()
            if len(words) == 2:
                initials.setdefault("".join(w[0] for w in words).upper(), []).append((person, character.major))
        #: initials ("HP", "DM") of one character, or of one major character among several
        self.initials: dict[str, Person] = {}
        for key, people in initials.items():
            major = [p for p, is_major in people if is_major]
            if len(people) == 1 or len(major) == 1:
                self.initials[key] = people[0][0] if len(people) == 1 else major[0]
        self.ships = {
            name.lower(): ship
            for ship in ships
            if ship.kind == "romantic"
            for name in ship.names
            if re.fullmatch(r"\w{4,}", name)  # one-word ship names ("Drarry"); "Harry/Draco" is read as a pair
        }
        self._ship_pattern = (
            re.compile(r"\b(" + "|".join(sorted(map(re.escape, self.ships), key=len, reverse=True)) + r")\b", re.I)
            if self.ships
            else None
        )

    def person(self, side: str, first: bool) -> Person | None:
        """The person one side names: its longest run of words from the separator outwards that is a name."""
        words = side.split()
        for size in range(min(3, len(words)), 0, -1):
            part = words[-size:] if first else words[:size]
            text = " ".join(part).strip(".,;:!?'’").lower()
            if text in GENERIC:
                return Person(*GENERIC[text])
            if len(text) > 2 and self.names.get(text):
                return self.names[text]
            if size == 1 and len(text) == 2 and part[0].strip(".,;:").isupper():
                return self.initials.get(text.upper())  # "HP/DM"
        return None

    def statements(self, texts: Iterable[str]) -> list[Statement]:
        found: list[Statement] = []
        for text in texts:
            has_separator = "/" in text or " x " in text or " X " in text or "×" in text
            for match in _STATEMENT.finditer(text) if has_separator else ():
                if _FANDOM_AFTER.match(text, match.end()) or _DENIAL_BEFORE.search(text, 0, match.start()):
                    continue
                sides = _SEPARATOR.split(match.group(1))
                people = [
                    self.person(side, first=i == 0) if i in (0, len(sides) - 1) else self.person(side, first=False)
                    for i, side in enumerate(sides)
                ]
                if len(people) < 2 or any(p is None for p in people):
                    continue
                _add_pairs(found, [p.name for p in people if p], _sentence(text, match.start(), match.end()))
            if self._ship_pattern is not None:
                for match in self._ship_pattern.finditer(text):
                    if _DENIAL_BEFORE.search(text, 0, match.start()):
                        continue
                    ship = self.ships[match.group(1).lower()]
                    _add_pairs(found, list(ship.characters), _sentence(text, match.start(), match.end()))
        return found


def paratext(doc: Doc) -> list[str]:
    """The title, summary and notes (the importer's and those found inside the text): where authors name their
    pairing."""
    work = doc.work
    parts = [work.title, work.summary, *work.notes_beginning, *work.notes_end]
    for chapter in work.chapters:
        parts += [chapter.summary, *chapter.notes_beginning, *chapter.notes_end]
    if doc.structure:
        parts += [s.text for s in (*doc.structure.notes_beginning, *doc.structure.notes_end)]
    return [p for p in parts if p and p.strip()]


def category_statements(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(category, sentence) for each word an author uses for the kind of romance: "slash" → M/M, "het" → F/M,
    "femslash" → F/F, "gen" or "no romance" → Gen; a word after "no" or "not" is a denial and says nothing."""
    found: list[tuple[str, str]] = []
    for text in texts:
        for match in _CATEGORY_WORDS.finditer(text):
            if match.lastgroup != "gen" and _DENIAL_BEFORE.search(text, 0, match.start()):
                continue
            found.append((_CATEGORY_NAMES[match.lastgroup or "gen"], _sentence(text, match.start(), match.end())))
    return found


def _add_pairs(found: list[Statement], names: list[str], sentence: str) -> None:
    unique = list(dict.fromkeys(names))
    for i, a in enumerate(unique):
        for b in unique[i + 1 :]:
            pair = (a, b) if a <= b else (b, a)
            if all(s.characters != pair for s in found):
                found.append(Statement(pair, "romantic", sentence))


def _sentence(text: str, start: int, end: int) -> str:
    """The line or sentence of ``text`` around ``start``–``end``, trimmed to 200 characters."""
    left = max(text.rfind("\n", 0, start), max(text.rfind(m, 0, start) for m in (". ", "! ", "? ")) + 1)
    right_candidates = [i for i in (text.find("\n", end), *(text.find(m, end) for m in (". ", "! ", "? "))) if i >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[max(0, left) : right].strip()[:200]
