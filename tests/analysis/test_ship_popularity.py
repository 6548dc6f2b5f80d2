"""The ship popularity prior: the knowledge base's ``works:`` per ship, and the strength it gives the most popular
ship among a romance's leading characters (short texts and made-up casts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.kb import load
from ficshelf.analysis.pair_choice import (
    POPULAR,
    POPULAR_FROM,
    SUGGEST,
    Leading,
    prior,
    reads_as_romance,
    score_pairs,
    ship_works,
)
from ficshelf.errors import KnowledgeBaseError

HP = "Harry Potter - J. K. Rowling"


def test_the_knowledge_base_knows_how_popular_the_big_ships_are() -> None:
    works = ship_works(default_kb(), frozenset({HP}))
    drarry = works[frozenset({"Draco Malfoy", "Harry Potter"})]
    assert drarry >= 10_000
    assert drarry > works[frozenset({"Draco Malfoy", "Luna Lovegood"})]
    # a friendship carries no popularity prior
    assert frozenset({"Fred Weasley", "George Weasley"}) not in works


def test_a_ships_works_must_be_a_count(tmp_path: Path) -> None:
    body = (
        "fandom: Test\ncharacters:\n  - name: A\n  - name: B\n"
        "ships:\n  - names: [AB]\n    characters: [A, B]\n    kind: romantic\n    works: {}\n"
    )
    (tmp_path / "ok.yaml").write_text(body.format(2500), encoding="utf-8")
    assert load([tmp_path]).fandoms["Test"].ships[0].works == 2500
    (tmp_path / "ok.yaml").write_text(body.format(-3), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="works"):
        load([tmp_path])


def test_the_prior_grows_with_the_logarithm_of_popularity() -> None:
    assert prior(0) == prior(POPULAR_FROM) == 0.0
    assert prior(POPULAR_FROM * 10) == pytest.approx(POPULAR)
    assert prior(POPULAR_FROM * 100) == pytest.approx(2 * POPULAR)
    assert reads_as_romance(2.0) and not reads_as_romance(0.0)


# A leads; B is the second character; C, the third, is rarely mentioned (a first chapter's couple).
CAST = [Leading("A", 40, False), Leading("B", 30, False), Leading("C", 3, False)]
SHIPS = {frozenset({"A", "C"}): "romantic", frozenset({"B", "C"}): "romantic"}


CUES = {("A", "C"): 0.5}  # one weak romantic cue between A and C


def _strength(popularity: dict[frozenset[str], int] | None, pair: tuple[str, str] = ("A", "C")) -> float:
    return next(p.strength for p in score_pairs(CAST, CUES, SHIPS, popularity) if p.characters == pair)


def test_a_popular_ship_whose_second_member_is_rarely_mentioned_reaches_the_threshold() -> None:
    assert _strength(None) < SUGGEST
    assert _strength({frozenset({"A", "C"}): 100_000}) >= SUGGEST
    # a ship of a few hundred works gains nothing
    assert _strength({frozenset({"A", "C"}): 300}) == _strength(None)


def test_only_the_casts_most_popular_ship_gains_and_only_with_the_protagonist_in_it() -> None:
    popularity = {frozenset({"A", "C"}): 60_000, frozenset({"B", "C"}): 5_000}
    assert _strength(popularity) > _strength(None)
    assert _strength(popularity, ("B", "C")) == _strength(None, ("B", "C"))
    # a ship whose members are not both among the candidates is no one's prior
    assert _strength({frozenset({"A", "Z"}): 1_000_000, frozenset({"A", "C"}): 5_000}) > _strength(None)
    # the cast's most popular ship leaves out its most-mentioned character (A): no prior for anyone
    side = {frozenset({"B", "C"}): 60_000, frozenset({"A", "C"}): 5_000}
    assert _strength(side, ("B", "C")) == _strength(None, ("B", "C"))
    assert _strength(side) == _strength(None)
