"""`ficshelf analyze` on the four sample stories reproduces every structure field of gold.json exactly,
and the understanding fields gold.json labels (fandom, characters, relationships, category, rating, warnings)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ficshelf.cli.main import cli

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def predictions(seeds_dir: Path) -> dict[str, dict[str, Any]]:
    paths = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    result = CliRunner().invoke(cli, ["analyze", *paths])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["id"] + ".txt": r for r in records}


def _names(items: list[dict[str, Any]], role: str) -> set[str]:
    return {c["name"] for c in items if c["role"] == role}


def test_structure_matches_gold(predictions: dict[str, dict[str, Any]], seeds_gold: dict[str, Any]) -> None:
    assert set(predictions) == set(seeds_gold)
    for name, gold in seeds_gold.items():
        structure = predictions[name]["structure"]
        assert [(c["number"], c["title"], c["heading"]) for c in structure["chapters"]] == [
            (c["number"], c["title"], c["heading_line"]) for c in gold["chapters"]
        ], name
        assert structure["notes_beginning"] == gold["notes_beginning"], name
        assert structure["notes_end"] == gold["notes_end"], name
        assert [(b["first_line"], b["lines"]) for b in structure["lyric_blocks"]] == [
            (b["first_line"], b["lines"]) for b in gold["lyric_blocks"]
        ], name
        assert structure["section_headers"] == gold["section_headers"], name
        assert structure["scene_breaks"] == gold["scene_breaks"], name


def test_understanding_matches_gold(predictions: dict[str, dict[str, Any]], seeds_gold: dict[str, Any]) -> None:
    for name, gold in seeds_gold.items():
        pred = predictions[name]
        assert pred["fandoms"][0]["name"] == gold["fandom"], name
        assert _names(pred["characters"], "main") == set(gold["characters"]["main"]), name
        assert _names(pred["characters"], "mentioned") == set(gold["characters"]["mentioned"]), name
        for role in ("main", "background"):
            found = {(frozenset(r["characters"]), r["kind"]) for r in pred["relationships"] if r["role"] == role}
            expected = {(frozenset(r["pair"]), r["kind"]) for r in gold["relationships"][role]}
            assert found == expected, (name, role)
        assert pred["category"] == gold["category"], name
        assert pred["rating"] == gold["rating"], name
        assert pred["archive_warnings"] == gold["archive_warnings"], name


def test_quote_speakers_at_least_90_percent(predictions: dict[str, dict[str, Any]], seeds_gold: dict[str, Any]) -> None:
    right = total = 0
    for name, gold in seeds_gold.items():
        quotes = [q for q in predictions[name]["quotes"] if not q["thought"]]
        j = 0
        for expected in gold["quotes"]:
            total += 1
            prefix = expected["starts"].strip()[:10]
            while j < len(quotes) and not quotes[j]["text"].lstrip().startswith(prefix):
                j += 1
            if j < len(quotes):
                right += quotes[j]["speaker"] == expected["speaker"]
                j += 1
    assert total == 61
    assert right / total >= 0.9, f"{right}/{total}"
