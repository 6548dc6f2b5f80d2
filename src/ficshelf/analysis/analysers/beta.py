"""The beta reader as an analyser: proofreading hints for English works (see docs/beta.md)."""

from __future__ import annotations

from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.beta import PersonalDictionary, check


def work_names(doc: Doc) -> list[str]:
    """The character names (and the aliases seen) that the characters analyser found in the work."""
    return [c.name for c in doc.characters] + [a for c in doc.characters for a in c.aliases]


class BetaAnalyser:
    name = "beta"
    version = 1
    requires = ("text", "language", "characters")
    provides = ("beta",)

    def __init__(self, kb: KnowledgeBase | None = None, personal: PersonalDictionary | None = None) -> None:
        self.kb = kb or default_kb()
        self.personal = personal

    def __call__(self, doc: Doc) -> None:
        if doc.language != "en":
            doc.beta = []
            return
        doc.beta = check(doc.text, names=work_names(doc), kb=self.kb, personal=self.personal)
