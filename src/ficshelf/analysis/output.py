"""A Doc as the JSON object ``ficshelf analyze`` prints (schema: src/ficshelf/schemas/analysis.schema.json).

The structure of a work that arrived with markup (AO3, FanFiction.Net, EPUB) comes from that markup, merged
with what recovery finds inside the chapter text (in-text author's notes, lyrics, POV headers, scene breaks);
a raw-text work's structure is all recovered.
"""

from __future__ import annotations

from typing import Any

from ficshelf import __version__
from ficshelf.analysis.analysers.structure import Structure
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import Evidence, TagSuggestion
from ficshelf.model import TagKind, Work

SCHEMA_VERSION = 1


def doc_to_json(doc: Doc) -> dict[str, Any]:
    work = doc.work
    stats = doc.stats
    out: dict[str, Any] = {
        "id": work.id,
        "source": work.source,
        "title": work.title,
        "language": doc.language,
        "stats": {
            "words": stats.words if stats else 0,
            "characters": stats.characters if stats else 0,
            "paragraphs": stats.paragraphs if stats else 0,
            "chapters": stats.chapters if stats else len(work.chapters),
            "dialogue_share": stats.dialogue_share if stats else 0.0,
            "reading_minutes": stats.reading_minutes if stats else 0,
        },
        "structure": structure_json(work, doc.structure),
        "fandoms": [{"name": f.name, "score": f.score, "evidence": f.evidence} for f in doc.fandoms],
        "characters": [
            {
                "name": c.name,
                "tag": c.tag,
                "role": c.role,
                "mentions": c.mentions,
                "dialogue": c.dialogue,
                "aliases": c.aliases,
                "known": c.known,
                "gender": c.gender,
                "score": c.score,
                "suggested": c.suggested,
                "evidence": c.evidence,
            }
            for c in doc.characters
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "start": q.start,
                "end": q.end,
                "method": q.method,
                "thought": q.thought,
            }
            for q in doc.quotes
        ],
        "relationships": [
            {
                "characters": list(r.characters),
                "kind": r.kind,
                "role": r.role,
                "tag": r.tag,
                "score": r.score,
                "suggested": r.suggested,
                "evidence": [_evidence(e) for e in r.evidence],
            }
            for r in doc.relationships
        ],
        "category": [t.name for t in doc.category],
        "rating": doc.rating.name if doc.rating else "Not Rated",
        "archive_warnings": [t.name for t in doc.warnings],
        "freeforms": [t.name for t in doc.freeforms],
        "suggestions": {
            "category": [_suggestion(t) for t in doc.category],
            "rating": [_suggestion(doc.rating)] if doc.rating else [],
            "archive_warnings": [_suggestion(t) for t in doc.warnings],
            "freeforms": [_suggestion(t) for t in doc.freeforms],
            "content_notes": [_suggestion(t) for t in doc.content_notes],
        },
        "beta": [h.to_json() for h in doc.beta],
        "author_tags": _author_tags(work),
        "meta": {"ficshelf": __version__, "schema": SCHEMA_VERSION, "analysers": list(doc.ran)},
    }
    return out


def structure_json(work: Work, found: Structure | None) -> dict[str, Any]:
    notes_beginning = list(work.notes_beginning)
    notes_end = list(work.notes_end)
    spans: dict[str, list[list[int]]] = {}
    if work.needs_structure:
        chapters: list[dict[str, Any]] = (
            [{"number": h.number, "title": h.title, "heading": h.line, "start": h.start} for h in found.chapters]
            if found
            else []
        )
    else:
        chapters = [
            {
                "number": c.number,
                "title": c.title,
                "heading": c.heading,
                "start": c.start,
                "summary": c.summary,
                "notes_beginning": c.notes_beginning,
                "notes_end": c.notes_end,
            }
            for c in work.chapters
            if len(work.chapters) > 1 or c.title
        ]
    if found is None:
        return {
            "chapters": chapters,
            "notes_beginning": notes_beginning,
            "notes_end": notes_end,
            "lyric_blocks": [],
            "section_headers": [],
            "scene_breaks": 0,
            "spans": spans,
        }
    notes_beginning += [s.text for s in found.notes_beginning]
    notes_end = [s.text for s in found.notes_end] + notes_end
    spans = {
        "notes_beginning": [[s.start, s.end] for s in found.notes_beginning],
        "notes_end": [[s.start, s.end] for s in found.notes_end],
        "section_headers": [[s.start, s.end] for s in found.section_headers],
        "scene_breaks": [[s.start, s.end] for s in found.scene_breaks],
        "lyric_blocks": [[b.start, b.end] for b in found.lyric_blocks],
        "paragraphs": [[s.start, s.end] for s in found.paragraphs],
    }
    return {
        "chapters": chapters,
        "notes_beginning": notes_beginning,
        "notes_end": notes_end,
        "lyric_blocks": [{"first_line": b.first_line, "lines": b.lines} for b in found.lyric_blocks],
        "section_headers": [s.text for s in found.section_headers],
        "scene_breaks": len(found.scene_breaks),
        "spans": spans,
    }


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "text": e.text}


def _suggestion(t: TagSuggestion) -> dict[str, Any]:
    return {"name": t.name, "score": round(t.score, 3), "evidence": [_evidence(e) for e in t.evidence]}


def _author_tags(work: Work) -> dict[str, list[str]]:
    return {kind.value: work.tag_names(kind) for kind in TagKind if work.tag_names(kind)}
