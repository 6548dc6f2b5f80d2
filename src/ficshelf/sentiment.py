"""Sentiment of a short text by VADER (vaderSentiment: rules and a lexicon shipped in the package, no model).

Shared by the mood arc (per sentence) and the flame detector (per comment). VADER is built for short texts;
a whole story saturates near ±1, so callers score sentences and average.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


def compound(text: str) -> float:
    """VADER's compound score of ``text``: -1 (most negative) … 1 (most positive); 0 for empty text."""
    return float(_analyzer().polarity_scores(text)["compound"]) if text.strip() else 0.0


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()
