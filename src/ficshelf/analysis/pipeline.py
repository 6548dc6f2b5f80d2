"""The analysis pipeline: small analysers in dependency order, each declaring what it requires and provides.

Pure and deterministic: a Doc goes in, annotations come out, nothing is read or written. ``ficshelf analyze``,
the web posting form and the batch job all call ``default_pipeline().run(work)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ficshelf.analysis.doc import Doc
from ficshelf.errors import AnalysisFailed
from ficshelf.model import Work


class Analyser(Protocol):
    """What an analyser declares (as class attributes) and does."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def provides(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Doc) -> None: ...


class PipelineError(ValueError):
    """A pipeline whose analysers' requirements are not met by earlier analysers (a programming error)."""


@dataclass(frozen=True)
class Pipeline:
    analysers: tuple[Analyser, ...]

    def __post_init__(self) -> None:
        available: set[str] = {"text", "work"}
        for analyser in self.analysers:
            missing = set(analyser.requires) - available
            if missing:
                raise PipelineError(f"{analyser.name} requires {sorted(missing)} which no earlier analyser provides")
            available |= set(analyser.provides)

    @property
    def names(self) -> list[str]:
        return [f"{a.name}@{a.version}" for a in self.analysers]

    def run(self, work: Work) -> Doc:
        """Analyse one work; an analyser's exception becomes AnalysisFailed naming the analyser."""
        doc = Doc.from_work(work)
        for analyser in self.analysers:
            try:
                analyser(doc)
            except Exception as err:
                raise AnalysisFailed(f"analyser {analyser.name} failed: {type(err).__name__}: {err}") from err
            doc.ran.append(f"{analyser.name}@{analyser.version}")
        return doc

    def run_many(self, works: Sequence[Work]) -> list[Doc]:
        return [self.run(w) for w in works]


@lru_cache(maxsize=2)
def default_pipeline(*, beta: bool = False) -> Pipeline:
    """The understanding pipeline every tagging path runs (import, posting, batch, eval): structure, language,
    stats, fandom, characters, quotes, relationships, tags. ``beta=True`` appends the beta reader's hints, which
    only a writer reads (``ficshelf analyze`` and ``ficshelf beta`` ask for them): as long again as the rest put
    together, so nothing that only tags works pays for them."""
    from ficshelf.analysis.analysers.basic import LanguageAnalyser, StatsAnalyser, StructureAnalyser
    from ficshelf.analysis.analysers.beta import BetaAnalyser
    from ficshelf.analysis.analysers.characters import CharactersAnalyser
    from ficshelf.analysis.analysers.fandom import FandomAnalyser
    from ficshelf.analysis.analysers.quotes import QuotesAnalyser
    from ficshelf.analysis.analysers.relationships import RelationshipsAnalyser
    from ficshelf.analysis.analysers.tags import TagsAnalyser

    return Pipeline(
        (
            StructureAnalyser(),
            LanguageAnalyser(),
            StatsAnalyser(),
            FandomAnalyser(),
            CharactersAnalyser(),
            QuotesAnalyser(),
            RelationshipsAnalyser(),
            TagsAnalyser(),
            *((BetaAnalyser(),) if beta else ()),
        )
    )
