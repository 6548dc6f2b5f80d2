"""Quotes and their speakers.

Quotes: each pair of double quote marks (straight, curly, «guillemets» or „low-high“) inside a story
paragraph, a quote left open at the end of a paragraph running to its end; single-quoted passages that open
after a space and close before one are thoughts. A work that writes its dialogue in single quotes, British
style (`'I don't know,' said Harry.`: three or more such lines and more than double-quoted ones), has those
as its quotes instead; apostrophes (don't, the Potters' owls) neither open nor close one. Notes and lyric
blocks are skipped (only the structure's story paragraphs are read).

Speakers, first rule that answers wins (``Quote.method`` says which):
1. explicit — a character named right after the quote with a speech verb (`"…," Lee said` / `said Lee`), or
   right before it (`Lee said, "…"`);
2. pronoun — `he said` / `she asked`: the last character of that gender named outside quotes before it;
3. beat — the paragraph's narration names a character as its subject (`Lee was shocked. "If you…"`);
4. same — a later quote of the paragraph continues the earlier one's speaker;
5. turn — in a two-person exchange the turn passes to the other person.
A character addressed inside the quote (`"Hey Lee, …"`) is never its speaker. Each character's ``dialogue``
is then the number of quotes they speak.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from ficshelf.analysis.doc import Doc
from ficshelf.analysis.results import Quote
from ficshelf.analysis.speech import SPEECH_VERB, ends_with_speech_tag

#: Double quote marks: straight, curly, and the «guillemets» and „low-high“ quotes of other languages.
_DOUBLE = re.compile(r"[\"“”«»„]")
#: A single-quoted thought: ``(?:(?<=\s)|^)[‘']…``, written to start with the quote mark (the look-behinds come
#: after it), which ``re`` scans for quickly (3× faster over a paragraph).
_THOUGHT = re.compile(r"[‘'](?:(?<=\s[‘'])|(?<=^[‘']))(?=[A-Za-z])([^‘’'\n]{2,300}?[.!?,…-])[’'](?=\s|$)", re.M)
#: British dialogue in single quotes (`'I don't know,' said Harry.`): opens after a space, a line start or a
#: dash, before a letter; may hold apostrophes between letters (don't, Potter's) or after a plural before a
#: word (the Potters' owls); closes after punctuation and before no letter.
_SINGLE = re.compile(
    r"[‘'](?:(?<=\s[‘'])|(?<=^[‘'])|(?<=[—–-][‘']))(?=[A-Za-z])"
    r"((?:[^‘’'\n]|(?<=\w)[’'](?=\w)|(?<=s)[’'](?= [a-z])){1,400}?[.!?,…—–-])[’'](?!\w)",
    re.M,
)
#: Single quotes are the work's dialogue marks when it has this many single-quoted lines and more of them than
#: double-quoted ones.
_MIN_SINGLE = 3
_WINDOW = 90
_DOUBLE_MARKS = '"“”«»„ '
_SINGLE_MARKS = "‘’' "
_ADJACENT = re.compile(r"[\s,]*(?:\w+ly[\s,]+)?")
_PRONOUN_BEFORE = re.compile(r"\b([Hh]e|[Ss]he)[\s,]+(?:\w+ly[\s,]+)?$")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    name: str
    gender: str


class QuotesAnalyser:
    name = "quotes"
    version = 2
    requires = ("text", "structure", "characters")
    provides = ("quotes",)  # and CharacterResult.dialogue

    def __call__(self, doc: Doc) -> None:
        mentions = sorted(
            (_Mention(s, e, c.name, c.gender) for c in doc.characters for s, e in c.spans),
            key=lambda m: m.start,
        )
        starts = [m.start for m in mentions]
        paragraphs = doc.structure.paragraphs if doc.structure else ()
        quotes: list[Quote] = []
        history: list[str] = []
        last_para_actor: str | None = None
        marks = [m.start() for m in _DOUBLE.finditer(doc.text)]  # every quote mark, found once
        singles = _single_quoted(doc.text, len(marks))
        opens = [s for s, _ in singles]
        strip = _SINGLE_MARKS if singles else _DOUBLE_MARKS
        for para in paragraphs:
            if singles:
                spans = singles[bisect_left(opens, para.start) : bisect_left(opens, para.end)]
            else:
                spans = _quote_spans(marks[bisect_left(marks, para.start) : bisect_left(marks, para.end)], para.end)
            if not spans:
                actors = mentions[bisect_left(starts, para.start) : bisect_left(starts, para.end)]
                last_para_actor = actors[0].name if actors else last_para_actor
                continue
            previous: str | None = None
            for i, (qs, qe) in enumerate(spans):
                after_end = spans[i + 1][0] if i + 1 < len(spans) else para.end
                before_start = spans[i - 1][1] if i else para.start
                ctx = _Context(doc.text, mentions, starts, para.start, qs, qe, before_start, after_end, spans)
                speaker, method = ctx.speaker(previous, history, last_para_actor)
                quotes.append(Quote(qs, qe, doc.text[qs:qe].strip(strip), speaker, method))
                if speaker:
                    previous = speaker
                    if not history or history[-1] != speaker:
                        history.append(speaker)
            last_para_actor = None
            for match in () if singles else _THOUGHT.finditer(doc.text, para.start, para.end):
                if not any(qs <= match.start() < qe for qs, qe in spans):
                    quotes.append(Quote(match.start(), match.end(), match.group(1), None, "none", thought=True))
        quotes.sort(key=lambda q: q.start)
        doc.quotes = quotes
        spoken = Counter(q.speaker for q in quotes if q.speaker)
        for character in doc.characters:
            character.dialogue = spoken[character.name]


def _single_quoted(text: str, double_marks: int) -> list[tuple[int, int]]:
    """The spans of single-quoted dialogue when single quotes are the work's dialogue marks, else []."""
    opening = text.count(" '") + text.count("\n'") + text.count("‘")  # apostrophes mostly follow a letter
    if opening < _MIN_SINGLE or opening * 2 <= double_marks:
        return []
    spans = [(m.start(), m.end()) for m in _SINGLE.finditer(text)]
    return spans if len(spans) >= _MIN_SINGLE and len(spans) * 2 > double_marks else []


def _quote_spans(marks: list[int], end: int) -> list[tuple[int, int]]:
    """Quote spans from a paragraph's quote marks, paired in order; an odd last mark runs to the paragraph's end."""
    if not marks:
        return []
    spans = [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        spans.append((marks[-1], end))
    return spans


@dataclass(slots=True)
class _Context:
    text: str
    mentions: list[_Mention]
    starts: list[int]
    para_start: int
    qs: int
    qe: int
    before_start: int
    after_end: int
    spans: list[tuple[int, int]]

    def inside(self, a: int, b: int) -> list[_Mention]:
        return self.mentions[bisect_left(self.starts, a) : bisect_left(self.starts, b)]

    def speaker(self, previous: str | None, history: list[str], last_para_actor: str | None) -> tuple[str | None, str]:
        addressed = {m.name for m in self.inside(self.qs, self.qe)}
        after = self.text[self.qe : min(self.after_end, self.qe + _WINDOW)]
        subject = self.tag_subject(self.qe, after, addressed)
        if subject is not None:
            return subject
        before = self.text[self.before_start : self.qs]
        if ends_with_speech_tag(before):
            # the tag's verb lies in the last 80 characters (where ends_with_speech_tag found it)
            tag = list(SPEECH_VERB.finditer(before, max(0, len(before) - 80)))[-1]
            subject = self.tag_subject(self.before_start, before[: tag.end()], addressed, previous)
            if subject is not None:
                return subject
        beat = [m for m in self.narration_mentions(self.para_start, self.qs) if m.name not in addressed]
        if beat:
            return beat[0].name, "beat"
        if previous:
            return previous, "same"
        if len(history) >= 2 and history[-1] != history[-2] and history[-2] not in addressed:
            return history[-2], "turn"
        after_beat = [m for m in self.narration_mentions(self.qe, self.after_end) if m.name not in addressed]
        if after_beat:
            return after_beat[0].name, "beat"
        if last_para_actor and last_para_actor not in addressed:
            return last_para_actor, "beat"
        if history and history[-1] not in addressed and addressed:
            return history[-1], "turn"
        return None, "none"

    def tag_subject(
        self, base: int, window: str, addressed: set[str], previous: str | None = None
    ) -> tuple[str | None, str] | None:
        """Who performs the speech verb in ``window`` (which starts at offset ``base``): the name or pronoun
        right before the verb (an adverb may sit between) or the name right after it ("said Neji")."""
        tag = SPEECH_VERB.search(window)
        if tag is None:
            return None
        verb_start, verb_end = base + tag.start(), base + tag.end()
        for m in reversed(self.inside(max(base, verb_start - 40), verb_start)):
            if m.name not in addressed and _ADJACENT.fullmatch(self.text, m.end, verb_start):
                return m.name, "explicit"
        for m in self.inside(verb_end, verb_end + 40):
            if m.name not in addressed and _ADJACENT.fullmatch(self.text, verb_end, m.start):
                return m.name, "explicit"
        pronoun = _PRONOUN_BEFORE.search(window[: tag.start()])
        if pronoun:
            gender = "f" if pronoun.group(1).lower() == "she" else "m"
            if previous and self.gender_of(previous) == gender:
                return previous, "same"
            return self.resolve_pronoun(gender, addressed), "pronoun"
        return None

    def gender_of(self, name: str) -> str:
        return next((m.gender for m in self.mentions if m.name == name), "u")

    def narration_mentions(self, start: int, end: int) -> list[_Mention]:
        """Characters named between ``start`` and ``end`` outside the paragraph's quotes."""
        return [m for m in self.inside(start, end) if not any(a <= m.start < b for a, b in self.spans)]

    def resolve_pronoun(self, gender: str, addressed: set[str]) -> str | None:
        """The paragraph's own subject of that gender if it has one, else the last one named before it."""
        for m in self.narration_mentions(self.para_start, self.qs):
            if m.gender == gender and m.name not in addressed:
                return m.name
        index = bisect_right(self.starts, self.para_start) - 1
        while index >= 0:
            mention = self.mentions[index]
            if mention.gender == gender and mention.name not in addressed and not self.quoted(mention.start):
                return mention.name
            index -= 1
        return None

    def quoted(self, offset: int) -> bool:
        before = self.text[max(self.para_start, self.text.rfind("\n\n", 0, offset)) : offset]
        return len(_DOUBLE.findall(before)) % 2 == 1
