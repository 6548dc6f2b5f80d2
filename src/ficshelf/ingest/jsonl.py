"""JSON Lines: one work a line with ``id`` and ``text`` or ``text_html``.

Other fields are optional; those of ``../shared/corpus/dev.jsonl`` (AO3's: ``title``, ``fandoms``, ``rating``,
``archive_warnings``, ``categories``, ``relationships``, ``characters``, ``freeforms``, ``summary_html``,
``language``, ``words``, ``chapters``, ``complete``) become the Work's author tags and stats, which
``ficshelf learn`` and ``ficshelf eval`` use. A bad line is one error; the other lines still load.
"""

from __future__ import annotations

import json
from typing import Any

from ficshelf.errors import BadRecord
from ficshelf.ingest.html_text import html_to_text
from ficshelf.ingest.text import work_from_text
from ficshelf.languages import language_code
from ficshelf.model import Tag, TagKind, Work

_TAG_FIELDS = (
    ("rating", TagKind.RATING),
    ("archive_warnings", TagKind.WARNING),
    ("categories", TagKind.CATEGORY),
    ("fandoms", TagKind.FANDOM),
    ("relationships", TagKind.RELATIONSHIP),
    ("characters", TagKind.CHARACTER),
    ("freeforms", TagKind.FREEFORM),
)


def record_to_work(line: bytes | str, source: str) -> Work:
    """One JSONL line to a Work; raise BadRecord with the reason."""
    try:
        record = json.loads(line)
    except ValueError as err:
        raise BadRecord(f"not JSON: {err}") from None
    if not isinstance(record, dict):
        raise BadRecord("a line must be a JSON object")
    work_id = record.get("id")
    if not isinstance(work_id, (str, int)) or str(work_id) == "":
        raise BadRecord("missing 'id'")
    text = record.get("text")
    html = record.get("text_html")
    if isinstance(text, str) and text.strip():
        body = text
    elif isinstance(html, str) and html.strip():
        body = html_to_text(html)
    else:
        raise BadRecord(f"record {work_id!r} has neither 'text' nor 'text_html'")
    title = record.get("title")
    work = work_from_text(body, source, work_id=str(work_id), title=title if isinstance(title, str) else "")
    _add_metadata(work, record)
    return work


def _add_metadata(work: Work, record: dict[str, Any]) -> None:
    for field, kind in _TAG_FIELDS:
        value = record.get(field)
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        work.tags.extend(Tag(kind, str(n)) for n in names if str(n).strip())
    if isinstance(record.get("summary_html"), str):
        work.summary = html_to_text(record["summary_html"])
    if isinstance(record.get("language"), str):
        work.language = language_code(record["language"])
    for stat in ("words", "chapters"):
        if record.get(stat) is not None:
            work.source_stats[stat] = str(record[stat])
    complete = record.get("complete")
    if isinstance(complete, bool):
        work.complete = complete
    elif isinstance(complete, str):
        value = complete.strip().lower()
        # AO3's own words are "Complete Work" and "Work in Progress".
        work.complete = value.startswith("complete") or value in {"yes", "true"}
