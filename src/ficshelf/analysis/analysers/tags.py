"""Category, rating, archive warnings, freeform genre tags and content notes — each with score and evidence.

Category follows the suggested romantic relationships (F/M, M/M, F/F by the genders of each pair, every kind
listed), else a romance's pronouns, else Gen (see ``category``). Rating and warnings are conservative: they rise
above General Audiences / No Archive Warnings Apply only on repeated, specific cues (see ``tag_cues``). Works
in Chinese, Russian, French, German, Spanish, Italian and Portuguese are read with their own lexicons
(``cue_lexicons``); works in any other language are left Not Rated.
"""

from __future__ import annotations

from ficshelf.analysis.analysers.category import category
from ficshelf.analysis.analysers.cue_lexicons import LANGUAGE_CUES
from ficshelf.analysis.analysers.cue_lexicons.scan import scan_language_cues
from ficshelf.analysis.analysers.tag_cues import (
    CONTENT_NOTES,
    FREEFORMS,
    RATING_CUES,
    RATINGS,
    SMUT_MINIMUM,
    WARNING_CUES,
    TagCueMatches,
    scan_tag_cues,
)
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import Evidence, TagSuggestion

NO_WARNINGS = "No Archive Warnings Apply"
NOT_RATED = "Not Rated"
#: Languages the cue lexicons of ``tag_cues`` are written for ("und": too little text to tell).
CUE_LANGUAGES = frozenset({"en", "und", ""})


class TagsAnalyser:
    name = "tags"
    version = 4
    requires = ("text", "language", "characters", "relationships", "structure")
    provides = ("category", "rating", "warnings", "freeforms", "content_notes")

    def __call__(self, doc: Doc) -> None:
        doc.category = category(doc)
        if doc.language in CUE_LANGUAGES:
            cues = scan_tag_cues(doc.text)
        elif doc.language in LANGUAGE_CUES:
            # that language's own lexicons fill the same tables (rating, warnings, a few freeforms, notes)
            cues = scan_language_cues(doc.text, LANGUAGE_CUES[doc.language])
        else:
            # English cues say nothing in another language (or worse: French "au" is not AU), so without
            # lexicons of its own rating and warnings are left to the author and only structural tags suggested
            doc.rating = TagSuggestion(NOT_RATED, 0.0)
            doc.warnings = []
            doc.freeforms = _freeforms(doc, None)
            doc.content_notes = []
            return
        doc.rating = _rating(cues)
        doc.warnings = _warnings(cues) or [TagSuggestion(NO_WARNINGS, 0.5)]
        doc.freeforms = _freeforms(doc, cues)
        doc.content_notes = [
            TagSuggestion(name, min(1.0, len(ev) / 5), ev[:3])
            for (name, _, minimum), found in zip(CONTENT_NOTES, cues.content_notes, strict=True)
            if len(ev := found.evidence) >= minimum
        ]


def _rating(cues: TagCueMatches) -> TagSuggestion:
    chosen = TagSuggestion(RATINGS[0], 0.5)
    for level, ((_, minimum), found) in enumerate(zip(RATING_CUES, cues.rating, strict=True), start=1):
        ev = found.evidence
        if len(ev) >= minimum:
            chosen = TagSuggestion(RATINGS[level], min(1.0, len(ev) / (2 * minimum)), ev[:3])
    return chosen


def _warnings(cues: TagCueMatches) -> list[TagSuggestion]:
    out = []
    for (name, _, minimum), found in zip(WARNING_CUES, cues.warnings, strict=True):
        ev = found.evidence
        if len(ev) >= minimum:
            out.append(TagSuggestion(name, min(1.0, len(ev) / (2 * minimum)), ev[:3]))
    return out


def _freeforms(doc: Doc, cues: TagCueMatches | None) -> list[TagSuggestion]:
    out: list[TagSuggestion] = []
    for (name, _, minimum), found in zip(FREEFORMS, cues.freeforms if cues else (), strict=False):
        ev = found.evidence
        if len(ev) >= minimum:
            out.append(TagSuggestion(name, min(1.0, len(ev) / (3 * minimum)), ev[:3]))
    if cues is not None:
        out += _derived_freeforms(cues, {t.name for t in out})
    structure = doc.structure
    if structure and structure.lyric_blocks:
        first = structure.lyric_blocks[0]
        out.append(TagSuggestion("Songfic", 0.8, [Evidence(first.start, first.end, first.first_line)]))
    if any(r.kind == "romantic" and r.role == "main" for r in doc.relationships):
        rel = next(r for r in doc.relationships if r.kind == "romantic" and r.role == "main")
        out.append(TagSuggestion("Romance", rel.score, rel.evidence[:2]))
    # a work whose source says "1/?" or "3/?" chapters is not a one-shot, whatever part of it is here
    planned = doc.work.source_stats.get("chapters", "1/1").split("/")
    if planned[-1] == "1" and len(doc.work.chapters) <= 1 and not (structure and len(structure.chapters) > 1):
        out.append(TagSuggestion("One Shot", 0.4))
    out.sort(key=lambda t: -t.score)
    return out


def _derived_freeforms(cues: TagCueMatches, found: set[str]) -> list[TagSuggestion]:
    """Freeforms that follow from other cue tables: Smut, Character Death, Fluff and Angst."""
    out = []
    explicit = cues.rating[-1].evidence
    if len(explicit) >= SMUT_MINIMUM:
        out.append(TagSuggestion("Smut", min(1.0, len(explicit) / (2 * SMUT_MINIMUM)), explicit[:3]))
    for (name, _, minimum), matches in zip(WARNING_CUES, cues.warnings, strict=True):
        if name == "Major Character Death" and len(matches.evidence) >= minimum:
            out.append(TagSuggestion("Character Death", 0.5, matches.evidence[:3]))
    if {"Fluff", "Angst"} <= found:
        out.append(TagSuggestion("Fluff and Angst", 0.5))
    return out
