"""What the search index reads of each work (``IndexDocument``), loaded in batches."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ficshelf.model import Tag, TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import visible_tag_sources
from ficshelf.store.blurbs import summaries, work_tags
from ficshelf.store.engine import Store
from ficshelf.store.records import IndexDocument, TagSource


def works_for_index(store: Store, work_ids: Sequence[int]) -> list[IndexDocument]:
    """Index documents for the works that exist among ``work_ids`` (restricted ones included, flagged)."""
    ids = sorted(set(work_ids))
    if not ids:
        return []
    with store.read() as session:
        blurbs = summaries(session, ids)
        suggested = work_tags(session, ids, [TagSource.SUGGESTED.value])
        chapters: dict[int, list[str]] = defaultdict(list)
        chapter_notes: dict[int, list[str]] = defaultdict(list)
        for work_id, text, before, after in session.execute(
            select(t.Chapter.work_id, t.Chapter.text, t.Chapter.notes_beginning, t.Chapter.notes_end)
            .where(t.Chapter.work_id.in_(ids))
            .order_by(t.Chapter.work_id, t.Chapter.number)
        ):
            chapters[work_id].append(text)
            chapter_notes[work_id] += [*before, *after]
        notes = {
            work_id: [*before, *after]
            for work_id, before, after in session.execute(
                select(t.Work.id, t.Work.notes_beginning, t.Work.notes_end).where(t.Work.id.in_(ids))
            )
        }
        canonical = _canonical_tags(session, ids)
        return [
            IndexDocument(
                id=b.id,
                title=b.title,
                summary=b.summary,
                owner=b.owner,
                language=b.language,
                rating=b.rating,
                words=b.words,
                chapter_count=b.chapters,
                complete=b.complete,
                restricted=b.restricted,
                published=b.published,
                updated=b.updated,
                kudos=b.kudos,
                hits=b.hits,
                comments=b.comments,
                bookmarks=b.bookmarks,
                tags=_unique([*b.tags, *canonical.get(b.id, [])]),
                suggested=suggested.get(b.id, []),
                notes=[*notes.get(b.id, []), *chapter_notes[b.id]],
                chapters=chapters[b.id],
            )
            for b in blurbs
        ]


def iter_work_ids(store: Store, batch: int = 1000) -> Iterator[list[int]]:
    """Every work id in batches (for rebuilding an index from scratch)."""
    last = 0
    while True:
        with store.read() as session:
            ids = list(session.scalars(select(t.Work.id).where(t.Work.id > last).order_by(t.Work.id).limit(batch)))
        if not ids:
            return
        yield ids
        last = ids[-1]


def _canonical_tags(session: Session, ids: list[int]) -> dict[int, list[Tag]]:
    """For each work, the canonical tags of its wrangled (synonym) tags."""
    root = aliased(t.Tag)
    rows = session.execute(
        select(t.WorkTag.work_id, root.kind, root.name)
        .join(t.Tag, t.Tag.id == t.WorkTag.tag_id)
        .join(root, root.id == t.Tag.synonym_of_id)
        .where(t.WorkTag.work_id.in_(ids), t.WorkTag.source.in_(visible_tag_sources()))
    )
    found: dict[int, list[Tag]] = defaultdict(list)
    for work_id, kind, name in rows:
        found[work_id].append(Tag(TagKind(kind), name))
    return found


def _unique(tags: list[Tag]) -> list[Tag]:
    return list(dict.fromkeys(tags))
