"""The author's personal dictionary: words they told the beta reader to accept, and rules they switched off.

Plain data with a JSON form, so the store can persist it per author and the web's "ignore" button can call
``ignore(hint)``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ficshelf.beta.hints import Hint


@dataclass(slots=True)
class PersonalDictionary:
    words: set[str] = field(default_factory=set)
    #: Rule names (Hint.rule) the author does not want to see.
    muted_rules: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, words: Iterable[str]) -> PersonalDictionary:
        return cls(words={w.strip() for w in words if w.strip()})

    def add(self, word: str) -> None:
        if word.strip():
            self.words.add(word.strip())

    def ignore(self, hint: Hint) -> None:
        """Ignoring a spelling or name hint adds its word; ignoring any other hint mutes its rule."""
        if hint.kind in ("spelling", "name"):
            self.add(hint.text)
        elif hint.rule:
            self.muted_rules.add(hint.rule)

    def to_json(self) -> dict[str, Any]:
        return {"words": sorted(self.words), "muted_rules": sorted(self.muted_rules)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonalDictionary:
        return cls(words=set(data.get("words", [])), muted_rules=set(data.get("muted_rules", [])))
