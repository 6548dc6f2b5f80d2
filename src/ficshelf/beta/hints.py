"""A beta-reading hint, and how a writer accepts one.

A Hint covers ``text[start:end]``; its ``suggestions`` are ranked, best first. ``apply_hint`` is what the web's
"accept" button calls: it replaces the span with a suggestion, after checking that the text still holds the
span the hint was made for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ficshelf.errors import StaleHint

#: Kinds of hint, in the order a writer meets them in docs/beta.md.
KINDS = ("spelling", "name", "usage", "grammar", "mechanics", "dialogue")


@dataclass(frozen=True, slots=True)
class Hint:
    start: int
    end: int
    text: str
    kind: str
    message: str
    suggestions: tuple[str, ...] = field(default_factory=tuple)
    #: The rule that made the hint (stable name, e.g. "spelling", "then-than"); an ignored rule is keyed on it.
    rule: str = ""

    @property
    def suggestion(self) -> str:
        return self.suggestions[0] if self.suggestions else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "rule": self.rule,
            "message": self.message,
            "suggestion": self.suggestion,
            "suggestions": list(self.suggestions),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Hint:
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            kind=str(data["kind"]),
            message=str(data["message"]),
            suggestions=tuple(str(s) for s in data.get("suggestions") or [data.get("suggestion", "")] if s),
            rule=str(data.get("rule", "")),
        )


def apply_hint(text: str, hint: Hint, choice: int = 0) -> str:
    """The text with the hint's span replaced by its ``choice``-th suggestion (accepting the hint)."""
    if text[hint.start : hint.end] != hint.text:
        raise StaleHint(f"the text at {hint.start}-{hint.end} is no longer {hint.text!r}")
    if not 0 <= choice < len(hint.suggestions):
        raise StaleHint(f"hint {hint.text!r} has no suggestion number {choice}")
    return text[: hint.start] + hint.suggestions[choice] + text[hint.end :]


def apply_hints(text: str, hints: list[Hint]) -> str:
    """Accept several hints at once (each with its first suggestion); overlapping ones after the first are skipped."""
    out: list[str] = []
    pos = 0
    for hint in sorted(hints, key=lambda h: (h.start, h.end)):
        if hint.start < pos or not hint.suggestions:
            continue
        if text[hint.start : hint.end] != hint.text:
            raise StaleHint(f"the text at {hint.start}-{hint.end} is no longer {hint.text!r}")
        out.append(text[pos : hint.start])
        out.append(hint.suggestion)
        pos = hint.end
    out.append(text[pos:])
    return "".join(out)


def settle(hints: list[Hint]) -> list[Hint]:
    """Sorted by position; where hints overlap, the earlier-listed (more specific) rule wins."""
    kept: list[Hint] = []
    taken: list[tuple[int, int]] = []
    for hint in hints:
        if any(hint.start < e and s < hint.end for s, e in taken):
            continue
        kept.append(hint)
        taken.append((hint.start, hint.end))
    return sorted(kept, key=lambda h: (h.start, h.end))
