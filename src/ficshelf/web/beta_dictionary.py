"""The author's personal dictionary as a page (``/beta/dictionary``): the words the beta reader accepts for them
and the rules they switched off, each of which they can take back, and a word they can add by hand.

The dictionary is the one every report and preview of the author uses (``ficshelf.store.dictionaries``): a word
forgotten here is marked again, a rule switched back on makes its hints again.
"""

from __future__ import annotations

from dataclasses import dataclass

from ficshelf.archive import Archive
from ficshelf.beta import dialogue, mechanics, usage
from ficshelf.errors import InvalidValue
from ficshelf.store.dictionaries import personal_dictionary, save_personal_dictionary

#: What each rule checks, in the words of its hints (rules made by code rather than a pattern are listed here).
RULE_MESSAGES = {
    "lowercase-name": "A name takes a capital letter.",
    "split-word": "A space in the wrong place.",
    "phrase": "A name written differently elsewhere in the work before the same word.",
    "stray-capital": "A capital letter in mid-sentence.",
    "quote-space": "No space just inside a quote mark.",
    **{r.name: r.message for r in (*usage.RULES, *mechanics.RULES, *dialogue.RULES)},
}
#: Longest word accepted from the "add a word" form.
MAX_WORD = 100


@dataclass(frozen=True, slots=True)
class MutedRule:
    name: str
    message: str


@dataclass(frozen=True, slots=True)
class DictionaryView:
    words: list[str]
    rules: list[MutedRule]


def dictionary_view(archive: Archive, viewer: int) -> DictionaryView:
    """The account's words (sorted, case-insensitively) and muted rules with what each checks."""
    personal = personal_dictionary(archive.store, viewer)
    words = sorted(personal.words, key=lambda w: (w.casefold(), w))
    rules = [MutedRule(name, rule_message(name)) for name in sorted(personal.muted_rules)]
    return DictionaryView(words, rules)


def rule_message(name: str) -> str:
    return RULE_MESSAGES.get(name) or name.replace("-", " ").capitalize()


def change_dictionary(archive: Archive, viewer: int, action: str, value: str) -> None:
    """``add`` or ``forget`` the word ``value``, or ``unmute`` the rule ``value`` (InvalidValue otherwise)."""
    personal = personal_dictionary(archive.store, viewer)
    value = value.strip()
    if action == "add":
        if not value or len(value) > MAX_WORD or any(c.isspace() for c in value):
            raise InvalidValue(f"add one word (no spaces, at most {MAX_WORD} characters)")
        personal.add(value)
    elif action == "forget":
        personal.words.discard(value)
    elif action == "unmute":
        personal.muted_rules.discard(value)
    else:
        raise InvalidValue("action must be add, forget or unmute")
    save_personal_dictionary(archive.store, viewer, personal)
