"""The flame detector holds abuse aimed at people and shows critique, praise and talk about the story."""

from __future__ import annotations

from pathlib import Path

import pytest

from ficshelf.community.flames import judge_comment

DATA = Path(__file__).resolve().parents[1] / "data"


def _read(name: str) -> list[tuple[bool, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label == "flame", text))
    return rows


def test_the_issue_example_is_held_with_a_reason() -> None:
    verdict = judge_comment("I hate this pairing u stoopid")
    assert verdict.flame and verdict.signal == "rule"
    assert "u stoopid" in verdict.reason and "insult" in verdict.reason


def test_the_issue_critique_is_shown() -> None:
    verdict = judge_comment("The pacing in chapter 2 dragged; I'd cut the flashback")
    assert not verdict.flame and verdict.reason == ""


@pytest.mark.parametrize(
    "comment",
    ["gay", "The gay panic scene was hilarious", "queer", "Lesbian Sakura is canon to me", "the sex scene was rushed"],
)
def test_story_vocabulary_is_never_held(comment: str) -> None:
    assert not judge_comment(comment).flame


@pytest.mark.parametrize(
    "comment", ["Holy shit, this was amazing.", "This is so fucking good, I cried.", "Stupidly good. I love it."]
)
def test_swearing_in_praise_is_shown(comment: str) -> None:
    assert not judge_comment(comment).flame


@pytest.mark.parametrize("comment", ["kill yourself", "kys", "you suck", "go die in a fire", "u r so dumb lol"])
def test_abuse_is_held(comment: str) -> None:
    verdict = judge_comment(comment)
    assert verdict.flame and verdict.reason


def test_model_catches_abuse_the_rules_do_not_name() -> None:
    verdict = judge_comment("lol ur brain must be tiny, shithead")
    assert verdict.flame and verdict.signal in ("rule", "model")


def test_precision_and_recall_on_the_hand_written_set() -> None:
    """A small self-written set (tests/data/comments.tsv, 32 flames / 32 other); the rules were tuned on it."""
    rows = _read("comments.tsv")
    said = [(gold, judge_comment(text).flame) for gold, text in rows]
    tp = sum(gold and flag for gold, flag in said)
    precision = tp / max(1, sum(flag for _, flag in said))
    recall = tp / sum(gold for gold, _ in said)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_held_out_set_keeps_precision() -> None:
    """Written after the rules; recall there is low (docs/exports.md), but critique must not be held."""
    rows = _read("comments_holdout.tsv")
    said = [(gold, judge_comment(text).flame) for gold, text in rows]
    false_alarms = sum(flag and not gold for gold, flag in said)
    assert false_alarms <= 2
    assert sum(flag and gold for gold, flag in said) >= 10
