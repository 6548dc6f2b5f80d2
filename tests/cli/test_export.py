"""``ficshelf export``: a file in, an EPUB or HTML page (and pictures) out; bad input gets a coded error."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from ficshelf.cli.main import cli

STORY = """Chapter 1: Snow

The snow came early that year and the village woke to a white silence over every roof.

Chapter 2: Thaw

By spring the river ran high and loud, and Mira finally wrote back to her brother.
"""


def test_export_epub_and_html(tmp_path: Path) -> None:
    source = tmp_path / "snow.txt"
    source.write_text(STORY, encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "snow.epub"
    result = runner.invoke(cli, ["export", str(source), "--out", str(out), "--pictures", str(tmp_path / "pics")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as book:
        assert book.read("mimetype") == b"application/epub+zip"
        assert b"Chapter 2: Thaw" in book.read("EPUB/nav.xhtml")
    assert (tmp_path / "pics" / "snow.cast.svg").read_text().startswith("<svg")
    assert "<polyline" in (tmp_path / "pics" / "snow.mood.svg").read_text()

    page = tmp_path / "snow.html"
    result = runner.invoke(
        cli, ["export", str(source), "--format", "html", "--out", str(page), "--link", "https://x.example/w/1"]
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in html and "Chapter 1: Snow" in html and 'href="https://x.example/w/1"' in html


def test_export_refuses_missing_and_many_work_files(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["export", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "error FS110" in result.output
    many = tmp_path / "many.jsonl"
    many.write_text('{"id": "a", "text": "One story here."}\n{"id": "b", "text": "Another story."}\n', encoding="utf-8")
    result = runner.invoke(cli, ["export", str(many)])
    assert result.exit_code == 1 and "error FS652" in result.output
