"""The four sample stories (read from ../shared at run time), indexed on every backend, each found by a phrase."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ficshelf.ingest.sources import read_paths
from ficshelf.search.backend import SearchBackend
from ficshelf.search.document import document_from_work
from ficshelf.search.query import parse

pytestmark = pytest.mark.corpus


def phrase_from(text: str, words: int = 7) -> str:
    """Seven plain words in a row from the second half of the text (chosen at run time, never stored)."""
    tokens = text.split()
    for start in range(len(tokens) // 2, len(tokens) - words):
        window = tokens[start : start + words]
        if all(re.fullmatch(r"[A-Za-z]+", token) for token in window):
            return " ".join(window)
    raise AssertionError("no plain phrase in the text")


def test_each_seed_is_found_by_a_phrase_from_its_text(empty_backend: SearchBackend, seeds_dir: Path) -> None:
    works = [item.work for item in read_paths(sorted(seeds_dir.glob("*.txt"))) if item.work is not None]
    assert len(works) == 4
    documents = [document_from_work(work, work_id=number) for number, work in enumerate(works, start=1)]
    assert empty_backend.add(documents) == 4
    for document in documents:
        phrase = phrase_from(document.text)
        result = empty_backend.search(parse(f'"{phrase}"'))
        assert document.work_id in result.ids, phrase
