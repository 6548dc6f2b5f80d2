"""Tags and their wrangling: kinds, canonical tags, synonyms, the fandom index.

A tag is unique by (kind, name). A canonical tag stands for its synonyms: a listing for "Naruto Uzumaki" also
finds works tagged "Uzumaki Naruto" when one is a synonym of the other.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from ficshelf.errors import InvalidValue, NotFound
from ficshelf.model import TagKind
from ficshelf.store import tables as t
from ficshelf.store.access import visible_tag_sources, visible_to
from ficshelf.store.engine import Store
from ficshelf.store.records import FandomCount, TagInfo

MAX_TAG_LENGTH = 300


def tag_kind(kind: str | TagKind) -> TagKind:
    try:
        return TagKind(kind)
    except ValueError:
        raise InvalidValue(f"unknown tag kind {kind!r}; one of {', '.join(k.value for k in TagKind)}") from None


def clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidValue("a tag name cannot be empty")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise InvalidValue(f"a tag name is at most {MAX_TAG_LENGTH} characters")
    return cleaned


#: Ratings, warnings and categories are a fixed vocabulary on AO3: always canonical.
_ALWAYS_CANONICAL = {TagKind.RATING, TagKind.WARNING, TagKind.CATEGORY}


def get_or_create_tag(session: Session, kind: TagKind, name: str) -> t.Tag:
    """The tag (kind, name), created (not canonical) if new; safe against a concurrent creator on PostgreSQL."""
    name = clean_name(name)
    found = session.scalar(select(t.Tag).where(t.Tag.kind == kind.value, t.Tag.name == name))
    if found is not None:
        return found
    try:
        with session.begin_nested():
            tag = t.Tag(kind=kind.value, name=name, canonical=kind in _ALWAYS_CANONICAL)
            session.add(tag)
    except IntegrityError:
        return session.scalars(select(t.Tag).where(t.Tag.kind == kind.value, t.Tag.name == name)).one()
    return tag


def tag_ids(session: Session, wanted: Iterable[tuple[TagKind, str]]) -> dict[tuple[TagKind, str], int]:
    """Ids of many tags at once (names already cleaned), creating the missing ones in one statement."""
    keys = set(wanted)
    if not keys:
        return {}
    names = {name for _, name in keys}
    session.flush()  # Core statements below: tags the session holds unflushed must be in the database first
    connection = session.connection()
    query = select(t.Tag.id, t.Tag.kind, t.Tag.name).where(t.Tag.name.in_(names))

    def lookup() -> dict[tuple[TagKind, str], int]:
        rows = connection.execute(query).all()
        return {(TagKind(kind), name): tag_id for tag_id, kind, name in rows if (TagKind(kind), name) in keys}

    found = lookup()
    missing = keys - found.keys()
    if missing:
        rows = [{"kind": k.value, "name": n, "canonical": k in _ALWAYS_CANONICAL} for k, n in sorted(missing)]
        insert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
        connection.execute(insert(t.Tag).on_conflict_do_nothing(), rows)
        found = lookup()
    return found


def synonym_ids(session: Session, names: Iterable[str]) -> set[int]:
    """Ids of the tags named (any kind), of their canonical tags, and of every synonym of those."""
    cleaned = {" ".join(n.split()) for n in names if n.strip()}
    if not cleaned:
        return set()
    rows = session.execute(select(t.Tag.id, t.Tag.synonym_of_id).where(t.Tag.name.in_(cleaned))).all()
    roots = {synonym_of or tag_id for tag_id, synonym_of in rows}
    if not roots:
        return set()
    members = session.scalars(select(t.Tag.id).where(t.Tag.synonym_of_id.in_(roots))).all()
    return roots | set(members) | {tag_id for tag_id, _ in rows}


def tag_with_synonyms(store: Store, name: str, kind: str | TagKind | None = None) -> TagInfo:
    """The tag called ``name`` (of ``kind`` when names clash), its canonical tag and all synonyms; NotFound if none."""
    with store.read() as session:
        query = select(t.Tag).where(t.Tag.name == " ".join(name.split()))
        if kind is not None:
            query = query.where(t.Tag.kind == tag_kind(kind).value)
        tag = session.scalars(query.order_by(t.Tag.canonical.desc(), t.Tag.id)).first()
        if tag is None:
            raise NotFound(f"no tag {name!r}")
        root = session.get(t.Tag, tag.synonym_of_id) if tag.synonym_of_id else tag
        assert root is not None
        synonyms = session.scalars(select(t.Tag.name).where(t.Tag.synonym_of_id == root.id).order_by(t.Tag.name))
        return TagInfo(tag.id, TagKind(tag.kind), tag.name, tag.canonical, root.name, list(synonyms))


def make_canonical(store: Store, name: str, kind: str | TagKind) -> None:
    """Mark a tag canonical (creating it if needed); a canonical tag is a synonym of nothing."""
    with store.write() as session:
        tag = get_or_create_tag(session, tag_kind(kind), name)
        tag.canonical = True
        tag.synonym_of_id = None


def make_synonym(store: Store, name: str, canonical: str, kind: str | TagKind) -> None:
    """Make tag ``name`` a synonym of the canonical tag ``canonical`` (both of ``kind``; created if missing).

    Synonyms of ``name`` move to ``canonical`` too, so chains never form.
    """
    kind = tag_kind(kind)
    with store.write() as session:
        root = get_or_create_tag(session, kind, canonical)
        tag = get_or_create_tag(session, kind, name)
        if tag.id == root.id:
            raise InvalidValue("a tag cannot be a synonym of itself")
        root.canonical, root.synonym_of_id = True, None
        tag.canonical, tag.synonym_of_id = False, root.id
        for member in session.scalars(select(t.Tag).where(t.Tag.synonym_of_id == tag.id)):
            member.synonym_of_id = root.id


def find_tags(store: Store, prefix: str, kind: str | TagKind | None = None, limit: int = 20) -> list[TagInfo]:
    """Tags whose name starts with ``prefix`` (case-insensitive), canonical ones first: for autocomplete."""
    with store.read() as session:
        query = select(t.Tag).where(func.lower(t.Tag.name).startswith(prefix.strip().lower(), autoescape=True))
        if kind is not None:
            query = query.where(t.Tag.kind == tag_kind(kind).value)
        rows = session.scalars(query.order_by(t.Tag.canonical.desc(), t.Tag.name).limit(limit)).all()
        return [TagInfo(r.id, TagKind(r.kind), r.name, r.canonical, r.name, []) for r in rows]


def fandom_index(store: Store, viewer: int | None = None) -> list[FandomCount]:
    """Every fandom with the number of works the viewer may see, synonyms counted under their canonical tag."""
    root = aliased(t.Tag)
    name = func.coalesce(root.name, t.Tag.name)
    query = (
        select(name, func.count(func.distinct(t.Work.id)))
        .select_from(t.WorkTag)
        .join(t.Tag, t.Tag.id == t.WorkTag.tag_id)
        .outerjoin(root, root.id == t.Tag.synonym_of_id)
        .join(t.Work, t.Work.id == t.WorkTag.work_id)
        .where(t.Tag.kind == TagKind.FANDOM.value, t.WorkTag.source.in_(visible_tag_sources()), visible_to(viewer))
        .group_by(name)
        .order_by(name)
    )
    with store.read() as session:
        return [FandomCount(n, c) for n, c in session.execute(query).all()]
