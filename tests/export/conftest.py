"""A multi-chapter work written for these tests (no text from ../shared), and the epubcheck runner."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ficshelf.model import Chapter, Series, Tag, TagKind, Work

HOSTILE = (
    '<p onclick="steal()">Thanks to my beta!</p><script>alert("x")</script>'
    '<a href="javascript:alert(1)">click</a> <img src="x" onerror="alert(2)"> <em>kept</em>'
)
LYRICS = (
    '"Paper lanterns on the river,\n'
    "Carry every name we lost,\n"
    "Let the water hold them softly,\n"
    'Let the morning pay the cost."'
)


def make_work() -> Work:
    one = (
        "The rain had not stopped for three days when Mira found the letter under the door.\n\n"
        "She read it twice, then folded it into a square and put it in her pocket.\n\n"
        "* * *\n\n"
        "At the station the trains were late, and nobody seemed to mind."
    )
    two = (
        "Tomas hummed the old song while he mended the nets.\n\n"
        f"{LYRICS}\n\n"
        "He stopped when he saw her on the pier, the letter in her hand."
    )
    three = "They walked home together without a word, and for once the silence was kind."
    return Work(
        id="test-work-1",
        source="tests",
        title="Lanterns & Letters <draft>",
        authors=["quillfeather"],
        summary="<p>Mira finds a letter.</p><p>Tomas knows a song. <b>Slow burn.</b></p>",
        language="en",
        notes_beginning=[HOSTILE],
        notes_end=["Thank you for reading! Comments feed the muse."],
        chapters=[
            Chapter(1, "The Letter", notes_beginning=["Chapter one note: this is where it starts."], text=one),
            Chapter(2, "The Song", summary="Tomas at the harbour.", notes_end=["The song is my own."], text=two),
            Chapter(3, "", text=three),
        ],
        tags=[
            Tag(TagKind.RATING, "Teen And Up Audiences"),
            Tag(TagKind.WARNING, "No Archive Warnings Apply"),
            Tag(TagKind.CATEGORY, "F/M"),
            Tag(TagKind.FANDOM, "Original Work"),
            Tag(TagKind.RELATIONSHIP, "Mira/Tomas"),
            Tag(TagKind.CHARACTER, "Mira"),
            Tag(TagKind.CHARACTER, "Tomas"),
            Tag(TagKind.FREEFORM, "Slow Burn"),
        ],
        series=[Series("Harbour Town", 2)],
        source_stats={"published": "2024-03-01", "updated": "2024-04-15", "words": "120"},
        complete=True,
    )


@pytest.fixture()
def work() -> Work:
    return make_work()


def _epubcheck_command() -> list[str] | None:
    jar = Path("/usr/share/java/epubcheck.jar")
    java = shutil.which("java")
    if jar.is_file() and java:
        # Quick-start JIT and a small GC: half the CPU time of a plain `java -jar` for one short check.
        return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar)]
    return None


@pytest.fixture(scope="session")
def epubcheck() -> Callable[[Path], dict[str, Any]]:
    """Run Debian's epubcheck on a file, return its JSON report (make test installs it)."""
    command = _epubcheck_command()
    if command is None:
        pytest.skip("Debian's epubcheck is not installed (make test installs it)")

    def check(path: Path) -> dict[str, Any]:
        report = path.with_suffix(".report.json")
        subprocess.run([*command, str(path), "--json", str(report)], capture_output=True, timeout=120, check=False)
        result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return result

    return check
