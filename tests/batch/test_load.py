"""``ficshelf batch load`` on SQLite and PostgreSQL: suggestions arrive, author and accepted tags stay as they were."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from ficshelf.cli.import_works import drafts
from ficshelf.cli.main import cli
from ficshelf.ingest.sources import read_paths
from ficshelf.posting import Draft, publish
from ficshelf.store.batch_load import suggest_by_source
from ficshelf.store.engine import Store
from ficshelf.store.index_queue import claim_reindex_batch, finish_reindex, pending_reindex
from ficshelf.store.listing import list_works
from ficshelf.store.records import WorkFilter
from ficshelf.store.users import ensure_account
from ficshelf.store.works import get_work

pytestmark = pytest.mark.corpus

IMPORTED = 12  # of the slice's 40 works: the others match nothing in the archive


def tag_keys(tags: list) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(tag.kind.value, tag.name) for tag in tags}


def test_load_adds_suggestions_and_keeps_author_tags(
    store: Store, batch_out: tuple[Path, str], dev_slice: Path, tmp_path: Path
) -> None:
    out, _ = batch_out
    owner = ensure_account(store, "importer").id
    ids: dict[str, int] = {}  # source -> archive id, imported the way ``ficshelf import --accept 0.9`` does
    for source, draft in drafts(itertools.islice(read_paths([dev_slice]), IMPORTED), 1):
        assert isinstance(draft, Draft)
        ids[source] = publish(store, owner, draft, accept_at=0.9)
    before = {source: get_work(store, work_id, owner) for source, work_id in ids.items()}
    assert any(page.suggested for page in before.values())
    suggest_by_source(store, {source: [] for source in ids})  # as if analysis had never suggested anything
    assert not any(get_work(store, work_id, owner).suggested for work_id in ids.values())
    finish_reindex(store, claim_reindex_batch(store, limit=1000))
    assert pending_reindex(store) == 0

    if store.writer.dialect.name == "sqlite":  # the command, on the data folder the fixture's file lives in
        result = CliRunner().invoke(cli, ["batch", "load", str(out), "--data", str(tmp_path)])
        assert result.exit_code == 0, result.stderr
        assert f"for {IMPORTED} work(s) from 4 shard(s); 28 annotation(s) matched no work" in result.stderr
    else:
        from ficshelf.batch.load import load_annotations

        report = load_annotations(store, out)
        assert (report.matched, report.unmatched, report.shards) == (IMPORTED, 28, 4)

    stored = {
        row["source"]: json.loads(row["suggested_tags"])
        for path in (out / "shards").glob("*.parquet")
        for row in pq.read_table(path).to_pylist()
    }
    for source, work_id in ids.items():
        after = get_work(store, work_id, owner)
        assert tag_keys(after.work.tags) == tag_keys(before[source].work.tags), source  # author + accepted
        assert [t.name for t in after.work.tags] == [t.name for t in before[source].work.tags]
        visible = tag_keys(after.work.tags)
        from_batch = {(t["kind"], t["name"]) for t in stored[source]}
        assert tag_keys(after.suggested) == from_batch - visible
        assert tag_keys(after.suggested) == tag_keys(before[source].suggested)  # same pipeline as the import
    assert pending_reindex(store) == IMPORTED

    source, page = next((s, p) for s, p in before.items() if p.suggested)
    name = page.suggested[0].name
    listed = list_works(store, WorkFilter(tags=[name], include_suggested=True), per_page=100)
    assert ids[source] in {work.id for work in listed.items}
