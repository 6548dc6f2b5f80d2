"""``ficshelf batch analyze --from-archive`` on a SQLite file and a PostgreSQL server: the archive's works, exported
in id order, analysed as ``ficshelf analyze`` analyses a work; ``batch load`` puts the results back by id."""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from ficshelf.analysis.output import doc_to_json
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.batch.archive import is_archive_export, row_work, work_row
from ficshelf.cli.import_works import drafts
from ficshelf.cli.main import cli
from ficshelf.ingest.sources import read_paths
from ficshelf.model import Work
from ficshelf.posting import Draft, publish
from ficshelf.settings import get_settings
from ficshelf.store.batch_export import works_after
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import claim_reindex_batch, finish_reindex, pending_reindex
from ficshelf.store.users import ensure_account
from ficshelf.store.works import get_work
from tests.batch.test_analyze import annotations
from tests.batch.test_load import tag_keys

pytestmark = pytest.mark.corpus

IMPORTED = 12
SHARD_SIZE = 5  # 12 works: shards of 5, 5 and 2


@pytest.fixture
def archive(store: Store, dev_slice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The command-line arguments that name ``store``'s database; the works of the slice imported into it."""
    owner = ensure_account(store, "importer").id
    for _source, draft in drafts(itertools.islice(read_paths([dev_slice]), IMPORTED), 1):
        assert isinstance(draft, Draft)
        publish(store, owner, draft)
    if store.dialect == "sqlite":
        yield ["--data", str(tmp_path)]  # the fixture's file is tmp_path/ficshelf.db
        return
    monkeypatch.setenv("FICSHELF_DATABASE_URL", store.url)
    get_settings.cache_clear()
    try:
        yield []
    finally:
        monkeypatch.delenv("FICSHELF_DATABASE_URL")
        get_settings.cache_clear()


def batch_analyze(out: Path, archive: list[str]) -> Result:
    args = ["batch", "analyze", "--from-archive", *archive, "--out", str(out), "--shard-size", str(SHARD_SIZE)]
    return CliRunner().invoke(cli, args)


def stored_work(store: Store, work_id: int) -> Work:
    """The work as the archive's own work page shows it, as a ``Work`` for analysis."""
    page = get_work(store, work_id, None)
    chapters = [dataclasses.replace(c, heading="", start=0) for c in page.work.chapters]
    expected = page.summary.chapters_expected  # AO3's "Chapters 1/1", "1/5" or "1/?", as the work page says
    planned = expected if expected is not None else len(chapters) if page.work.complete else "?"
    return dataclasses.replace(page.work, authors=[], source_stats={"chapters": f"{len(chapters)}/{planned}"})


def test_archive_annotations_equal_analysis_of_the_stored_works(
    ray_address: str, store: Store, archive: list[str], dev_slice: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = batch_analyze(out, archive)
    assert result.exit_code == 0, result.stderr
    assert "3 shard(s): 0 done already, 3 to analyse" in result.stderr
    rows = annotations(out)
    ids = sorted(int(work_id) for work_id in rows)
    assert len(ids) == IMPORTED
    pipeline = default_pipeline()
    for work_id in ids:
        row = rows[str(work_id)]
        expected = doc_to_json(pipeline.run(stored_work(store, work_id)))
        assert json.loads(row["analysis"]) == expected, work_id
        assert row["archive_id"] == work_id

    # the fandoms equal those `ficshelf analyze` finds in the original lines (text and notes were only moved)
    original = CliRunner().invoke(cli, ["analyze", "--no-beta", str(dev_slice)]).stdout.splitlines()
    by_source = {doc["source"]: doc for doc in map(json.loads, original)}
    for row in rows.values():
        got = [f["name"] for f in json.loads(row["analysis"])["fandoms"]]
        assert got == [f["name"] for f in by_source[row["source"]]["fandoms"]], row["source"]

    # exported in id order, a fixed number of works per file; a second run redoes nothing and reuses the export
    files = sorted((out / "archive").glob("*.parquet"))
    assert [pq.read_metadata(f).num_rows for f in files] == [5, 5, 2]
    assert all(is_archive_export(f) for f in files)
    exported = [int(r["id"]) for f in files for r in pq.read_table(f, columns=["id"]).to_pylist()]
    assert exported == ids
    before = (out / "finished.log").read_text()
    again = batch_analyze(out, archive)
    assert again.exit_code == 0, again.stderr
    assert "3 shard(s): 3 done already, 0 to analyse" in again.stderr
    assert (out / "finished.log").read_text() == before


def test_load_from_archive_keeps_author_tags(
    ray_address: str, store: Store, archive: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert batch_analyze(out, archive).exit_code == 0
    ids = [int(w.id) for w in works_after(store, 0, 100)]
    before = {work_id: get_work(store, work_id, None) for work_id in ids}
    finish_reindex(store, claim_reindex_batch(store, limit=1000))
    result = CliRunner().invoke(cli, ["batch", "load", str(out), *archive])
    assert result.exit_code == 0, result.stderr
    assert f"for {IMPORTED} work(s) from 3 shard(s); 0 annotation(s) matched no work" in result.stderr
    rows = annotations(out)
    for work_id, page in before.items():
        after = get_work(store, work_id, None)
        assert [(t.kind, t.name) for t in after.work.tags] == [(t.kind, t.name) for t in page.work.tags]
        from_batch = {(t["kind"], t["name"]) for t in json.loads(rows[str(work_id)]["suggested_tags"])}
        assert tag_keys(after.suggested) == from_batch - tag_keys(after.work.tags)
    assert pending_reindex(store) == IMPORTED


def test_export_row_round_trips(store: Store, archive: list[str]) -> None:
    for work in works_after(store, 0, 100):
        assert row_work(work_row(work)) == work
        assert work.chapters and work.source
