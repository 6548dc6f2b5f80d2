"""One language's cue lexicons for rating, archive warnings, a few freeforms and content notes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class LanguageCues:
    """Cues by the English table they stand in for (``Mature``, ``Rape/Non-Con``, ``Swearing``, ``blood`` …).

    The thresholds (how many sentences a level or tag needs) are the English tables' own. In a language written
    with word boundaries each cue is a small regex matched at the start of a word, case-insensitively, as in
    ``tag_cues``; with ``substrings`` (Chinese) each cue is a literal that matches anywhere in the text.
    """

    code: str
    cues: dict[str, tuple[str, ...]]
    substrings: bool = False
