"""AO3 tag names made comparable: one spelling per tag, its alternatives, and which character tags are generic.

Shared by evaluation (``evaluation/names.py`` builds name matching on it) and knowledge-base learning
(``analysis/learning``). The rules are listed in ``evaluation/names.py`` and docs/eval.md.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_TYPE_SUFFIX = re.compile(r"\s+-\s+(character|relationship|freeform|fandom)$")
_DISAMBIGUATOR = re.compile(r"\s+\([^()]*\)$")
_LONG_VOWELS = (("uu", "u"), ("ou", "o"), ("oo", "o"))

#: Character tags that name no one a reader could find in the text: readers, original characters, groups.
#: Compared after rules 1-3, so "Death Eaters - Character" and "Hogwarts Students (Harry Potter)" count too.
GENERIC_CHARACTERS: frozenset[str] = frozenset(
    {
        "original female character(s)",
        "original male character(s)",
        "original character(s)",
        "original characters",
        "original non-binary character(s)",
        "original child character(s)",
        "oc",
        "ocs",
        "reader",
        "you",
        "other(s)",
        "others",
        "everyone",
        "death eaters",
        "death eater(s)",
        "hogwarts students",
        "hogwarts staff",
        "hogwarts professors",
        "marauders",
        "the marauders",
        "the weasleys",
        "the dursleys",
        "the potters",
        "the malfoys",
        "aurors",
        "auror(s)",
        "unspeakables",
        "house-elves",
        "jinchuurikis",
        "bijuus",
        "inquisitors",
        "minor characters",
        "various characters",
        "sand siblings",
    }
)
#: Patterns that make a character tag generic as well (any ``|`` alternative matching is enough).
GENERIC_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^original\b.*\bcharacter"),  # "Original Weasley Characters (Harry Potter)"
    re.compile(r"\bcharacters\b"),  # "Harry Potter Characters", "Other Characters (Mentioned)"
    re.compile(r"\(s\)$"),  # "Unspeakable(s)", "Imperial Agent(s)"
    re.compile(r"\bfamily$"),  # "Weasley Family (Harry Potter)"
    re.compile(r"^team\b"),  # "Gai-han | Team Guy (Naruto)"
    re.compile(r"\b(students|staff|employees|members)$"),
    re.compile(r"\bothers\b|\bcharacter tags\b"),  # "Plus a bunch of others!", "Other Character Tags to Be Added"
)


def clean(name: str) -> str:
    """Rule 1: the comparable spelling of a whole tag."""
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES)
    text = " ".join(text.split()).casefold()
    return _TYPE_SUFFIX.sub("", text)


def alternatives(name: str) -> list[str]:
    """Rules 1-3: the names inside a tag, cleaned, each without its disambiguator."""
    found = []
    for part in clean(name).split("|"):
        alt = _DISAMBIGUATOR.sub("", part.strip()).strip()
        if alt:
            found.append(alt)
    return found


def fold(alt: str) -> str:
    """Rules 4-5 on one cleaned alternative."""
    decomposed = unicodedata.normalize("NFKD", alt)
    kept = [
        ch
        for i, ch in enumerate(decomposed)
        if not (unicodedata.combining(ch) and i > 0 and decomposed[i - 1].isascii())
    ]
    text = unicodedata.normalize("NFC", "".join(kept))
    for long, short in _LONG_VOWELS:
        text = text.replace(long, short)
    tokens = text.split()
    return " ".join(sorted(tokens)) if len(tokens) == 2 else text


def is_generic(name: str) -> bool:
    """Whether a character tag names a group, the reader or an original character (see GENERIC_*)."""
    alts = alternatives(name)
    if clean(name) in GENERIC_CHARACTERS or any(a in GENERIC_CHARACTERS for a in alts):
        return True
    return any(p.search(a) for a in alts for p in GENERIC_PATTERNS)
