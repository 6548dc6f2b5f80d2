"""Usage: confusable words in context, past participles, real-word errors and wrong articles.

Each rule fires only in a context where the other reading is (almost) impossible, so false alarms stay rare:
"your going" but not "your feeling", "more painful then" but not "and then".
"""

from __future__ import annotations

import re

from ficshelf.beta.rules import Rule, rule, words

IGNORE_CASE = re.IGNORECASE
_COMPARATIVES = words(
    "better worse bigger smaller greater larger older younger stronger weaker faster slower taller shorter higher "
    "lower harder easier louder closer further farther darker brighter smarter happier rather other".split()
)
_GERUND_AFTER_YOUR = words(
    "going doing being getting trying making taking coming saying lying kidding joking acting talking telling "
    "leaving gonna not welcome".split()
)
_ADJ_AFTER_TO = words(
    "slow fast late early much many tired big small soon weak strong young old busy scared afraid good bad hot "
    "cold heavy loud quiet tall dark bright easy difficult far".split()
)
_PARTICIPLES = {
    "broke": "broken",
    "spoke": "spoken",
    "took": "taken",
    "wrote": "written",
    "ate": "eaten",
    "gave": "given",
    "went": "gone",
    "came": "come",
    "ran": "run",
    "drank": "drunk",
    "swam": "swum",
    "began": "begun",
    "sang": "sung",
    "chose": "chosen",
    "froze": "frozen",
    "stole": "stolen",
    "woke": "woken",
    "forgot": "forgotten",
    "rode": "ridden",
    "drove": "driven",
    "fell": "fallen",
    "flew": "flown",
    "grew": "grown",
    "knew": "known",
    "threw": "thrown",
    "saw": "seen",
    "shook": "shaken",
    "hid": "hidden",
    "tore": "torn",
    "wore": "worn",
}
_WRAP = {"rapped": "wrapped", "rapping": "wrapping", "raps": "wraps", "rap": "wrap"}

RULES: tuple[Rule, ...] = (
    rule(
        "your-youre",
        "usage",
        rf"(?P<x>[Yy]our) (?={_GERUND_AFTER_YOUR}\b(?!-))",
        "you're",
        '"your" owns something; "you\'re" is "you are".',
    ),
    rule(
        "then-than",
        "usage",
        r"(?P<x>then)\b(?! on\b)",
        "than",
        'A comparison takes "than"; "then" is about time.',
        before=rf"(?:(?:more|less|fewer)(?: (?!and|or|but|since|until|even)[a-z]+)?|{_COMPARATIVES}) ",
    ),
    rule(
        "than-then",
        "usage",
        r"(?P<x>[Tt]han)(?= [a-z])",
        "then",
        '"Than" compares; for what happens next, write "then".',
        before=r"(?:[.!?] |\n|and )",
    ),
    rule(
        "its-its",
        "usage",
        r"(?P<x>[Ii]ts) "
        r"(?=(?:a|an|not|been|going|gonna|getting|so|just|too|very|okay|ok|alright|fine|true|because)\b(?!-))",
        "it's",
        '"its" owns something; "it\'s" is "it is" or "it has".',
    ),
    rule("it-s-own", "usage", r"(?P<x>[Ii]t['’]s) own\b", "its", 'Possessive "its" has no apostrophe.'),
    rule(
        "there-their",
        "usage",
        r"(?P<x>[Tt]here|[Tt]hey['’]re) own\b",
        "their",
        'Something they own is "their".',
    ),
    rule(
        "their-there",
        "usage",
        r"(?P<x>[Tt]heir) (?=(?:is|are|was|were|isn't|wasn't|aren't|weren't)\b)",
        "there",
        '"There is / there was"; "their" owns something.',
    ),
    rule(
        "to-too",
        "usage",
        rf"(?P<x>to) (?={_ADJ_AFTER_TO}(?:[.,!?;:\"”]| (?:in|to|for|and|but|of|with)\b))",
        "too",
        '"Too" means "excessively" or "also"; "to" is a preposition.',
        before="(?:was|were|is|are|am|be|been|way|far|felt|feel|feels|looked|looks|seemed|seems) ",
    ),
    rule(
        "lose-loose",
        "usage",
        r"(?P<x>loose) "
        r"(?=(?:the|my|your|his|her|him|them|you|me|it|our|their|control|everything|sight|track|hope|weight)\b)",
        "lose",
        '"Lose" is to misplace or fail; "loose" is not tight.',
        before="(?:to|will|would|could|might|can|gonna|not|never|don't|didn't) ",
    ),
    rule(
        "loose-lose",
        "usage",
        r"(?P<x>lose)\b",
        "loose",
        '"Loose" is not tight; "lose" is to misplace or fail.',
        before="(?:break|broke|cut|set|hang|came|turned) ",
    ),
    rule(
        "have-of",
        "usage",
        r"(?P<x>of)\b(?! course)",
        "have",
        '"Would have" (would\'ve), not "would of".',
        before="(?:should|could|would|must|might)(?:n['’]t)? ",
    ),
    rule(
        "participle",
        "grammar",
        rf"(?<= )(?P<x>{words(_PARTICIPLES)})\b",
        lambda m: _PARTICIPLES[m.group("x").lower()],
        'After "had" or "have", use the past participle.',
        before="(?:had|has|have|hadn't|hasn't|haven't)(?: not| never| already| just)? ",
    ),
    rule(
        "wrapped",
        "usage",
        rf"(?P<x>{words(_WRAP)}) (?=(?:(?:her|his|their|my|your|our|its|the) (?:arms?|hands?|fingers|legs?|tail|"
        r"scarf|blanket|cloak|coat|robe)|around|round)\b)",
        lambda m: _WRAP[m.group("x").lower()],
        '"Rap" is to knock; arms are "wrapped".',
        IGNORE_CASE,
    ),
    rule(
        "breath",
        "usage",
        r"(?P<x>breathe)\b",
        "breath",
        'The noun is "breath"; "breathe" is the verb.',
        before="(?:a|deep|heavy|long|shaky|sharp|ragged|shuddering|shallow|his|her|my|their|your) ",
    ),
    rule(
        "cat-out-of-bag",
        "usage",
        r"(?P<x>cats) out of the bag\b",
        "cat's",
        'The idiom is "the cat\'s (cat is) out of the bag".',
        before="the ",
    ),
    rule(
        "a-few",
        "grammar",
        r"(?P<x>I) (?=(?:few|couple|lot|moment|while|bit|minute|week|month|year)\b)",
        "A",
        '"A few moments", not "I few moments".',
    ),
    rule(
        "a-an",
        "grammar",
        r"(?P<x>[Aa]) (?=(?!eu|ewe|one\b|once\b|oui)[aeio][a-z])",
        "an",
        'Before a vowel sound, write "an".',
    ),
    rule(
        "an-a",
        "grammar",
        r"(?P<x>[Aa]n) (?=[bcdfgjklmnpqrstvwz][a-z])",
        "a",
        'Before a consonant sound, write "a".',
    ),
)
