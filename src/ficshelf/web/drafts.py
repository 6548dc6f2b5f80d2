"""Posting previews kept between the preview and the publish request: one JSON file per draft in
``<data>/drafts/``, named by a random id and readable only by the account that made it."""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ficshelf.errors import DraftExpired
from ficshelf.model import Chapter, Series, Tag, TagKind, Work
from ficshelf.posting import Draft
from ficshelf.store.records import SuggestedTag, TagSource

#: Drafts older than this are removed when the next one is saved.
MAX_AGE_SECONDS = 24 * 3600


def save_draft(folder: Path, owner: int, draft: Draft, restricted: bool) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    _forget_old(folder)
    draft_id = secrets.token_urlsafe(18)
    _write(folder, owner, draft_id, draft, restricted)
    return draft_id


def update_draft(folder: Path, owner: int, draft_id: str, draft: Draft, restricted: bool) -> None:
    """Replace a draft kept under ``draft_id`` (after a beta hint was accepted into its text)."""
    load_draft(folder, owner, draft_id)  # DraftExpired when it is gone or another account's
    _write(folder, owner, draft_id, draft, restricted)


def _write(folder: Path, owner: int, draft_id: str, draft: Draft, restricted: bool) -> None:
    record = {
        "owner": owner,
        "restricted": restricted,
        "work": asdict(draft.work),
        "suggested": [asdict(s) for s in draft.suggested],
    }
    # Written whole, then renamed: a reader never sees half a draft.
    partial = folder / f".{draft_id}.json.partial"
    partial.write_text(json.dumps(record), encoding="utf-8")
    partial.replace(folder / f"{draft_id}.json")


def load_draft(folder: Path, owner: int, draft_id: str) -> tuple[Draft, bool]:
    """The draft and its restricted flag; DraftExpired when missing, malformed or another account's."""
    path = folder / f"{draft_id}.json"
    if not draft_id.replace("-", "").replace("_", "").isalnum() or not path.is_file():
        raise DraftExpired("this preview has expired or was published already; post the work again")
    record = json.loads(path.read_text(encoding="utf-8"))
    if record.get("owner") != owner:
        raise DraftExpired("this preview belongs to another account")
    return Draft(_work(record["work"]), [_suggested(s) for s in record["suggested"]]), bool(record["restricted"])


def drop_draft(folder: Path, draft_id: str) -> None:
    (folder / f"{draft_id}.json").unlink(missing_ok=True)


def _work(data: dict[str, Any]) -> Work:
    data = dict(data)
    data["chapters"] = [Chapter(**c) for c in data["chapters"]]
    data["tags"] = [Tag(TagKind(t["kind"]), t["name"]) for t in data["tags"]]
    data["series"] = [Series(**s) for s in data["series"]]
    return Work(**data)


def _suggested(data: dict[str, Any]) -> SuggestedTag:
    return SuggestedTag(
        TagKind(data["kind"]), data["name"], data["score"], list(data["evidence"]), TagSource(data["source"])
    )


def _forget_old(folder: Path) -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in folder.glob("*.json"):
        if path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
