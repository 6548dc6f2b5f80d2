"""The author's beta report for one chapter: hints on the stored text, accepted into it or ignored.

The checker gets what ``ficshelf beta`` gives it: the fandom knowledge base, the work's own character names (its
character and relationship tags, the author's, accepted and still-suggested ones; when it has none, the ones the
analysis pipeline finds in the chapter) and the author's personal dictionary from the store.

Accepting re-checks the *current* text inside the write that changes it and applies only a hint that is still
there (``StaleHint`` otherwise, and nothing changes), so a report left open in another tab cannot damage a newer
text.

"Accept all" for one rule (``accept_rule``) applies every hint of a pattern rule (usage, grammar, mechanics,
dialogue: one deterministic fix each) at once; spelling and name hints are guesses and are accepted one by one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ficshelf.analysis.analysers.beta import work_names
from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.archive import Archive
from ficshelf.beta import Hint, PersonalDictionary, apply_hint, apply_hints, check
from ficshelf.errors import NotAllowed, NotFound, StaleHint
from ficshelf.model import Chapter, TagKind, Work
from ficshelf.store.chapters import revise_chapter_text
from ficshelf.store.dictionaries import personal_dictionary, save_personal_dictionary
from ficshelf.store.records import WorkPage
from ficshelf.store.works import get_work

#: Work languages the beta reader checks (an unknown language is checked too).
ENGLISH = ("en", "und", "")
_PAIR = re.compile(r"\s*[/&]\s*")
#: Hint kinds whose suggestion is a guess (a dictionary's nearest word): never accepted in bulk.
GUESSED_KINDS = ("spelling", "name")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the chapter text: plain (``hint`` is None) or the span of hint number ``index``."""

    text: str
    hint: Hint | None = None
    index: int = 0


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """The hints of one rule that "Accept all" would apply (at least two, each with one sure fix)."""

    rule: str
    kind: str
    message: str
    count: int


@dataclass(frozen=True, slots=True)
class BetaReport:
    loaded: WorkPage
    number: int
    hints: list[Hint]
    pieces: list[Piece]

    @property
    def chapter(self) -> Chapter:
        return self.loaded.work.chapters[self.number - 1]

    @property
    def rule_groups(self) -> list[RuleGroup]:
        return rule_groups(self.hints)


@dataclass(frozen=True, slots=True)
class HintRef:
    """What a report's form sends back to name a hint: its span and the text it was made for."""

    start: int
    end: int
    text: str

    def find(self, hints: list[Hint]) -> Hint:
        for hint in hints:
            if (hint.start, hint.end, hint.text) == (self.start, self.end, self.text):
                return hint
        raise StaleHint(f"the hint on {self.text!r} no longer applies to this chapter; here is the fresh report")


def beta_report(archive: Archive, work_id: int, number: int, viewer: int | None) -> BetaReport:
    """The report for chapter ``number``; only the work's owner may see it (NotAllowed)."""
    loaded = _owned(archive, work_id, number, viewer)
    text = loaded.work.chapters[number - 1].text
    hints = _hints(text, loaded, _names(loaded, text), personal_dictionary(archive.store, viewer or 0))
    return BetaReport(loaded, number, hints, pieces(text, hints))


def accept_hint(archive: Archive, work_id: int, number: int, viewer: int | None, ref: HintRef, choice: int) -> None:
    """Replace the hint's span by its ``choice``-th suggestion in the stored chapter, then reindex the work."""
    loaded = _owned(archive, work_id, number, viewer)
    names = _names(loaded, loaded.work.chapters[number - 1].text)
    personal = personal_dictionary(archive.store, viewer or 0)

    def revise(current: str) -> str:
        return apply_hint(current, ref.find(_hints(current, loaded, names, personal)), choice)

    revise_chapter_text(archive.store, work_id, viewer, number, revise)
    archive.sync_index()


def accept_rule(archive: Archive, work_id: int, number: int, viewer: int | None, rule: str) -> None:
    """Apply every current hint of ``rule`` (its first suggestion) to the stored chapter, then reindex the work.

    StaleHint when the chapter has no such hint any more (or the rule's fixes are guesses: spelling, names)."""
    loaded = _owned(archive, work_id, number, viewer)
    names = _names(loaded, loaded.work.chapters[number - 1].text)
    personal = personal_dictionary(archive.store, viewer or 0)

    def revise(current: str) -> str:
        return apply_hints(current, of_rule(_hints(current, loaded, names, personal), rule))

    revise_chapter_text(archive.store, work_id, viewer, number, revise)
    archive.sync_index()


def of_rule(hints: list[Hint], rule: str) -> list[Hint]:
    """The hints of ``rule`` that "Accept all" applies; StaleHint when there are none."""
    chosen = [h for h in hints if h.rule == rule and h.kind not in GUESSED_KINDS and h.suggestions]
    if not chosen:
        raise StaleHint(f"no hint of the rule {rule!r} is left to accept; here is the fresh report")
    return chosen


def rule_groups(hints: list[Hint]) -> list[RuleGroup]:
    """The rules "Accept all" is offered for: two or more hints with a sure fix, in the order first met."""
    groups: dict[str, list[Hint]] = {}
    for hint in hints:
        if hint.rule and hint.kind not in GUESSED_KINDS and hint.suggestions:
            groups.setdefault(hint.rule, []).append(hint)
    return [
        RuleGroup(rule, found[0].kind, found[0].message, len(found)) for rule, found in groups.items() if len(found) > 1
    ]


def ignore_hint(archive: Archive, work_id: int, number: int, viewer: int | None, ref: HintRef) -> None:
    """Add the hint's word to the author's dictionary (or mute its rule), so no report shows it again."""
    loaded = _owned(archive, work_id, number, viewer)
    text = loaded.work.chapters[number - 1].text
    personal = personal_dictionary(archive.store, viewer or 0)
    personal.ignore(ref.find(_hints(text, loaded, _names(loaded, text), personal)))
    save_personal_dictionary(archive.store, viewer or 0, personal)


def pieces(text: str, hints: list[Hint]) -> list[Piece]:
    """The text cut at the hints' spans (hints are sorted and do not overlap, as ``check`` returns them)."""
    out: list[Piece] = []
    pos = 0
    for index, hint in enumerate(hints, 1):
        if hint.start < pos:
            continue
        if hint.start > pos:
            out.append(Piece(text[pos : hint.start]))
        out.append(Piece(text[hint.start : hint.end], hint, index))
        pos = hint.end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def _owned(archive: Archive, work_id: int, number: int, viewer: int | None) -> WorkPage:
    loaded = get_work(archive.store, work_id, viewer, chapter=number)
    if not loaded.is_owner:
        raise NotAllowed(f"only the author of work {work_id} sees its beta report")
    if not 1 <= number <= len(loaded.work.chapters):
        raise NotFound(f"work {work_id} has no chapter {number}")
    return loaded


def _hints(text: str, loaded: WorkPage, names: list[str], personal: PersonalDictionary) -> list[Hint]:
    if loaded.summary.language not in ENGLISH:
        return []
    return check(text, names=names, kb=default_kb(), personal=personal)


def _names(loaded: WorkPage, text: str) -> list[str]:
    """The work's character names from its tags; from the analysis of ``text`` when it has no such tags."""
    names = tag_names([(t.kind, t.name) for t in loaded.work.tags] + [(s.kind, s.name) for s in loaded.suggested])
    if names:
        return names
    doc = default_pipeline().run(Work(id=loaded.work.id, source="beta", chapters=[Chapter(1, text=text)]))
    return work_names(doc)


def tag_names(tags: list[tuple[TagKind, str]]) -> list[str]:
    """Character names in character tags and in relationship tags ("Haruno Sakura/Rock Lee")."""
    names = [name for kind, name in tags if kind is TagKind.CHARACTER]
    return names + [n for kind, name in tags if kind is TagKind.RELATIONSHIP for n in _PAIR.split(name) if n]
