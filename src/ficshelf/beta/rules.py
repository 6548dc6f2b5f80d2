"""Pattern rules: a regular expression whose group ``x`` is the span to fix, and what to put there.

For speed every pattern starts with the word it fixes (Python's ``re`` finds a leading literal fast); what must
come before it is a second pattern, ``before``, searched only in the few characters left of a match and
anchored at their end with ``$``. A span that starts with a letter must start a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ficshelf.beta.hints import Hint

Fix = str | Callable[[re.Match[str]], str]
_WINDOW = 48


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    fix: Fix
    message: str
    before: re.Pattern[str] | None = None

    def find(self, text: str) -> Iterator[Hint]:
        before = self.before
        for m in self.pattern.finditer(text):
            start, end = m.span("x")
            wrong = m.group("x")
            if start and wrong[0].isalnum() and (text[start - 1].isalnum() or text[start - 1] in "'’_"):
                continue
            if before is not None and not before.search(text, max(0, start - _WINDOW), start):
                continue
            right = self.fix(m) if callable(self.fix) else same_case(wrong, self.fix)
            if right != wrong:
                yield Hint(start, end, wrong, self.kind, self.message, (right,), self.name)


def rule(
    name: str, kind: str, pattern: str, fix: Fix, message: str, flags: int = 0, before: str = "", word: bool = True
) -> Rule:
    """``before``: what must stand just left of the span (case-insensitive, ``$`` added; a whole word if ``word``)."""
    start = r"(?<![\w'’])" if word else ""
    prefix = re.compile(rf"{start}{before}$", re.IGNORECASE) if before else None
    return Rule(name, kind, re.compile(pattern, flags), fix, message, prefix)


def words(items: Iterable[str]) -> str:
    """An alternation of whole words for a pattern."""
    return "(?:" + "|".join(sorted(items, key=len, reverse=True)) + ")"


def same_case(original: str, replacement: str) -> str:
    if original[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
