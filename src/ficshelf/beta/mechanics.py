"""Mechanics: spaces, capitals and repeated words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ficshelf.beta.allow import AllowList
from ficshelf.beta.hints import Hint
from ficshelf.beta.rules import Rule, rule
from ficshelf.beta.spelling import Speller, near_names
from ficshelf.beta.tokens import Token, find, starts_sentence, word_after, word_before

_REPEATABLE = frozenset(
    "the a an to of in on at and for with was were is are be as by from his their my your our its this than "
    "then he she they we".split()
)
#: A lower-cased character name is a hint only when the word is rare as an ordinary word (will, rose, hope are not).
NAME_WORD_MAX_FREQ = 5_000
COMMON_WORD = 10_000

RULES: tuple[Rule, ...] = (
    rule(
        "space-after-sentence",
        "mechanics",
        r"(?P<x>[.!?])(?<=[a-z]{2}.)(?=[A-Z][a-z])",
        lambda m: m.group("x") + " ",
        "A sentence end needs a space after it.",
    ),
    rule(
        "lowercase-i",
        "mechanics",
        r"(?P<x>i)(?<![\w'’.\-/]i)(?=[ ,;!?]|['’](?:m|ll|ve|d)\b)",
        "I",
        'The pronoun "I" is always a capital.',
    ),
    rule(
        "repeated-word",
        "mechanics",
        rf"(?P<x>(?P<w>{_REPEATABLE}) (?P=w))\b",
        lambda m: m.group("w"),
        "The same word twice.",
        re.IGNORECASE,
    ),
)


def repeated_words(text: str, counts: Counter[str]) -> Iterator[Hint]:
    """A short word written twice ("the the"); words a writer repeats on purpose ("no, no") are left alone."""
    for word in _REPEATABLE:
        if counts[word] < 2 and counts[word.capitalize()] < 1:
            continue
        for first in (word, word.capitalize()):
            for m in re.finditer(rf"{first} {word}\b", text):
                if m.start() and (text[m.start() - 1].isalpha() or text[m.start() - 1] in "'’"):
                    continue
                wrong = m.group()
                yield Hint(m.start(), m.end(), wrong, "mechanics", "The same word twice.", (first,), "repeated-word")


def lowercase_names(text: str, counts: Counter[str], names: frozenset[str], speller: Speller) -> Iterator[Hint]:
    """A character name written in lower case ("lee caled out")."""
    lowered = {
        n.lower(): n
        for n in names
        if n[1:].islower()
        and counts[n] >= 3 * counts[n.lower()] > 0  # a work that writes a name in lower case throughout means it
        and speller.frequency(n) < NAME_WORD_MAX_FREQ
    }
    for t in find(text, lowered):
        yield Hint(
            t.start, t.end, t.text, "name", "A name takes a capital letter.", (lowered[t.text],), "lowercase-name"
        )


def split_words(text: str, unknown: list[Token], speller: Speller) -> Iterator[Hint]:
    """A space in the wrong place between two words ("an dbegging" → "and begging")."""
    for w in unknown:
        p, gap = word_before(text, w.start)
        if p is None or gap != " ":
            continue
        a, b = p.text, w.text
        options = [(a + b[0], b[1:]), (a[:-1], a[-1] + b)]
        scored = [
            (min(speller.frequency(x), speller.frequency(y)), x, y) for x, y in options if len(x) > 1 and len(y) > 1
        ]
        scored = [s for s in scored if s[0] >= COMMON_WORD]
        if scored:
            _, x, y = max(scored)
            wrong = text[p.start : w.end]
            yield Hint(p.start, w.end, wrong, "mechanics", "A space in the wrong place.", (f"{x} {y}",), "split-word")


def stray_capitals(text: str, counts: Counter[str], allow: AllowList, speller: Speller) -> Iterator[Hint]:
    """A common word capitalised once mid-sentence: a near miss of a phrase the work uses ("the Lead ninja" when it
    says "Leaf ninja" elsewhere), or a stray capital after a name ("Neji Stood up")."""
    once = {w for w, n in counts.items() if n == 1 and w[0].isupper() and w[1:].islower() and not allow.allows(w)}
    if not once:
        return
    before = _capitalised_before(text)
    for t in find(text, once):
        w = t.text
        if starts_sentence(text, t.start):
            continue
        nxt, _ = word_after(text, t.end)
        if nxt is None:
            continue
        low = w.lower()
        options = near_names(w, before.get(_base(nxt.text), set()) - {w})
        phrase = options[0] if options else ""
        if phrase:
            message = f'Elsewhere this work writes "{phrase} {nxt.text}".'
            yield Hint(t.start, t.end, w, "name", message, (phrase,), "phrase")
            continue
        prev, gap = word_before(text, t.start)
        if (
            prev is not None
            and prev.text in allow.names
            and gap == " "
            and nxt.text[0].islower()
            and counts[low] >= 1
            and speller.frequency(low) >= COMMON_WORD
        ):
            yield Hint(t.start, t.end, w, "mechanics", "A capital letter in mid-sentence.", (low,), "stray-capital")


_CAPITAL_PAIR = re.compile(r"\b([A-Z][a-z]+) (?=([^\W\d_]+))")


def _capitalised_before(text: str) -> dict[str, set[str]]:
    """For each word, the capitalised words that stand just before it somewhere in the work ("Leaf" ninja)."""
    found: dict[str, set[str]] = {}
    for m in _CAPITAL_PAIR.finditer(text):
        found.setdefault(m.group(2), set()).add(m.group(1))
    return found


def _base(word: str) -> str:
    return re.split("['’]", word)[0]
