"""Line rules for structure recovery: what a heading, separator, POV header, lyric or author's note looks like.

Every function here looks at one line or one paragraph (already stripped of surrounding whitespace); the
positional decisions (where notes start and end, which blank runs are scene breaks) live in ``structure.py``.
Patterns are compiled once and anchored, or guarded by a cheap substring test; no Python loop runs over
the characters of a text.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

#: Heading number used for an epilogue until the caller knows the last chapter's number.
EPILOGUE: Final = -1

# ---------------------------------------------------------------------------------------------- numbers

_UNITS: Final = "zero one two three four five six seven eight nine".split()
_TEENS: Final = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS: Final = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD_VALUE: Final = {
    **{w: i for i, w in enumerate(_UNITS)},
    **{w: 10 + i for i, w in enumerate(_TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(_TENS)},
}
_NUMBER_WORD: Final = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(_UNITS[1:])}))?|{'|'.join(_TEENS + _UNITS)})"
_ROMAN_RE: Final = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUE: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(numeral: str) -> int | None:
    """``"IV"`` → 4; ``None`` for anything that is not a well-formed roman numeral."""
    numeral = numeral.upper()
    if not numeral or not _ROMAN_RE.fullmatch(numeral):
        return None
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUE[here]
        total += -value if after and _ROMAN_VALUE[after] > value else value
    return total


def number_value(token: str) -> int | None:
    """A chapter number written as digits, an English number word ("Twenty-One") or a roman numeral."""
    if token.isdigit():
        return int(token)
    words = re.split(r"[-\s]+", token.lower())
    if all(w in _WORD_VALUE for w in words):
        return sum(_WORD_VALUE[w] for w in words)
    return roman_to_int(token)


# ---------------------------------------------------------------------------------------------- headings

# Decoration a heading, header or separator may be wrapped in: "~Chapter 1~", "**Part 2**", "[Prologue]".
_LEAD: Final = r"[\s*~=_#+\-–—\[(<{|•]*"
_TRAIL_CHARS: Final = " \t*~=_#+-–—])>}|•"
_CHAPTER_WORDS: Final = r"chapter|chap\.?|ch\.?|part|chapitre|cap[ií]tulo|capitolo|kapitel|hoofdstuk|rozdzia[łl]|глава"
_HEADING_RE: Final = re.compile(
    rf"""(?P<lead>{_LEAD})
    (?:{_CHAPTER_WORDS})(?:\s+|(?=\d)|(?<=\.))
    (?P<num>\d{{1,4}}|{_NUMBER_WORD}|[ivxlcdm]+)(?![\w'’])
    (?:\s*(?:/|of)\s*\d+)?
    (?P<rest>.*)""",
    re.IGNORECASE | re.VERBOSE,
)
_SPECIAL_RE: Final = re.compile(
    rf"(?P<lead>{_LEAD})(?P<kw>prologue|prolog|pr[oó]logo|epilogue|epilog|ep[ií]logo)(?![\w'’])(?P<rest>.*)",
    re.IGNORECASE,
)
_BARE_NUMBER_RE: Final = re.compile(
    rf"{_LEAD}(?:(?P<digits>\d{{1,3}})|(?P<roman>[IVXLCDM]{{1,7}}))\s*[.:)\]]?[\s*~=_#+\-–—\])>}}|•]*"
)
_SENTENCE_INSIDE_RE: Final = re.compile(r"[.!?]\s+\S")
_TITLE_START_RE: Final = re.compile(r"[\W\d]*[A-ZÀ-ÖØ-Þ\d\"'“‘(\[]")
_TITLE_SEPARATORS: Final = ":.-–—~|/"


def _title_from_rest(rest: str, decorated: bool) -> str | None:
    """The title that follows a heading keyword and number, "" for none, None when it reads as a sentence."""
    title = rest.strip()
    if decorated:
        title = title.rstrip(_TRAIL_CHARS)
    if not title:
        return ""
    if title[0] in _TITLE_SEPARATORS:
        return title.lstrip(_TITLE_SEPARATORS + " \t").strip()
    if title[0] == "(" and title.endswith(")"):
        return title[1:-1].strip()
    if not rest[:1].isspace() or not _TITLE_START_RE.match(title):
        return None
    if len(title.split()) > 12 or _SENTENCE_INSIDE_RE.search(title):
        return None
    return title


# Lines ending like a sentence can still be a heading ("Chapter 2: Why?", "IV.") or "The End.".
_SENTENCE_SPECIAL_RE: Final = re.compile(
    r"(?i:chap|ch\b|ch\.|part|prolog|pr[oó]logo|epilog|ep[ií]logo|cap[ií]tulo|capitolo|kapitel|hoofdstuk|rozdzia"
    r"|глава|the\s+end|fin\b|owari|end\b|finis)|[IVXLCDM]+[.:)]?$"
)


def sentence_special(line: str) -> bool:
    """For a line starting with a letter and ending in ``.!?``: may it still be a heading or an end mark?"""
    return bool(_SENTENCE_SPECIAL_RE.match(line))


def parse_heading(line: str) -> tuple[int, str] | None:
    """``(number, title)`` for a chapter heading line; ``EPILOGUE`` as the number of an epilogue."""
    match = _HEADING_RE.fullmatch(line)
    if match:
        number = number_value(match["num"])
        title = _title_from_rest(match["rest"], bool(match["lead"].strip()))
        if number is None or title is None:
            return None
        return number, title
    match = _SPECIAL_RE.fullmatch(line)
    if match:
        title = _title_from_rest(match["rest"], bool(match["lead"].strip()))
        if title is None:
            return None
        prologue = match["kw"].lower().startswith("pr")
        bare_name = match["kw"].strip().capitalize()
        return (0 if prologue else EPILOGUE), (title or bare_name)
    return None


def parse_bare_number(line: str) -> int | None:
    """The number of a line that is only a number ("1.", "IV", "~3~"), a heading only if numbers run in order."""
    match = _BARE_NUMBER_RE.fullmatch(line)
    if not match:
        return None
    if match["digits"]:
        return int(match["digits"])
    return roman_to_int(match["roman"])


def title_line(line: str) -> bool:
    """A short line that can be the title under a bare heading ("Chapter 2" / "The Storm")."""
    return len(line) <= 60 and len(line.split()) <= 10 and line[-1] not in ".,;" and line[0] not in "\"“'‘"


# ---------------------------------------------------------------------------------------------- separators

_SYMBOL: Final = r"(?:[^\w\s\"'“”‘’«»]|_)"
_SYMBOL_LINE_RE: Final = re.compile(rf"{_SYMBOL}(?:{_SYMBOL}|[^\S\n])*")
_PUNCTUATION_RE: Final = re.compile(r"[.,!?…:;]+")
_LETTER_SEPARATOR_RE: Final = re.compile(rf"(?:{_SYMBOL}|[oOxX0]|[^\S\n])+")
_BREAK_WORDS_RE: Final = re.compile(
    rf"{_SYMBOL}*\s*(?:(?:scene|line|page|time|pov|section)[\s_-]*(?:break|change|skip|switch)|break)"
    rf"\s*{_SYMBOL}*",
    re.IGNORECASE,
)
_SHORT_BREAK_CHARS: Final = frozenset("*#~+=§•◇◆♦☆★❖✿❀♥♡❤⁂※")
_SEPARATOR_LETTERS: Final = frozenset("oOxXlLsSpPtTbB")  # "oOo", "xXx", "Line break", "Scene break" …


def is_separator(line: str) -> bool:
    """A scene-break line: ``***``, ``* * *``, ``~*~``, ``. . .``, ``oOo``, ``-x-x-``, ``_____``, "Line break"…"""
    if len(line) > 120 or (line[0].isalpha() and line[0] not in _SEPARATOR_LETTERS):
        return False
    if _SYMBOL_LINE_RE.fullmatch(line):
        marks = "".join(line.split())
        if _PUNCTUATION_RE.fullmatch(marks):
            # "..." or "?!" alone is a silent reply; ". . . ." spaced out is a break.
            return len(marks) >= 3 and len(marks) < len(line)
        return len(marks) >= 3 or all(c in _SHORT_BREAK_CHARS for c in marks)
    if _LETTER_SEPARATOR_RE.fullmatch(line):
        marks = "".join(line.split())
        if len(marks) < 3:
            return False
        if any(c not in "oOxX0" for c in marks):
            return True  # "-x-x-", "~o~"
        # letters only: alternating like "oOo", "xXx", "o0o" ("Ooo" and "xxx" are words), or a row of zeros
        return set(marks) == {"0"} or all(a != b for a, b in itertools.pairwise(marks))
    return bool(_BREAK_WORDS_RE.fullmatch(line))


# ---------------------------------------------------------------------------------------------- POV headers

_NAME: Final = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*"
_POV: Final = r"(?:POV|P\.\s?O\.\s?V\.?|[Pp]oint\s+[Oo]f\s+[Vv]iew|[Pp]erspective)"
_POV_HEADER_RE: Final = re.compile(
    rf"""{_LEAD}\s*(?:
        (?=[A-ZÀ-ÖØ-Þ])(?:[\w'’.\-]+\s+){{0,4}}[\w'’.\-]+?(?:'s|’s|s'|’)?\s*{_POV}\s*:?
      | {_POV}\s*[:\-–—]?\s*(?:[\w'’.\-]+\s*){{1,4}}
    ){_SYMBOL}*""",
    re.VERBOSE,
)
_DECORATED_RE: Final = re.compile(
    r"(?P<left>[-~=+*#_<>|•◇◆♦☆★]+)\s*(?P<inner>[^\s].{0,60}?)\s*(?P<right>[-~=+*#_<>|•◇◆♦☆★]+)"
)
_BRACKETED_RE: Final = re.compile(rf"[(\[]\s*{_NAME}(?:\s+(?:&|and|x|{_NAME})){{0,3}}\s*[)\]]")
_FLASHBACK_RE: Final = re.compile(
    rf"{_SYMBOL}*\s*(?:(?:start|begin|beginning|end)(?:\s+of)?\s+)?(?:flash\s?back|present(?:\s+day|\s+time)?"
    rf"|back\s+to\s+(?:the\s+)?present)(?:\s+(?:start|starts|begins|end|ends|over))?\s*{_SYMBOL}*",
    re.IGNORECASE,
)


_NUMBER_OR_FEW: Final = rf"(?:\d+|an?|{_NUMBER_WORD}|a\s+few|few|several|some|many|a\s+couple\s+of)"
_TIME_SKIP_RE: Final = re.compile(
    rf"""{_SYMBOL}*\s*(?:
        {_NUMBER_OR_FEW}\s+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?
            |centuries?)\s+(?:later|earlier|ago|before|after|pass(?:ed|es)?)
      | (?:the\s+)?(?:next|following)\s+(?:day|morning|afternoon|evening|night|week|month|year)
      | later(?:\s+that\s+(?:day|morning|afternoon|evening|night))? | meanwhile | elsewhere
    )\s*{_SYMBOL}*""",
    re.IGNORECASE | re.VERBOSE,
)
_POV_WORDS: Final = ("pov", "p.o.v", "point of view", "perspective")
_TIME_WORDS: Final = "later ago earlier before after pass next following meanwhile elsewhere".split()
_DECORATION: Final = frozenset("-~=+*#_<>|•◇◆♦☆★")
_NAME_LINE_RE: Final = re.compile(rf"{_NAME}(?:\s+(?:&|and|{_NAME})){{0,2}}")


def is_section_header(line: str) -> bool:
    """A POV/section header line: "- Naruto -", "~Neji's POV~", "Sakura's POV", "(Sasuke)", "=Gaara=",
    "Flashback", "Three years later…" …"""
    if len(line) > 70 or (line[-1] in ".,;" and not line.endswith(("P.O.V.", "..."))):
        return False
    # Each pattern runs only when a plain substring test says it could match.
    lowered = line.lower()
    if any(k in lowered for k in _POV_WORDS) and _POV_HEADER_RE.fullmatch(line):
        return True
    if ("flash" in lowered or "present" in lowered) and _FLASHBACK_RE.fullmatch(line):
        return True
    if any(k in lowered for k in _TIME_WORDS) and _TIME_SKIP_RE.fullmatch(line):
        return True
    if line[0] in "([":
        return bool(_BRACKETED_RE.fullmatch(line))
    match = _DECORATED_RE.fullmatch(line) if line[0] in _DECORATION else None
    if not match:
        return False
    inner = match["inner"]
    if not inner[0].isupper() or inner[-1] in ".!?…" or len(inner.split()) > 6:
        return False
    if not set(match["left"]) & set(match["right"]):
        return False
    # "*Thud*" and "_Crash_" are italic sound effects; those markers need an explicit "POV".
    return bool(set(match["left"]) - set("*_"))


def is_name_line(line: str) -> bool:
    """One to three capitalised words and nothing else ("Sirius", "Draco and Harry"): a POV header when it
    stands right after a scene separator."""
    return len(line) <= 40 and line[-1] != "." and bool(_NAME_LINE_RE.fullmatch(line))


_END_MARK_RE: Final = re.compile(
    rf"{_SYMBOL}*\s*(?:the\s+end|fin|owari|end|finis|the\s+end\s*\?)\s*[.!]*\s*{_SYMBOL}*", re.IGNORECASE
)


def is_end_marker(line: str) -> bool:
    """ "The End", "~Fin~", "Owari": the story's last line; whatever follows it is a note."""
    return len(line) <= 30 and bool(_END_MARK_RE.fullmatch(line))


# Punctuation to spaces (apostrophes kept, curly ones made straight), for cutting words with str.split.
TO_SPACE: Final = str.maketrans({c: " " for c in '.,!?;:"()[]{}*~_…“”‘«»„<>=+|\\\t\n'} | {"’": "'"})
QUOTE_OPENERS: Final = "\"“'‘«„"


# ---------------------------------------------------------------------------------------------- lyrics

_CLOSERS: Final = {"'": "'’", "‘": "’'", '"': '"”', "“": '”"', "*": "*", "_": "_", "~": "~", "♪": "♪♫", "♫": "♫♪"}
_MARKS: Final = "'\"‘’“”*_~♪♫ \t"
_FIRST_LETTER_RE: Final = re.compile(r"[\W_]*(\w)")
_LIST_OR_CHAT_RE: Final = re.compile(r"(?:[-•*·]\s|\d+[.)]\s|[\w .'’-]{1,25}:\s)")
# Verse is made of sentences: most lines carry a function word; addresses, lists and name stamps do not.
_FUNCTION_WORDS: Final = frozenset(
    """the a an and or but of to in on at for with from by as if so no not my me i i'm i'll you your we our
    us he she it its they is are was be been am do don't can can't will won't just all that this what when
    like oh now never ever there here up down out how why who""".split()
)
_SHORT_LINE: Final = 120


def _lyric_like(lines: list[str], evidence: bool) -> bool:
    """Do these consecutive lines read as verse? ``evidence``: wrapped in a quote or marked line by line."""
    count = len(lines)
    lengths = [len(line) for line in lines]
    longest, mean = max(lengths), sum(lengths) / count
    if count < 3 or longest > (_SHORT_LINE if evidence else 80) or mean > (90 if evidence else 50):
        return False
    capitals = 0
    for line in lines:
        first = _FIRST_LETTER_RE.match(line)
        capitals += bool(first and (first[1].isupper() or first[1].isdigit()))
    if capitals < count * (0.6 if evidence else 0.8):
        return False
    ends = [line.rstrip(_MARKS) for line in lines]
    final = sum(1 for e in ends if e.endswith((".", "!", "?")) and not e.endswith(".."))
    if final > count * (0.7 if evidence else 0.34):
        return False
    inner = lines[1:-1] if evidence else lines
    if any('"' in line or "“" in line or "”" in line for line in inner):
        return False  # dialogue
    if sum(1 for line in lines if line[0] in QUOTE_OPENERS) > 1:
        return False  # one quoted line after another: dialogue
    worded = sum(1 for line in lines if not _FUNCTION_WORDS.isdisjoint(line.lower().translate(TO_SPACE).split()))
    if worded < count * (0.34 if evidence else 0.5):
        return False
    if not evidence and " " not in lines[-1].strip(_MARKS + ".,!"):
        return False  # a letter signed with a name
    return sum(1 for line in lines if _LIST_OR_CHAT_RE.match(line)) * 2 < count


def _marked_line_by_line(lines: list[str]) -> bool:
    if all(line[0] in "♪♫~" for line in lines):
        return True
    return any(all(len(line) > 2 and line[0] == m and line[-1] == m for line in lines) for m in "*_")


def _wrapped_end(lines: list[str], first: int, stop: int) -> int | None:
    """Index of the line closing a quote/marker opened on ``lines[first]``, at least two lines further."""
    opener = lines[first][0]
    closers = _CLOSERS.get(opener)
    if closers is None or lines[first][-1] in closers:
        return None
    for k in range(first + 1, stop):
        if lines[k][-1] in closers:
            return k if k - first >= 2 else None
    return None


def find_lyric_runs(lines: list[str]) -> list[tuple[int, int]]:
    """``[start, stop)`` line ranges of verse (song lyrics, poems) among a paragraph's lines (stripped)."""
    runs: list[tuple[int, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        if len(lines[i]) > _SHORT_LINE:
            i += 1
            continue
        j = i
        while j < n and len(lines[j]) <= _SHORT_LINE:
            j += 1
        if j - i >= 3:
            runs.extend(_runs_in_stretch(lines, i, j))
        i = j
    return runs


def _runs_in_stretch(lines: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    if _marked_line_by_line(lines[lo:hi]) and _lyric_like(lines[lo:hi], evidence=True):
        return [(lo, hi)]
    free_from = lo
    a = lo
    while a < hi - 2:
        b = _wrapped_end(lines, a, hi)
        if b is not None and _lyric_like(lines[a : b + 1], evidence=True):
            runs.extend(_plain_runs(lines, free_from, a))
            runs.append((a, b + 1))
            a = free_from = b + 1
        else:
            a += 1
    runs.extend(_plain_runs(lines, free_from, hi))
    return runs


def _plain_runs(lines: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """Unmarked verse needs stricter evidence; a lead-in line ending in ":" is not part of it."""
    if hi - lo >= 4 and lines[lo].endswith(":"):
        lo += 1
    if hi - lo >= 3 and _lyric_like(lines[lo:hi], evidence=False):
        return [(lo, hi)]
    return []


def lyric_first_line(line: str) -> str:
    """The first line of a lyric block without its opening quote or marker."""
    opener = line[0]
    if opener in _CLOSERS:
        line = line[1:]
        if opener in "*_" and line.endswith(opener):
            line = line[:-1]
    return line.strip()
