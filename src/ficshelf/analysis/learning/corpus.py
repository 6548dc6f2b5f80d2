"""The learning corpus: each work's fandom and character tags and the capitalised terms of its text.

A *term* is a capitalised word not at the start of a sentence ("Konoha", "Sasuke"), or two such words in a row
("Hidden Leaf", "Great Hall"); terms are counted once per work (document frequency), so one long work cannot
outweigh many short ones. Lower-case words are kept too, for fandom words written without a capital ("chakra").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ficshelf.model import TagKind, Work
from ficshelf.tag_names import alternatives, clean, is_generic

_WORD = re.compile(r"[^\W\d_](?:[\w’'-]*\w)?")
_SENTENCE_END = frozenset(".!?\"“”‘’'…:;—–-*([\n")


@dataclass(slots=True)
class TaggedWork:
    id: str
    fandoms: list[str]
    characters: list[str]
    #: capitalised terms (one and two words) found mid-sentence, each once
    terms: set[str] = field(default_factory=set)
    #: lower-case words, each once (the vocabulary takes those of four letters or more)
    words: set[str] = field(default_factory=set)


def tagged_work(work: Work) -> TaggedWork | None:
    """A work with at least one fandom tag, its non-generic character tags and its terms; else None."""
    fandoms = [f.strip() for f in work.tag_names(TagKind.FANDOM) if f.strip()]
    if not fandoms:
        return None
    characters = [c.strip() for c in work.tag_names(TagKind.CHARACTER) if c.strip() and not is_generic(c)]
    result = TaggedWork(id=work.id, fandoms=fandoms, characters=characters)
    _read_terms(work.text, result)
    return result


def _read_terms(text: str, into: TaggedWork) -> None:
    previous: tuple[str, int] | None = None  # the last capitalised mid-sentence word and where it ended
    for match in _WORD.finditer(text):
        word = match.group(0)
        if not word[0].isupper():
            if word.islower():
                into.words.add(word)
            previous = None
            continue
        if _sentence_start(text, match.start()) or word.isupper():
            previous = None
            continue
        into.terms.add(word)
        if previous is not None and text[previous[1] : match.start()] == " ":
            into.terms.add(f"{previous[0]} {word}")
        previous = (word, match.end())


def _sentence_start(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def tag_names(tag: str) -> list[str]:
    """The names inside a character tag, as written: "Tom Riddle | Voldemort" → Tom Riddle, Voldemort;
    "Gaara (Naruto)" → Gaara."""
    names = []
    for part in tag.split("|"):
        name = re.sub(r"\s+\([^()]*\)$", "", part.strip()).strip()
        if name and name not in names:
            names.append(name)
    return names


def same_tag(a: str, b: str) -> bool:
    return clean(a) == clean(b) or bool(set(alternatives(a)) & set(alternatives(b)))
