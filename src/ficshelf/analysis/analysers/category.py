"""Category (AO3's F/F, F/M, M/M, Gen, Multi, Other) from the relationships an author would tag.

Each suggested romantic relationship gives the category of its pair's genders (F/M, M/M, F/F); a pair with a
character of unknown gender gives none, and a character AO3 would file as neither gives Other. A work with no
such relationship is Gen, unless it names fewer than two characters the knowledge base knows: its people are
then original characters or the reader, and no category is suggested. Several kinds are each listed; Multi
(AO3: polyamory, or more than one kind) is added only when one character has two suggested romantic partners,
since authors of works with several pairings of different kinds mostly tick the kinds alone.
"""

from __future__ import annotations

from collections import Counter

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import TagSuggestion

_BY_GENDERS = {"ff": "F/F", "fm": "F/M", "mm": "M/M"}
_NEITHER = "n"  # the knowledge base's gender for a character who is neither female nor male


def category(doc: Doc) -> list[TagSuggestion]:
    genders = {c.name: c.gender for c in doc.characters}
    found: dict[str, TagSuggestion] = {}
    partners: Counter[str] = Counter()
    for rel in doc.relationships:
        if rel.kind != "romantic" or not rel.suggested:
            continue
        pair = "".join(sorted(genders.get(n, "u") for n in rel.characters))
        name = "Other" if _NEITHER in pair else _BY_GENDERS.get(pair)
        if name is None:
            continue
        partners.update(rel.characters)
        found.setdefault(name, TagSuggestion(name, rel.score, list(rel.evidence[:2])))
    if not found:
        if sum(c.known for c in doc.characters) < 2:
            return []  # its people are original characters or the reader: no telling whether it is Gen
        return [TagSuggestion("Gen", 0.5)]
    suggestions = sorted(found.values(), key=lambda t: -t.score)
    if partners and max(partners.values()) > 1:
        suggestions.append(TagSuggestion("Multi", 0.4))
    return suggestions
