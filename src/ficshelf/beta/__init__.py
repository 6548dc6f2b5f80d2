"""The beta reader: fandom-aware proofreading hints (see docs/beta.md).

``check(text, names=..., kb=..., personal=...)`` returns ranked hints; ``apply_hint`` accepts one;
``PersonalDictionary.ignore`` remembers an ignored one.
"""

from ficshelf.beta.check import check
from ficshelf.beta.dictionary import PersonalDictionary
from ficshelf.beta.hints import Hint, apply_hint, apply_hints

__all__ = ["Hint", "PersonalDictionary", "apply_hint", "apply_hints", "check"]
