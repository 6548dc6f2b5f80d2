"""`ficshelf import` and `ficshelf db upgrade`: works, chapters, notes, author and suggested tags in a real
SQLite archive; bad inputs cost one line each."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ficshelf.cli.main import cli
from ficshelf.model import TagKind
from ficshelf.search import open_backend
from ficshelf.store.engine import open_store
from ficshelf.store.index_queue import pending_reindex
from ficshelf.store.listing import list_works
from ficshelf.store.migrate import current_revision, head_revision
from ficshelf.store.records import WorkFilter
from ficshelf.store.tags import fandom_index
from ficshelf.store.users import account_by_name
from ficshelf.store.works import get_work

RECORD = {
    "id": "rec-1",
    "title": "Sand and Stone",
    "fandoms": ["Naruto"],
    "rating": "General Audiences",
    "characters": ["Gaara (Naruto)", "Rock Lee"],
    "freeforms": ["Friendship"],
    "text": "Chapter 1 – Sparring\n\nGaara raised his hand and the sand rose. Lee grinned and bowed.\n\n"
    "Chapter 2 – After\n\nThey sat on the steps of the Academy and watched the sun go down.",
}


def _short_name(tag: str) -> str:
    return tag.removesuffix(" (Naruto)")


def test_seeds_import_into_a_sqlite_archive(tmp_path: Path, seeds_dir: Path, seeds_gold: dict[str, Any]) -> None:
    data = tmp_path / "data"
    seeds = [str(seeds_dir / name) for name in sorted(seeds_gold)]
    result = CliRunner().invoke(cli, ["import", *seeds, "--data", str(data), "--owner", "Seeds"])
    assert result.exit_code == 0, result.output
    assert "imported 4 work(s) as Seeds" in result.stderr
    store = open_store(data_dir=data)
    try:
        owner = account_by_name(store, "Seeds")
        assert not owner.can_log_in
        listing = list_works(store, WorkFilter(owner="Seeds"), sort="title", per_page=50)
        by_source = {Path(get_work(store, w.id, None).work.source).name: w.id for w in listing.items}
        assert set(by_source) == set(seeds_gold)
        for name, gold in seeds_gold.items():
            page = get_work(store, by_source[name], None)
            titles = [c["title"] for c in gold["chapters"]] or [""]
            assert [c.title for c in page.work.chapters] == titles, name
            assert page.work.notes_beginning == gold["notes_beginning"], name
            assert page.work.notes_end == gold["notes_end"], name
            assert page.summary.words > 500 and all(c.text for c in page.work.chapters)
            suggested = {(s.kind, _short_name(s.name)) for s in page.suggested}
            assert (TagKind.FANDOM, gold["fandom"]) in suggested, name
            for character in gold["characters"]["main"]:
                assert (TagKind.CHARACTER, _short_name(character)) in suggested, (name, character)
            assert all(s.evidence for s in page.suggested if s.kind is TagKind.RELATIONSHIP)
            assert page.work.tags == []  # raw text carries no author's tags
        assert pending_reindex(store) == 0  # the import indexed what it queued
    finally:
        store.close()
    index = open_backend(data, kind="tantivy")
    try:
        assert index.count() == len(seeds_gold)
    finally:
        index.close()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_author_tags_sit_next_to_suggestions(tmp_path: Path, jobs: str) -> None:
    source = tmp_path / "works.jsonl"
    source.write_text(json.dumps(RECORD) + "\n" + "{not json\n", encoding="utf-8")
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(source), "--data", str(data), "--restricted", "--jobs", jobs])
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if "error FS108" in line]) == 1
    assert "imported 1 work(s) as importer" in result.stderr
    store = open_store(data_dir=data)
    try:
        assert list_works(store).total == 0  # restricted: guests see nothing
        (blurb,) = list_works(store, viewer=account_by_name(store, "importer").id).items
        page = get_work(store, blurb.id, viewer=blurb.owner_id)
        assert page.summary.title == "Sand and Stone" and page.summary.rating == "General Audiences"
        assert [c.title for c in page.work.chapters] == ["Sparring", "After"]
        assert "Chapter 2" not in page.work.chapters[0].text
        assert page.work.tag_names(TagKind.CHARACTER) == ["Gaara (Naruto)", "Rock Lee"]
        assert page.work.tag_names(TagKind.FREEFORM) == ["Friendship"]
        assert all(s.name not in {"Naruto", "Rock Lee"} for s in page.suggested)  # already the author's
    finally:
        store.close()


def test_confident_suggestions_can_be_accepted_on_import(
    tmp_path: Path, seeds_dir: Path, seeds_gold: dict[str, Any]
) -> None:
    name = sorted(seeds_gold)[0]
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(seeds_dir / name), "--data", str(data), "--accept", "0.9"])
    assert result.exit_code == 0, result.output
    store = open_store(data_dir=data)
    try:
        (blurb,) = list_works(store, WorkFilter(tags=[seeds_gold[name]["fandom"]])).items
        page = get_work(store, blurb.id, None)
        assert page.suggested and all(s.score is not None and s.score < 0.9 for s in page.suggested)
        assert TagKind.FANDOM in {t.kind for t in page.work.tags}
        assert [f.name for f in fandom_index(store)] == [seeds_gold[name]["fandom"]]
    finally:
        store.close()


def test_db_upgrade_creates_the_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade", "--data", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "was empty" in result.output
    store = open_store(data_dir=tmp_path)
    try:
        assert current_revision(store) == head_revision()
    finally:
        store.close()
    again = CliRunner().invoke(cli, ["db", "upgrade", "--data", str(tmp_path)])
    assert f"was {head_revision()}" in again.output


def test_the_source_chapter_count_and_completion_are_kept(tmp_path: Path) -> None:
    source = tmp_path / "works.jsonl"
    records = [
        {**RECORD, "id": "planned", "title": "Planned", "chapters": "2/5", "complete": "Work in Progress"},
        {**RECORD, "id": "open", "title": "Open", "chapters": "2/?", "complete": "Work in Progress"},
        {**RECORD, "id": "done", "title": "Done", "chapters": "2/2", "complete": "Complete Work"},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(source), "--data", str(data)])
    assert result.exit_code == 0, result.output
    store = open_store(data_dir=data)
    try:
        blurbs = {b.title: b for b in list_works(store).items}
        assert {title: (b.chapters_expected, b.complete) for title, b in blurbs.items()} == {
            "Planned": (5, False),
            "Open": (None, False),
            "Done": (2, True),
        }
    finally:
        store.close()
