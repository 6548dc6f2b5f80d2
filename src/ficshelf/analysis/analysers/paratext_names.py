"""Characters the author names in the work's summary and beginning notes: the people the author thinks central.

Only a name that points at one character of the detected fandoms counts ("Remus Lupin", "Hermione"): not an
ambiguous form ("Lee", "Will"), a title ("the Boy Who Lived") or a family name that several characters carry
("Potter"). On dev.jsonl about half of the characters so named whom the text alone would not suggest were
tagged by their authors: as often as the side characters the text does suggest. A character the summary names
but the text never does is kept only where the text is part of the work (a first chapter): in a whole text
such a name is mostly the plot's ("Thanos"), not a character's.
"""

from __future__ import annotations

import re

from ficshelf.analysis.kb import Character
from ficshelf.analysis.matcher import NAME, Matcher
from ficshelf.model import Work

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_MAX_EVIDENCE = 2


def paratext(work: Work) -> list[str]:
    """The work's summary and beginning notes (where authors introduce their story), those that are not empty."""
    return [p for p in (work.summary, *work.notes_beginning) if p and p.strip()]


def paratext_names(
    parts: list[str], matcher: Matcher, allowed: set[str], families: set[tuple[str, str]]
) -> dict[str, tuple[Character, list[str]]]:
    """Each character named in ``parts`` by a name of their own, with the sentences naming them."""
    found: dict[str, tuple[Character, list[str]]] = {}
    for part in parts:
        for hit in matcher.scan(part):
            characters = {e.character.name: e.character for e in hit.entries if e.character and e.fandom in allowed}
            if len(characters) != 1 or any(e.kind != NAME for e in hit.entries if e.character):
                continue
            character = next(iter(characters.values()))
            if (character.fandom, hit.surface.strip().lower()) in families:
                continue
            sentences = found.setdefault(character.name, (character, []))[1]
            sentence = _sentence(part, hit.start, hit.end)
            if len(sentences) < _MAX_EVIDENCE and sentence not in sentences:
                sentences.append(sentence)
    return found


def text_is_partial(work: Work, words: int) -> bool:
    """Whether the text holds only part of the work its source describes: fewer chapters than published
    ("5/?" with one chapter read), or under two thirds of the words the source counts."""
    stats = work.source_stats
    published = stats.get("chapters", "").split("/")[0].strip()
    if published.isdigit() and int(published) > len(work.chapters):
        return True
    counted = stats.get("words", "").replace(",", "").strip()
    return counted.isdigit() and int(counted) * 2 > words * 3


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) of ``text`` around ``start:end``."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    return " ".join(text[begin : stop.start() if stop else len(text)].split())
