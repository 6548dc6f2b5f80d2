"""Load what evaluation compares: the seeds' ``gold.json`` or a JSONL of works with authors' AO3 tags, and
the predictions (``ficshelf analyze --format json`` output).

Both gold kinds become :class:`GoldWork` records keyed by work id; which kind a file is comes from its content
(a JSON object with ``works`` is the seeds' kind; anything else must be JSON Lines).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ficshelf.errors import EvalError
from ficshelf.evaluation.names import Relationship, relationship_tag
from ficshelf.model import TagKind, Work
from ficshelf.tag_names import is_generic

SEEDS = "seeds"
TAGS = "tags"
PAGES = "pages"
_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".epub")


@dataclass(slots=True)
class GoldWork:
    id: str
    fandoms: list[str] = field(default_factory=list)
    #: every character to find; for a tags file, the authors' character tags less the generic ones
    characters: list[str] = field(default_factory=list)
    #: by role (seeds only; None for a tags file)
    main_characters: list[str] | None = None
    mentioned_characters: list[str] | None = None
    relationships: list[Relationship] = field(default_factory=list)
    category: list[str] = field(default_factory=list)
    rating: str = ""
    archive_warnings: list[str] = field(default_factory=list)
    #: (first words, speaker) per line of dialogue, in order (seeds only)
    quotes: list[tuple[str, str]] | None = None
    #: the file the work was read from, beside gold.json (seeds only)
    path: Path | None = None
    #: False when the text holds only part of the work the tags describe (dev.jsonl's "first chapter only")
    whole_text: bool = True


@dataclass(slots=True)
class Gold:
    kind: str  # SEEDS | TAGS | PAGES
    path: Path
    works: dict[str, GoldWork]
    #: pages only: the works as imported, to analyse when no --pred is given
    sources: dict[str, Work] = field(default_factory=dict)
    #: pages only: files skipped as not a work (tag, series, log-in pages) or unreadable, with the reason
    skipped: list[str] = field(default_factory=list)


def work_id(name: str) -> str:
    """A work id as ``analyze`` prints it: a file name loses its extension ("000_ab.txt" → "000_ab")."""
    for ext in _EXTENSIONS:
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def load_gold(path: Path) -> Gold:
    if path.is_dir():
        return load_pages(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"{path}: cannot read the gold file: {err}") from None
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if isinstance(whole, dict) and isinstance(whole.get("works"), dict):
        works = {work_id(k): _seed_work(work_id(k), v, path.parent / k) for k, v in whole["works"].items()}
        return Gold(SEEDS, path, works)
    records = read_jsonl(path, text, "gold")
    works = {}
    for record in records:
        work = _tagged_work(record)
        works[work.id] = work
    if not works:
        raise EvalError(f"{path}: no gold works (expected gold.json or JSON Lines with 'id')")
    return Gold(TAGS, path, works)


def load_pages(folder: Path) -> Gold:
    """Gold from a folder of archive pages (AO3, FanFiction.Net …): each work's own tags, as the importer reads
    them from the page's preface. Pages that hold no work are skipped; several pages of one work (its
    chapters) count once, as the first in name order."""
    from ficshelf.ingest.sources import read_paths

    gold = Gold(PAGES, folder, {})
    for item in read_paths([folder]):
        if item.work is None:
            gold.skipped.append(item.error.line(item.source) if item.error else item.source)
            continue
        work = tagged_work(item.work)
        if work.fandoms and work.id not in gold.works:
            gold.works[work.id] = work
            gold.sources[work.id] = item.work
    if not gold.works:
        raise EvalError(f"{folder}: no page with a work and its fandom tags")
    return gold


def tagged_work(work: Work) -> GoldWork:
    """A work's author tags (as an importer found them) as gold."""
    record: dict[str, Any] = {"id": work.id}
    for key, kind in (
        ("fandoms", TagKind.FANDOM),
        ("characters", TagKind.CHARACTER),
        ("relationships", TagKind.RELATIONSHIP),
        ("categories", TagKind.CATEGORY),
        ("archive_warnings", TagKind.WARNING),
    ):
        record[key] = work.tag_names(kind)
    ratings = work.tag_names(TagKind.RATING)
    record["rating"] = ratings[0] if ratings else ""
    return _tagged_work(record)


def read_jsonl(path: Path, text: str, what: str) -> list[dict[str, Any]]:
    """Every line a JSON object with an ``id``; blank lines are skipped; anything else is an EvalError."""
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as err:
            raise EvalError(f"{path}:{number}: {what} line is not JSON: {err}") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), (str, int)):
            raise EvalError(f"{path}:{number}: {what} line is not a JSON object with an 'id'")
        records.append(record)
    return records


def load_predictions(path: Path) -> dict[str, dict[str, Any]]:
    """Predictions by work id (the first of duplicates wins)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalError(f"{path}: cannot read the predictions: {err}") from None
    found: dict[str, dict[str, Any]] = {}
    for record in read_jsonl(path, text, "prediction"):
        found.setdefault(work_id(str(record["id"])), record)
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def _seed_work(wid: str, data: object, path: Path) -> GoldWork:
    if not isinstance(data, dict):
        raise EvalError(f"gold work {wid!r} is not a JSON object")
    chars = data.get("characters") if isinstance(data.get("characters"), dict) else {}
    rels = data.get("relationships") if isinstance(data.get("relationships"), dict) else {}
    assert isinstance(chars, dict) and isinstance(rels, dict)
    main, mentioned = _strings(chars.get("main")), _strings(chars.get("mentioned"))
    relationships = []
    for role in ("main", "background"):
        for rel in rels.get(role) or []:
            pair = _strings(rel.get("pair")) if isinstance(rel, dict) else []
            if len(pair) == 2:
                relationships.append(Relationship(pair[0], pair[1], str(rel.get("kind", "")), role))
    quotes = [
        (str(q.get("starts", "")), str(q.get("speaker", ""))) for q in data.get("quotes") or [] if isinstance(q, dict)
    ]
    return GoldWork(
        id=wid,
        fandoms=_strings(data.get("fandom")) + _strings(data.get("fandoms")),
        characters=main + mentioned,
        main_characters=main,
        mentioned_characters=mentioned,
        relationships=relationships,
        category=_strings(data.get("category")),
        rating=str(data.get("rating") or ""),
        archive_warnings=_strings(data.get("archive_warnings")),
        quotes=quotes,
        path=path,
    )


def _tagged_work(record: dict[str, Any]) -> GoldWork:
    return GoldWork(
        id=work_id(str(record["id"])),
        fandoms=_strings(record.get("fandoms")),
        characters=[c for c in _strings(record.get("characters")) if not is_generic(c)],
        relationships=[r for tag in _strings(record.get("relationships")) for r in relationship_tag(tag)],
        category=_strings(record.get("categories")),
        rating=str(record.get("rating") or ""),
        archive_warnings=_strings(record.get("archive_warnings")),
        whole_text=record.get("text_scope") != "first chapter only",
    )


@dataclass(slots=True)
class Prediction:
    fandoms: list[str]
    characters: list[tuple[str, str | None]]
    relationships: list[Relationship]
    category: list[str]
    rating: str
    archive_warnings: list[str]
    quotes: list[tuple[str, str]]
    #: characters and relationships marked ``suggested`` (what an author would tag); None when the
    #: prediction does not say, so that every one counts
    suggested_characters: list[str] | None = None
    suggested_relationships: list[Relationship] | None = None


def prediction(record: dict[str, Any] | None) -> Prediction:
    """The fields evaluation reads from one ``analyze`` object; a missing or malformed one is empty."""
    rec = record or {}
    characters = [(n, _field(c, "role")) for c in _list(rec, "characters") if (n := _name(c))]
    relationships: list[Relationship] = []
    for rel in _list(rec, "relationships"):
        if isinstance(rel, str):
            relationships += relationship_tag(rel)
        elif isinstance(rel, dict) and isinstance(pair := rel.get("characters"), list) and len(pair) == 2:
            a, b = _name(pair[0]), _name(pair[1])
            if a and b:
                relationships.append(Relationship(a, b, str(rel.get("kind", "")), _field(rel, "role")))
    category = rec.get("category", rec.get("categories"))
    suggested = _suggested(rec)
    return Prediction(
        fandoms=[n for f in _list(rec, "fandoms") if (n := _name(f))],
        characters=characters,
        relationships=relationships,
        category=_list_of_str(category),
        rating=_name(rec.get("rating")) or "",
        archive_warnings=_list_of_str(rec.get("archive_warnings")),
        quotes=[
            (str(q.get("text") or ""), _name(q.get("speaker")) or "")
            for q in _list(rec, "quotes")
            if isinstance(q, dict)
        ],
        suggested_characters=suggested[0],
        suggested_relationships=suggested[1],
    )


def _suggested(rec: dict[str, Any]) -> tuple[list[str] | None, list[Relationship] | None]:
    """The characters and relationships a prediction marks ``suggested``, where it marks any that way."""
    chars = _list(rec, "characters")
    rels = [r for r in _list(rec, "relationships") if isinstance(r, dict)]
    names = None
    if any(isinstance(c, dict) and "suggested" in c for c in chars):
        names = [n for c in chars if isinstance(c, dict) and c.get("suggested") is True and (n := _name(c))]
    pairs = None
    if any("suggested" in r for r in rels):
        pairs = []
        for rel in rels:
            pair = rel.get("characters")
            if rel.get("suggested") is True and isinstance(pair, list) and len(pair) == 2:
                a, b = _name(pair[0]), _name(pair[1])
                if a and b:
                    pairs.append(Relationship(a, b, str(rel.get("kind", "")), _field(rel, "role")))
    return names, pairs


def _list(rec: dict[str, Any], key: str) -> list[Any]:
    value = rec.get(key)
    return value if isinstance(value, list) else []


def _list_of_str(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [n for v in items if (n := _name(v))]


def _name(value: object) -> str | None:
    """A name given as a string or as an object with ``name``."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _field(obj: object, key: str) -> str | None:
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else None
