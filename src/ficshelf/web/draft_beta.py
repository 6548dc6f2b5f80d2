"""The beta reader on a posting preview: the draft's hints, accepted into the draft's text or ignored.

A draft (``web/drafts.py``) is the work as the preview shows it, kept until it is published. Its hints are
checked with the draft's own character names (the author's tags and the suggested ones) and the author's
personal dictionary. Accepting re-checks the draft's *current* text and applies only a hint that is still there
(``StaleHint`` otherwise, and nothing changes), then saves the draft under the same id; ignoring fills the
author's dictionary, as on a published chapter's report (``web/beta_report.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.archive import Archive
from ficshelf.beta import Hint, PersonalDictionary, apply_hint, apply_hints, check
from ficshelf.errors import NotFound
from ficshelf.model import Chapter
from ficshelf.posting import Draft
from ficshelf.store.dictionaries import personal_dictionary, save_personal_dictionary
from ficshelf.web.beta_report import ENGLISH, HintRef, RuleGroup, of_rule, rule_groups, tag_names
from ficshelf.web.drafts import load_draft, update_draft

#: Characters of context shown on each side of a draft's hint.
CONTEXT = 30


@dataclass(frozen=True, slots=True)
class Snippet:
    """A hint of a draft's chapter with the text just before and after it."""

    chapter: int
    hint: Hint
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class DraftHints:
    """What the preview's beta section shows: each hint in context, and the rules "Accept all" is offered for."""

    snippets: list[Snippet]
    rules: list[RuleGroup]

    def __len__(self) -> int:
        return len(self.snippets)


def draft_hints(archive: Archive, draft: Draft, viewer: int) -> DraftHints:
    """The hints on every chapter of ``draft``, each with a little text around it."""
    found = _check(draft, personal_dictionary(archive.store, viewer))
    snippets = [
        Snippet(
            number,
            hint,
            text[max(0, hint.start - CONTEXT) : hint.start],
            text[hint.end : hint.end + CONTEXT],
        )
        for number, (text, hints) in found.items()
        for hint in hints
    ]
    return DraftHints(snippets, rule_groups([h for _text, hints in found.values() for h in hints]))


def accept_draft_hint(
    archive: Archive, folder: Path, viewer: int, draft_id: str, chapter: int, ref: HintRef, choice: int
) -> None:
    """Replace the hint's span in the draft's chapter by its ``choice``-th suggestion and keep the draft."""
    draft, restricted = load_draft(folder, viewer, draft_id)
    target = _chapter(draft, chapter)
    hints = _check_text(draft, target.text, personal_dictionary(archive.store, viewer))
    target.text = apply_hint(target.text, ref.find(hints), choice)
    update_draft(folder, viewer, draft_id, draft, restricted)


def accept_draft_rule(archive: Archive, folder: Path, viewer: int, draft_id: str, rule: str) -> None:
    """Apply every current hint of ``rule`` (its first suggestion) in every chapter of the draft."""
    draft, restricted = load_draft(folder, viewer, draft_id)
    found = _check(draft, personal_dictionary(archive.store, viewer))
    of_rule([h for _text, hints in found.values() for h in hints], rule)  # StaleHint when none is left
    for chapter in draft.work.chapters:
        mine = [h for h in found[chapter.number][1] if h.rule == rule]
        if mine:
            chapter.text = apply_hints(chapter.text, of_rule(mine, rule))
    update_draft(folder, viewer, draft_id, draft, restricted)


def ignore_draft_hint(archive: Archive, folder: Path, viewer: int, draft_id: str, chapter: int, ref: HintRef) -> None:
    """Add the hint's word to the author's dictionary (or mute its rule); the draft's text is left alone."""
    draft, _restricted = load_draft(folder, viewer, draft_id)
    personal = personal_dictionary(archive.store, viewer)
    personal.ignore(ref.find(_check_text(draft, _chapter(draft, chapter).text, personal)))
    save_personal_dictionary(archive.store, viewer, personal)


def _check(draft: Draft, personal: PersonalDictionary) -> dict[int, tuple[str, list[Hint]]]:
    """Chapter number → (its text, its hints)."""
    return {c.number: (c.text, _check_text(draft, c.text, personal)) for c in draft.work.chapters}


def _check_text(draft: Draft, text: str, personal: PersonalDictionary) -> list[Hint]:
    work = draft.work
    if work.language not in ENGLISH:
        return []
    names = tag_names([(t.kind, t.name) for t in work.tags] + [(s.kind, s.name) for s in draft.suggested])
    return check(text, names=names, kb=default_kb(), personal=personal)


def _chapter(draft: Draft, number: int) -> Chapter:
    for chapter in draft.work.chapters:
        if chapter.number == number:
            return chapter
    raise NotFound(f"the preview has no chapter {number}")
