"""`ficshelf analyze` end to end: real files in, JSON Lines or a report out, bad files cost one line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from ficshelf.cli.main import cli

STORY = (
    "Chapter 1 – The Spar\n\n"
    '"Again," Lee said, and raised his fists.\n\n'
    "Gaara nodded. The sand stirred at his feet.\n\n\n"
    "Later, the two of them sat on the stone steps and watched the sun go down over the village."
)


def _schema() -> dict[str, Any]:
    text = (resources.files("ficshelf") / "schemas" / "analysis.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["analyze", *args])


def test_json_lines_validate_against_the_schema(tmp_path: Path) -> None:
    (tmp_path / "spar.txt").write_text(STORY, encoding="utf-8")
    result = _run(str(tmp_path / "spar.txt"))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    jsonschema.validate(records[0], _schema())
    record = records[0]
    assert record["id"] == "spar"
    assert record["language"] == "en"
    assert record["structure"]["chapters"] == [
        {"number": 1, "title": "The Spar", "heading": "Chapter 1 – The Spar", "start": 0}
    ]
    assert record["structure"]["scene_breaks"] == 1
    assert record["stats"]["words"] == 38  # 4 + 7 + 8 + 19


@pytest.mark.corpus
def test_seeds_and_dev_corpus_validate(seeds_dir: Path, corpus_dir: Path, tmp_path: Path) -> None:
    head = tmp_path / "dev-head.jsonl"
    head.write_bytes(b"".join((corpus_dir / "dev.jsonl").read_bytes().splitlines(keepends=True)[:40]))
    paths = [str(p) for p in sorted(seeds_dir.glob("*.txt"))] + [str(head)]
    result = _run(*paths)
    assert result.exit_code == 0, result.stderr
    schema = _schema()
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 44
    for record in records:
        jsonschema.validate(record, schema)
    assert {r["id"] for r in records[:4]} == {p.split("/")[-1][:-4] for p in paths[:4]}
    assert all(r["author_tags"]["fandom"] for r in records[4:])
    # every understanding field is present, typed and carries evidence where it suggests something
    assert any(r["relationships"] and r["relationships"][0]["evidence"] for r in records)
    assert any(r["quotes"] for r in records) and any(r["characters"] for r in records)
    assert any(s["evidence"] for r in records for s in r["suggestions"]["rating"])


def test_schema_requires_every_field_analyze_prints(tmp_path: Path) -> None:
    (tmp_path / "spar.txt").write_text(STORY, encoding="utf-8")
    record = json.loads(_run(str(tmp_path / "spar.txt")).stdout.splitlines()[0])
    schema = _schema()
    assert set(record) == set(schema["required"]) == set(schema["properties"])
    assert schema["additionalProperties"] is False
    assert set(record["suggestions"]) == set(schema["properties"]["suggestions"]["required"])


def test_bad_files_cost_one_line_each_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.dat").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "d-good.md").write_text("# Prologue\n\nIt began with a *whisper*.", encoding="utf-8")
    result = _run(str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a-good", "d-good"]
    errors = [line for line in result.stderr.splitlines() if " error FS" in line]
    assert [e.split(" error ")[1][:5] for e in errors] == ["FS101", "FS102", "FS110"]
    assert result.stderr.splitlines()[-1] == "3 input(s) failed"


def test_text_report(tmp_path: Path) -> None:
    (tmp_path / "spar.txt").write_text("A/N: My first fic! Please review.\n\n\n" + STORY, encoding="utf-8")
    result = _run(str(tmp_path / "spar.txt"), "--format", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Language" in out and "en" in out
    assert "1. The Spar" in out
    assert "A/N: My first fic! Please review." in out
    assert "Scene breaks" in out
