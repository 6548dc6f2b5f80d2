"""`ficshelf beta` end to end: hints in context, JSON Lines, a personal dictionary, one line per bad file."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import cli

STORY = (
    "Lee ran to the training ground. Sakura waited there with Gaara.\n\n"
    '"Lee-kun!" Sakura called. She rapped her arms around him. He was to slow to dodge, and she laughed.\n\n'
    "The wizzard of the Sand, Gaara, watched the jutsu."
)


def test_text_output_shows_each_hint_in_its_context(tmp_path: Path) -> None:
    (tmp_path / "spar.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["beta", str(tmp_path / "spar.txt")])
    assert result.exit_code == 0, result.output
    assert "wrapped" in result.output and "rapped her arms" in result.output
    assert "jutsu" not in result.output.split("hint(s)")[0]


def test_json_lines_carry_hints_and_a_personal_dictionary_silences_a_word(tmp_path: Path) -> None:
    (tmp_path / "spar.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["beta", str(tmp_path / "spar.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    fixes = {h["text"]: h["suggestion"] for h in record["beta"]}
    assert fixes["rapped"] == "wrapped" and fixes["to"] == "too" and fixes["wizzard"] == "wizard"
    assert not {"Lee", "Sakura", "Gaara", "jutsu", "Lee-kun"} & set(fixes)
    (tmp_path / "words.txt").write_text("wizzard\n", encoding="utf-8")
    again = CliRunner().invoke(
        cli, ["beta", str(tmp_path / "spar.txt"), "--format", "json", "--dictionary", str(tmp_path / "words.txt")]
    )
    assert "wizzard" not in {h["text"] for h in json.loads(again.stdout)["beta"]}


def test_a_bad_file_costs_one_line_and_the_others_are_still_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "spar.txt").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["beta", str(tmp_path / "empty.txt"), str(tmp_path / "spar.txt"), "-f", "json"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error FS" in line]
    assert len(errors) == 1 and "empty.txt" in errors[0]
    assert len(result.stdout.splitlines()) == 1
