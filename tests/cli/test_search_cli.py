"""`ficshelf search` and `ficshelf reindex` on a real SQLite archive with its tantivy index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import cli

WORKS = [
    {
        "id": "a",
        "title": "Lanterns Over the Lake",
        "fandoms": ["Naruto"],
        "freeforms": ["Fluff"],
        "text": "Gaara carried a paper lantern down to the lake. Lee followed with a basket of plums.",
    },
    {
        "id": "b",
        "title": "The Quiet Library",
        "fandoms": ["Harry Potter - J. K. Rowling"],
        "freeforms": ["Angst"],
        "text": "Hermione read until the candles guttered. The library was silent as snow.",
    },
]


def _archive(tmp_path: Path) -> Path:
    source = tmp_path / "works.jsonl"
    source.write_text("\n".join(json.dumps(w) for w in WORKS) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    result = CliRunner().invoke(cli, ["import", str(source), "--data", str(data)])
    assert result.exit_code == 0, result.output
    return data


def _search(data: Path, query: str) -> dict[str, object]:
    # "--" ends the options, so a query may start with "-" (an exclusion)
    result = CliRunner().invoke(cli, ["search", "--data", str(data), "--format", "json", "--", query])
    assert result.exit_code == 0, result.output
    found: dict[str, object] = json.loads(result.output)
    return found


def _titles(found: dict[str, object]) -> list[str]:
    works = found["works"]
    assert isinstance(works, list)
    return [w["title"] for w in works]


def test_search_finds_a_phrase_from_the_story_text(tmp_path: Path) -> None:
    data = _archive(tmp_path)
    assert _titles(_search(data, '"paper lantern"')) == ["Lanterns Over the Lake"]
    assert _titles(_search(data, '"silent as snow"')) == ["The Quiet Library"]
    assert _search(data, '"lantern snow"')["total"] == 0


def test_search_excludes_tags_and_filters_by_fandom(tmp_path: Path) -> None:
    data = _archive(tmp_path)
    assert _titles(_search(data, "-tag:Angst")) == ["Lanterns Over the Lake"]
    assert _titles(_search(data, 'fandom:"Harry Potter - J. K. Rowling"')) == ["The Quiet Library"]


def test_bad_query_is_one_line_with_a_code(tmp_path: Path) -> None:
    data = _archive(tmp_path)
    result = CliRunner().invoke(cli, ["search", "words>", "--data", str(data)])
    assert result.exit_code == 1
    assert "FS601" in result.output
    assert "Traceback" not in result.output


def test_reindex_rebuilds_a_lost_or_damaged_index(tmp_path: Path) -> None:
    data = _archive(tmp_path)
    assert _search(data, "lantern")["total"] == 1  # the first search builds the index from the queue
    shutil.rmtree(data / "index")
    (data / "index").mkdir()
    (data / "index" / "meta.json").write_text("not an index", encoding="utf-8")
    result = CliRunner().invoke(cli, ["reindex", "--data", str(data)])
    assert result.exit_code == 0, result.output
    assert "indexed 2 of 2" in result.output
    assert _titles(_search(data, '"paper lantern"')) == ["Lanterns Over the Lake"]


def test_an_index_of_another_schema_is_rebuilt_from_the_archive(tmp_path: Path) -> None:
    import tantivy

    data = _archive(tmp_path)
    assert _search(data, "lantern")["total"] == 1
    # what an older ficshelf (or a damaged copy) leaves behind: an index whose schema this version cannot open
    shutil.rmtree(data / "index")
    (data / "index").mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=True)
    tantivy.Index(builder.build(), path=str(data / "index"))
    assert _titles(_search(data, '"paper lantern"')) == ["Lanterns Over the Lake"]
    assert _search(data, "library")["total"] == 1
