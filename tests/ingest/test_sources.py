"""Reading folders, zips and JSON Lines: every bad input costs one Item with a code, never the batch."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from ficshelf.ingest.sources import Item, read_paths
from ficshelf.model import TagKind
from ficshelf.settings import Settings

GOOD = "Chapter 1\n\nLee ran around the training ground five hundred times.\n\nThen he ran five hundred more."


def _codes(items: list[Item]) -> dict[str, str]:
    return {Path(i.source.split("!")[-1]).name: i.error.code for i in items if i.error is not None}


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (folder / "bad-utf8.txt").write_bytes("Sakura’s café — naïve. ".encode() * 20 + b"\xc3\x28 broken")
    with (folder / "huge.txt").open("wb") as f:  # sparse: 200 MB on paper, nothing written
        f.truncate(200 * 1024 * 1024)
    (folder / "script.html").write_text(
        "<html><body><p>She smiled.</p><script>alert('pwned')</script>"
        '<p onclick="steal()">He <a href="javascript:evil()">waved</a>.</p></body></html>',
        encoding="utf-8",
    )
    (folder / "truncated.zip").write_bytes(_zip({"a.txt": GOOD})[:40])
    return folder


def _zip(members: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buf.getvalue()


def test_hostile_batch_costs_one_item_each(tmp_path: Path) -> None:
    items = list(read_paths([_hostile_folder(tmp_path)]))
    assert _codes(items) == {
        "empty.txt": "FS101",
        "binary.txt": "FS102",
        "bad-utf8.txt": "FS103",
        "huge.txt": "FS104",
        "truncated.zip": "FS106",
    }
    works = {Path(i.source).name: i.work for i in items if i.work is not None}
    assert set(works) == {"good.txt", "script.html"}
    html_text = works["script.html"].text
    assert "She smiled." in html_text and "He waved." in html_text
    for bad in ("alert", "pwned", "steal", "javascript", "evil"):
        assert bad not in html_text
    for item in items:
        if item.error is not None:
            line = item.error.line(item.source)
            assert "\n" not in line and item.error.code in line


def test_zip_bomb_is_refused_without_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"zeros.txt": b"\0" * (50 * 1024 * 1024), "ok.txt": GOOD}))
    items = list(read_paths([bomb]))
    assert [i.error.code for i in items if i.error] == ["FS107"]
    assert not [i for i in items if i.work]


def test_member_larger_than_limit_is_refused_even_if_directory_lies(tmp_path: Path) -> None:
    archive = tmp_path / "works.zip"
    archive.write_bytes(_zip({"one.txt": GOOD, "two.txt": "x " * 5000}))
    settings = Settings(max_file_bytes=2000)
    items = list(read_paths([archive], settings))
    assert _codes(items) == {"two.txt": "FS104"}
    assert [Path(i.source.split("!")[1]).name for i in items if i.work] == ["one.txt"]


def test_zip_of_mixed_formats(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.zip"
    archive.write_bytes(
        _zip(
            {
                "a/one.txt": GOOD,
                "b/two.md": "# Prologue\n\nIt *began*.",
                "__MACOSX/._one.txt": b"\0\1",
                "c/": "",
            }
        )
    )
    items = list(read_paths([archive]))
    assert [i.error for i in items] == [None, None]
    assert [i.source.rsplit("!", 1)[1] for i in items] == ["a/one.txt", "b/two.md"]
    assert items[1].work is not None and items[1].work.text.startswith("Prologue\n\nIt began.")


def test_jsonl_bad_lines_cost_one_item(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl"
    lines = [
        json.dumps({"id": "w1", "text": GOOD, "fandoms": ["Naruto"], "rating": "General Audiences"}),
        "{not json",
        json.dumps({"id": "w2"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "w3", "text_html": "<p>One.</p><p>&nbsp;</p><p>Two.</p>", "title": "T"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert [(i.source.rsplit(":", 1)[1], i.error.code if i.error else i.work.id if i.work else "") for i in items] == [
        ("1", "w1"),
        ("2", "FS108"),
        ("3", "FS108"),
        ("4", "FS108"),
        ("6", "w3"),
    ]
    first = items[0].work
    assert first is not None and first.tag_names(TagKind.FANDOM) == ["Naruto"]
    assert first.tag_names(TagKind.RATING) == ["General Audiences"]
    last = items[-1].work
    assert last is not None and last.title == "T" and last.text == "One.\n\n\nTwo."


def test_missing_path_is_reported(tmp_path: Path) -> None:
    items = list(read_paths([tmp_path / "nope.txt"]))
    assert len(items) == 1 and items[0].error is not None and items[0].error.code == "FS110"


def test_jsonl_reads_ao3_completion_words(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl"
    values = ["Complete Work", "Work in Progress", True, "completed", "no"]
    path.write_text(
        "".join(json.dumps({"id": f"w{i}", "text": GOOD, "complete": v}) + "\n" for i, v in enumerate(values)),
        encoding="utf-8",
    )
    works = [item.work for item in read_paths([path])]
    assert [w.complete if w else None for w in works] == [True, False, True, True, False]
