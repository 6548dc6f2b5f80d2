"""Evaluation: compare ``ficshelf analyze`` output with gold labels (``ficshelf eval``; see docs/eval.md)."""

from __future__ import annotations

from ficshelf.evaluation.gold import Gold, GoldWork, load_gold, load_predictions
from ficshelf.evaluation.metrics import Accuracy, Counts, Report, evaluate
from ficshelf.evaluation.names import NameMatcher, default_matcher

__all__ = [
    "Accuracy",
    "Counts",
    "Gold",
    "GoldWork",
    "NameMatcher",
    "Report",
    "default_matcher",
    "evaluate",
    "load_gold",
    "load_predictions",
]
