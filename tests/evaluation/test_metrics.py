"""Metrics on hand-built gold and predictions whose precision, recall and F1 are known exactly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ficshelf.evaluation.gold import SEEDS, TAGS, Gold, GoldWork
from ficshelf.evaluation.metrics import Accuracy, Counts, Report, evaluate, matching
from ficshelf.evaluation.names import NameMatcher, Relationship

PLAIN = NameMatcher(None)


def _tags(*works: GoldWork) -> Gold:
    return Gold(TAGS, Path("gold.jsonl"), {w.id: w for w in works})


def _run(gold: Gold, preds: dict[str, dict[str, Any]]) -> Report:
    return evaluate(gold, preds, PLAIN)


def _prf(report: Report, row: str) -> tuple[int, int, int]:
    counts = report.rows[row]
    assert isinstance(counts, Counts)
    return counts.tp, counts.predicted, counts.gold


def _acc(report: Report, row: str) -> tuple[int, int]:
    acc = report.rows[row]
    assert isinstance(acc, Accuracy)
    return acc.correct, acc.total


def test_counts_give_precision_recall_f1() -> None:
    counts = Counts(tp=2, predicted=3, gold=4)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(0.5)
    assert counts.f1 == pytest.approx(4 / 7)
    assert Counts().f1 == 0.0 and Accuracy().accuracy == 0.0


def test_matching_is_maximum_one_to_one() -> None:
    gold = [frozenset({"x", "y"}), frozenset({"x"})]
    pred = [frozenset({"x"}), frozenset({"y"})]
    assert matching(gold, pred, lambda g, p: bool(g & p)) == 2
    assert matching([frozenset({"x"})], [frozenset({"x"}), frozenset({"x"})], lambda g, p: bool(g & p)) == 1


def test_characters_are_micro_averaged_over_works() -> None:
    gold = _tags(
        GoldWork("w1", characters=["Ann Lark", "Bo Finch", "Cy Wren"]),
        GoldWork("w2", characters=["Di Crow"]),
    )
    preds = {"w1": {"id": "w1", "characters": [{"name": "Lark Ann"}, {"name": "Bo Finch"}, {"name": "Ed Owl"}]}}
    report = _run(gold, preds)
    assert _prf(report, "characters") == (2, 3, 4)
    assert report.without_prediction == 1


def test_synonyms_and_generic_names_are_one_or_none() -> None:
    gold = _tags(GoldWork("w", characters=["Tom Riddle", "Tom Riddle | Voldemort"]))
    preds = {"w": {"id": "w", "characters": [{"name": "Voldemort"}, {"name": "Reader"}]}}
    assert _prf(_run(gold, preds), "characters") == (1, 1, 1)


def test_relationships_pair_kind_and_order() -> None:
    gold = _tags(
        GoldWork(
            "w",
            relationships=[
                Relationship("Ann Lark", "Bo Finch", "romantic"),
                Relationship("Ann Lark", "Cy Wren", "platonic"),
            ],
        )
    )
    rels = [
        {"characters": ["Bo Finch", "Ann Lark"], "kind": "romantic", "role": "main"},
        {"characters": ["Ann Lark", "Cy Wren"], "kind": "romantic", "role": "main"},
        {"characters": ["Ann Lark", "Bo Finch", "Cy Wren"], "kind": "romantic"},  # malformed: skipped
    ]
    assert _prf(_run(gold, {"w": {"id": "w", "relationships": rels}}), "relationships") == (1, 2, 2)


def test_seeds_rows_by_role() -> None:
    work = GoldWork(
        "s",
        fandoms=["Testland"],
        characters=["Ann Lark", "Bo Finch", "Cy Wren"],
        main_characters=["Ann Lark", "Bo Finch"],
        mentioned_characters=["Cy Wren"],
        relationships=[
            Relationship("Ann Lark", "Bo Finch", "romantic", "main"),
            Relationship("Cy Wren", "Di Crow", "romantic", "background"),
        ],
        quotes=[],
    )
    pred = {
        "characters": [
            {"name": "Ann Lark", "role": "main"},
            {"name": "Bo Finch", "role": "mentioned"},
            {"name": "Cy Wren", "role": "mentioned"},
        ],
        "relationships": [
            {"characters": ["Ann Lark", "Bo Finch"], "kind": "romantic", "role": "background"},
            {"characters": ["Di Crow", "Cy Wren"], "kind": "romantic", "role": "background"},
        ],
    }
    report = _run(Gold(SEEDS, Path("gold.json"), {"s": work}), {"s": pred})
    assert _prf(report, "characters") == (3, 3, 3)
    assert _prf(report, "characters (main)") == (1, 1, 2)
    assert _prf(report, "characters (mentioned)") == (1, 2, 1)
    assert _prf(report, "relationships") == (2, 2, 2)
    assert _prf(report, "relationships (main)") == (0, 0, 1)
    assert _prf(report, "relationships (background)") == (1, 2, 1)


def test_labels_and_no_category() -> None:
    gold = _tags(
        GoldWork("a", category=["M/M", "F/M"], archive_warnings=["No Archive Warnings Apply"]),
        GoldWork("b", category=["No category"], archive_warnings=["Creator Chose Not To Use Archive Warnings"]),
    )
    preds = {
        "a": {"id": "a", "category": ["m/m", "Gen"], "archive_warnings": ["No Archive Warnings Apply"]},
        "b": {"id": "b", "category": [], "archive_warnings": ["Major Character Death"]},
    }
    report = _run(gold, preds)
    assert _prf(report, "category") == (1, 2, 2)
    assert _prf(report, "archive warnings") == (1, 2, 2)


def test_rating_exact_within_one_and_not_rated() -> None:
    gold = _tags(
        GoldWork("a", rating="Explicit"),
        GoldWork("b", rating="General Audiences"),
        GoldWork("c", rating="Not Rated"),
        GoldWork("d", rating="Teen And Up Audiences"),
    )
    preds = {"a": {"rating": "Mature"}, "b": {"rating": "General Audiences"}, "c": {"rating": "Explicit"}}
    report = _run(gold, preds)
    assert _acc(report, "rating") == (1, 3)
    assert _acc(report, "rating (within one)") == (2, 3)
    assert report.not_rated_skipped == 1


def test_fandom_top1_and_the_subset_outside_hp_fb() -> None:
    gold = _tags(
        GoldWork("a", fandoms=["Harry Potter - J. K. Rowling", "Naruto"]),
        GoldWork("b", fandoms=["Naruto"]),
        GoldWork("c", fandoms=["One Piece"]),
    )
    preds = {
        "a": {"fandoms": [{"name": "Naruto", "score": 0.9}, {"name": "Harry Potter - J. K. Rowling"}]},
        "b": {"fandoms": [{"name": "naruto"}]},
        "c": {"fandoms": [{"name": "Naruto"}, {"name": "One Piece"}]},
    }
    report = _run(gold, preds)
    assert _acc(report, "fandom top-1") == (2, 3)
    assert _acc(report, "fandom top-1 (outside HP/FB)") == (1, 2)


def test_quote_speakers_align_forward() -> None:
    work = GoldWork("q", quotes=[("Run, now", "Ann Lark"), ("Never", "Bo Finch"), ("Why not", "Ann Lark")])
    quotes = [
        {"text": "“Why not?”", "speaker": "Ann Lark"},  # before the first match: passed over
        {"text": "\u201crun now!\u201d", "speaker": "Ann Lark"},
        {"text": "Why not?", "speaker": "Bo Finch"},
    ]
    report = _run(Gold(SEEDS, Path("gold.json"), {"q": work}), {"q": {"quotes": quotes}})
    assert _acc(report, "quote speakers") == (1, 3)
    assert report.quotes_found == 2


def test_missing_and_malformed_fields_score_as_empty() -> None:
    work = GoldWork(
        "w",
        fandoms=["Naruto"],
        characters=["Rock Lee"],
        relationships=[Relationship("Rock Lee", "Gaara", "romantic")],
        category=["M/M"],
        rating="Mature",
        archive_warnings=["No Archive Warnings Apply"],
    )
    bad = {"fandoms": "Naruto?", "characters": "Rock Lee", "relationships": [42], "rating": 3, "category": None}
    for pred in ({}, {"id": "w"}, bad):
        report = _run(_tags(work), {"w": pred})
        for name, row in report.rows.items():
            if isinstance(row, Counts):
                assert row.tp == 0 and row.predicted == 0, name
            else:
                assert row.correct == 0, name


def test_authors_tags_compare_the_suggested_characters_and_relationships() -> None:
    gold = _tags(
        GoldWork(
            "w", characters=["Ann Lark", "Bo Finch"], relationships=[Relationship("Ann Lark", "Bo Finch", "romantic")]
        )
    )
    pred = {
        "characters": [
            {"name": "Ann Lark", "suggested": True},
            {"name": "Bo Finch", "suggested": True},
            {"name": "Cy Wren", "suggested": False},
        ],
        "relationships": [
            {"characters": ["Ann Lark", "Bo Finch"], "kind": "romantic", "suggested": True},
            {"characters": ["Ann Lark", "Cy Wren"], "kind": "platonic", "suggested": False},
        ],
    }
    report = _run(gold, {"w": pred})
    assert _prf(report, "characters") == (2, 2, 2)
    assert _prf(report, "relationships") == (1, 1, 1)
    # the seeds' gold lists every character named, so there every predicted one counts
    seeds = GoldWork("w", characters=["Ann Lark", "Bo Finch"], main_characters=[], mentioned_characters=[], quotes=[])
    assert _prf(_run(Gold(SEEDS, Path("gold.json"), {"w": seeds}), {"w": pred}), "characters") == (2, 3, 2)


def test_whole_work_rows_leave_out_works_whose_text_is_only_a_part() -> None:
    gold = _tags(
        GoldWork("w1", characters=["Ann Lark", "Bo Finch"]),
        GoldWork("w2", characters=["Di Crow", "Ed Owl"], whole_text=False),
    )
    preds = {
        "w1": {"id": "w1", "characters": [{"name": "Ann Lark"}]},
        "w2": {"id": "w2", "characters": [{"name": "Di Crow"}]},
    }
    report = _run(gold, preds)
    assert _prf(report, "characters") == (2, 2, 4)
    assert _prf(report, "characters (whole-work texts)") == (1, 1, 2)
    assert _prf(report, "relationships (whole-work texts)") == (0, 0, 0)
