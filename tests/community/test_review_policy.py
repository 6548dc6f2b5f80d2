"""The review policy decides whether a new comment is shown or held; only flames are held under HOLD_FLAMES."""

from __future__ import annotations

from ficshelf.community.review_policy import CommentStatus, ReviewPolicy, moderate

FLAME = "I hate this pairing u stoopid"
CRITIQUE = "The pacing in chapter 2 dragged; I'd cut the flashback"


def test_hold_flames_holds_the_flame_and_shows_the_critique() -> None:
    held = moderate(ReviewPolicy.HOLD_FLAMES, FLAME)
    assert held.status is CommentStatus.HELD and "u stoopid" in held.reason
    assert moderate(ReviewPolicy.HOLD_FLAMES, CRITIQUE).status is CommentStatus.SHOWN


def test_open_shows_everything_and_hold_all_holds_everything() -> None:
    assert moderate(ReviewPolicy.OPEN, FLAME).status is CommentStatus.SHOWN
    assert moderate(ReviewPolicy.HOLD_ALL, CRITIQUE).status is CommentStatus.HELD


def test_policy_round_trips_through_its_stored_string() -> None:
    assert ReviewPolicy("hold_flames") is ReviewPolicy.HOLD_FLAMES
