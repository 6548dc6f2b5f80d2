"""Posting a work: analysis turns a Work into a Draft (its recovered structure and suggested tags with
evidence), which is then published to the store next to the author's own tags.

``ficshelf import`` and the web's posting form share this path: ``prepare`` (or ``draft_from_doc``, pure) then
``publish``. A raw-text work is cut into the chapters structure recovery found; its author's notes move out of
the story text into the work's (or, for several chapters, each chapter's) beginning and end notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ficshelf.analysis.analysers.structure import ChapterHeading, Span, Structure
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.pipeline import Pipeline, default_pipeline
from ficshelf.analysis.results import Evidence, TagSuggestion
from ficshelf.errors import FicshelfError
from ficshelf.ingest.titles import fallback_title
from ficshelf.model import Chapter, Tag, TagKind, Work
from ficshelf.store.engine import Store
from ficshelf.store.new_works import NewWork, WorkWriter, create_work
from ficshelf.store.records import SuggestedTag, TagSource

#: How many mentions of a character are kept as evidence.
CHARACTER_EVIDENCE = 3


@dataclass(slots=True)
class Draft:
    """A work ready to publish: structured chapters, the author's tags, and analysis's suggestions."""

    work: Work
    suggested: list[SuggestedTag] = field(default_factory=list)

    @property
    def author_tags(self) -> list[Tag]:
        return list(self.work.tags)


def prepare(work: Work, pipeline: Pipeline | None = None) -> Draft:
    """Analyse ``work`` (raises AnalysisFailed) and build its draft."""
    return draft_from_doc((pipeline or default_pipeline()).run(work))


def publish(store: Store, owner: int, draft: Draft, *, restricted: bool = False, accept_at: float | None = None) -> int:
    """Store the draft as a new work of ``owner`` (queued for indexing); returns its id.

    With ``accept_at``, suggestions scoring at least that much are stored as accepted tags, the rest as pending.
    """
    return create_work(
        store,
        owner,
        draft.work,
        draft.author_tags,
        accepted(draft.suggested, accept_at),
        restricted=restricted,
        chapters_expected=planned_chapters(draft.work),
    )


def publish_many(
    writer: WorkWriter, drafts: Sequence[Draft], *, restricted: bool = False, accept_at: float | None = None
) -> list[int | FicshelfError]:
    """Store many drafts in one transaction (``ficshelf import``): each one's new id, or the error that kept that
    one draft out while the others were stored."""
    return writer.create(
        NewWork(
            d.work,
            d.author_tags,
            accepted(d.suggested, accept_at),
            restricted=restricted,
            chapters_expected=planned_chapters(d.work),
        )
        for d in drafts
    )


def planned_chapters(work: Work) -> int | None:
    """How many chapters the source says the work will have ("3/5" → 5, "1/1" → 1; "2/?" and none → None)."""
    planned = work.source_stats.get("chapters", "").rpartition("/")[2].strip()
    return int(planned) if planned.isdigit() and int(planned) > 0 else None


def accepted(suggested: list[SuggestedTag], accept_at: float | None) -> list[SuggestedTag]:
    """The suggestions, those scoring at least ``accept_at`` (when given) turned into accepted tags."""
    if accept_at is None:
        return suggested
    return [
        replace(s, source=TagSource.ACCEPTED) if s.score is not None and s.score >= accept_at else s for s in suggested
    ]


def draft_from_doc(doc: Doc) -> Draft:
    """Pure: the structured work and the suggested tags of an analysed Doc."""
    work = doc.work
    if work.needs_structure and doc.structure is not None:
        work = structured_work(work, doc.text, doc.structure)
    if not work.language and doc.language:
        work.language = doc.language
    work.title = fallback_title(work)  # never empty: chapter title, file name, first words
    return Draft(work, suggestions(doc))


def structured_work(work: Work, text: str, structure: Structure) -> Work:
    """A copy of a raw-text work cut at its recovered chapter headings, with notes taken out of the text."""
    headings = sorted(structure.chapters, key=lambda h: h.start)
    bounds: list[tuple[int, int, ChapterHeading | None]] = [(0, headings[0].start if headings else len(text), None)]
    for i, heading in enumerate(headings):
        bounds.append((heading.end, headings[i + 1].start if i + 1 < len(headings) else len(text), heading))
    notes = [(s, "beginning") for s in structure.notes_beginning] + [(s, "end") for s in structure.notes_end]
    preface_text, preface_before, preface_after = _region(text, 0, bounds[0][1], notes)
    chapters: list[Chapter] = []
    for start, end, found in bounds[1:]:
        body, before, after = _region(text, start, end, notes)
        title = found.title if found is not None else ""
        chapters.append(Chapter(len(chapters) + 1, title, notes_beginning=before, notes_end=after, text=body))
    if not chapters:
        chapters = [Chapter(1, notes_beginning=[], notes_end=[], text=preface_text)]
    elif preface_text:  # story text before the first heading belongs to the first chapter
        chapters[0].text = f"{preface_text}\n\n{chapters[0].text}".strip("\n")
    notes_beginning = [*work.notes_beginning, *preface_before]
    notes_end = [*preface_after, *work.notes_end]
    if len(chapters) == 1:  # a one-shot's notes are the work's notes
        notes_beginning += chapters[0].notes_beginning
        notes_end = chapters[0].notes_end + notes_end
        chapters[0].notes_beginning, chapters[0].notes_end = [], []
    else:  # the first chapter's opening notes and the last chapter's closing notes
        notes_beginning += chapters[0].notes_beginning
        notes_end = chapters[-1].notes_end + notes_end
        chapters[0].notes_beginning, chapters[-1].notes_end = [], []
    return Work(
        id=work.id,
        source=work.source,
        title=work.title,
        authors=list(work.authors),
        summary=work.summary,
        language=work.language,
        notes_beginning=notes_beginning,
        notes_end=notes_end,
        chapters=[c for c in chapters if c.text.strip()] or chapters[:1],
        tags=list(work.tags),
        series=list(work.series),
        source_stats=dict(work.source_stats),
        complete=work.complete,
    )


def _region(text: str, start: int, end: int, notes: Sequence[tuple[Span, str]]) -> tuple[str, list[str], list[str]]:
    """The text of ``text[start:end]`` without its notes, and those notes (beginning, end) in order."""
    inside = sorted(((s, where) for s, where in notes if start <= s.start and s.end <= end), key=lambda n: n[0].start)
    before = [s.text for s, where in inside if where == "beginning"]
    after = [s.text for s, where in inside if where == "end"]
    pieces: list[str] = []
    cursor = start
    for span, _where in inside:
        pieces.append(text[cursor : span.start])
        cursor = span.end
    pieces.append(text[cursor:end])
    body = "".join(pieces).strip()
    return body, before, after


def suggestions(doc: Doc) -> list[SuggestedTag]:
    """Every tag analysis proposes, AO3's kinds, with score and evidence (offsets into the work's text)."""
    found: list[SuggestedTag] = []
    if doc.rating is not None:
        found.append(_suggested(TagKind.RATING, doc.rating))
    found += [_suggested(TagKind.WARNING, t) for t in doc.warnings]
    found += [_suggested(TagKind.CATEGORY, t) for t in doc.category]
    found += [SuggestedTag(TagKind.FANDOM, f.name, round(f.score, 3), list(f.evidence)) for f in doc.fandoms]
    found += [
        SuggestedTag(TagKind.RELATIONSHIP, r.tag, round(r.score, 3), [_evidence(e) for e in r.evidence])
        for r in doc.relationships
    ]
    for character in doc.characters:
        spans = character.spans[:CHARACTER_EVIDENCE]
        evidence = [{"start": s, "end": e, "text": doc.text[s:e]} for s, e in spans]
        found.append(SuggestedTag(TagKind.CHARACTER, character.tag, round(character.score, 3), evidence))
    found += [_suggested(TagKind.FREEFORM, t) for t in doc.freeforms]
    unique: dict[tuple[TagKind, str], SuggestedTag] = {}
    for tag in found:
        unique.setdefault((tag.kind, tag.name), tag)
    return list(unique.values())


def _suggested(kind: TagKind, suggestion: TagSuggestion) -> SuggestedTag:
    return SuggestedTag(kind, suggestion.name, round(suggestion.score, 3), [_evidence(e) for e in suggestion.evidence])


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {"start": evidence.start, "end": evidence.end, "text": evidence.text}
