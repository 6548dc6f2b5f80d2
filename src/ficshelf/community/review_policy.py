"""An author's review policy and what it means for a new comment: shown at once, or held for the author.

The store keeps the policy per work (or per author) as its string value; the web calls ``moderate`` when a
comment arrives and saves the status and reason with the comment. Held comments are never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ficshelf.community.flames import judge_comment


class ReviewPolicy(StrEnum):
    OPEN = "open"  # every comment is shown at once
    HOLD_FLAMES = "hold_flames"  # "critique welcome, flames held": the flame detector decides
    HOLD_ALL = "hold_all"  # the author approves every comment


class CommentStatus(StrEnum):
    SHOWN = "shown"
    HELD = "held"


@dataclass(frozen=True, slots=True)
class Moderation:
    status: CommentStatus
    reason: str  # why it was held, for the author's queue; "" when shown


def moderate(policy: ReviewPolicy, text: str) -> Moderation:
    """The status a new comment gets under ``policy`` (the detector runs only for ``HOLD_FLAMES``)."""
    if policy is ReviewPolicy.HOLD_ALL:
        return Moderation(CommentStatus.HELD, "the author approves every comment")
    if policy is ReviewPolicy.HOLD_FLAMES:
        verdict = judge_comment(text)
        if verdict.flame:
            return Moderation(CommentStatus.HELD, verdict.reason)
    return Moderation(CommentStatus.SHOWN, "")
