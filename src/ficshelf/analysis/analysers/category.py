"""Category (AO3's F/F, F/M, M/M, Gen, Multi, Other) from the relationships an author would tag.

1. Each suggested romantic relationship gives the category of its pair's genders (F/M, M/M, F/F); a pair with a
   character of unknown gender gives none, and a character AO3 would file as neither gives Other. A work with
   pairs of several kinds lists each kind, as AO3 authors do. Multi (AO3: polyamory, or several kinds) is not
   suggested: on the development corpus a character with two suggested partners was far more often a wrong
   guess than a polycule, and authors of works with pairs of several kinds mostly tick the kinds alone.
2. With no such relationship, a text that still reads as a romance (romantic cues at
   :data:`ROMANCE_DENSITY` or more per thousand words, not tied to any pair) gets the category its pronouns
   suggest: M/M when under :data:`FEW_FEMALE` of its third-person pronouns are female, F/F from
   :data:`MOSTLY_FEMALE` on, else F/M. Too few pronouns to tell (another language), and the best-scored pair's
   genders decide, if there is one.
3. Otherwise the work is Gen, unless it names fewer than two characters the knowledge base knows: its people are
   then original characters or the reader, and no category is suggested.
An author's word in the summary or notes ("slash", "het", "femslash", "gen") is added as that category.
"""

from __future__ import annotations

from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.analysis.pairings import GENERIC, category_statements, paratext
from ficshelf.analysis.results import Evidence, TagSuggestion

_BY_GENDERS = {"ff": "F/F", "fm": "F/M", "mm": "M/M"}
_NEITHER = "n"  # the knowledge base's gender for a character who is neither female nor male
ROMANCE_DENSITY = 1.0
FEW_FEMALE = 0.2
MOSTLY_FEMALE = 0.85
#: third-person pronouns needed before their genders say anything
_MIN_PRONOUNS = 30


def category(doc: Doc) -> list[TagSuggestion]:
    genders = {c.name: c.gender for c in doc.characters}
    kb = default_kb()
    found: dict[str, TagSuggestion] = {}
    for rel in doc.relationships:
        if rel.kind != "romantic" or not rel.suggested:
            continue
        pair = "".join(sorted(genders.get(n) or _kb_gender(kb, n) for n in rel.characters))
        name = "Other" if _NEITHER in pair else _BY_GENDERS.get(pair)
        if name is not None:
            found.setdefault(name, TagSuggestion(name, rel.score, list(rel.evidence[:2])))
    for name, sentence in category_statements(paratext(doc)):
        if name not in found and (name != "Gen" or not found):
            found[name] = TagSuggestion(name, 0.8, [Evidence(0, 0, sentence)])
    if not found:
        guess = _from_signals(doc, genders)
        if guess is not None:
            return [guess]
        if sum(c.known for c in doc.characters) < 2:
            return []  # its people are original characters or the reader: no telling whether it is Gen
        return [TagSuggestion("Gen", 0.5)]
    return sorted(found.values(), key=lambda t: -t.score)


def _from_signals(doc: Doc, genders: dict[str, str]) -> TagSuggestion | None:
    signals = doc.romance
    if signals is None or signals.cue_density < ROMANCE_DENSITY:
        return None
    if signals.pronouns >= _MIN_PRONOUNS:
        share = signals.female_share
        name = "M/M" if share < FEW_FEMALE else "F/F" if share >= MOSTLY_FEMALE else "F/M"
        return TagSuggestion(name, 0.4)
    for rel in doc.relationships:
        if rel.kind == "romantic":
            pair = "".join(sorted(genders.get(n, "u") for n in rel.characters))
            if pair in _BY_GENDERS:
                return TagSuggestion(_BY_GENDERS[pair], 0.3, list(rel.evidence[:2]))
    return None


def _kb_gender(kb: KnowledgeBase, name: str) -> str:
    """The gender of a character named only in the summary or notes (or a generic tag such as OFC)."""
    generic = next((g for n, g in GENERIC.values() if n == name), None)
    if generic is not None:
        return generic
    character = kb.character(name)
    return character.gender if character else "u"
