"""Category, rating, archive warnings, freeform genre tags and content notes — each with score and evidence.

Category follows the main relationships (AO3's rules: F/M, M/M, F/F by the genders of each romantic pair;
Multi when a work has several kinds; Gen when it has none). Rating and warnings are conservative: they rise
above General Audiences / No Archive Warnings Apply only on repeated, specific cues (see ``tag_cues``).
"""

from __future__ import annotations

from ficshelf.analysis.analysers.category import category
from ficshelf.analysis.analysers.tag_cues import (
    CONTENT_NOTES,
    FREEFORMS,
    RATING_CUES,
    RATINGS,
    WARNING_CUES,
    evidence_for,
)
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import Evidence, TagSuggestion

NO_WARNINGS = "No Archive Warnings Apply"


class TagsAnalyser:
    name = "tags"
    version = 1
    requires = ("text", "characters", "relationships", "structure")
    provides = ("category", "rating", "warnings", "freeforms", "content_notes")

    def __call__(self, doc: Doc) -> None:
        doc.category = category(doc)
        doc.rating = _rating(doc.text)
        doc.warnings = _warnings(doc.text) or [TagSuggestion(NO_WARNINGS, 0.5)]
        doc.freeforms = _freeforms(doc)
        doc.content_notes = [
            TagSuggestion(name, min(1.0, len(ev) / 5), ev[:3])
            for name, lex, minimum in CONTENT_NOTES
            if len(ev := evidence_for(doc.text, lex)) >= minimum
        ]


def _rating(text: str) -> TagSuggestion:
    chosen = TagSuggestion(RATINGS[0], 0.5)
    for level, (lex, minimum) in enumerate(RATING_CUES, start=1):
        ev = evidence_for(text, lex)
        if len(ev) >= minimum:
            chosen = TagSuggestion(RATINGS[level], min(1.0, len(ev) / (2 * minimum)), ev[:3])
    return chosen


def _warnings(text: str) -> list[TagSuggestion]:
    out = []
    for name, lex, minimum in WARNING_CUES:
        ev = evidence_for(text, lex)
        if len(ev) >= minimum:
            out.append(TagSuggestion(name, min(1.0, len(ev) / (2 * minimum)), ev[:3]))
    return out


def _freeforms(doc: Doc) -> list[TagSuggestion]:
    out: list[TagSuggestion] = []
    for name, lex, minimum in FREEFORMS:
        ev = evidence_for(doc.text, lex)
        if len(ev) >= minimum:
            out.append(TagSuggestion(name, min(1.0, len(ev) / (3 * minimum)), ev[:3]))
    structure = doc.structure
    if structure and structure.lyric_blocks:
        first = structure.lyric_blocks[0]
        out.append(TagSuggestion("Songfic", 0.8, [Evidence(first.start, first.end, first.first_line)]))
    if any(r.kind == "romantic" and r.role == "main" for r in doc.relationships):
        rel = next(r for r in doc.relationships if r.kind == "romantic" and r.role == "main")
        out.append(TagSuggestion("Romance", rel.score, rel.evidence[:2]))
    if len(doc.work.chapters) <= 1 and not (structure and len(structure.chapters) > 1):
        out.append(TagSuggestion("One Shot", 0.4))
    out.sort(key=lambda t: -t.score)
    return out
