"""Cues for ratings, warnings, freeform genre tags and content notes (AO3's canonical tag names)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ficshelf.analysis.cue_scan import CueMatches, CueScanner
from ficshelf.analysis.cues import Lexicon, lexicon

RATINGS = ("General Audiences", "Teen And Up Audiences", "Mature", "Explicit")

#: (cues, how many sentences with cues it takes) for Teen, Mature, Explicit in turn.
RATING_CUES: tuple[tuple[Lexicon, int], ...] = (
    (
        lexicon(
            {
                r"blood(?:y|ied)?": 1,
                r"bleed\w*": 1,
                r"bruis\w*": 1,
                r"punch(?:ed|es|ing)?\b": 1,
                r"damn\w*": 1,
                r"hell\b": 1,
                r"bastard": 1,
                r"shit\w*": 1,
                r"bitch\w*": 1,
                r"wound\w*": 1,
                r"kill\w*": 1,
                r"dead": 1,
                r"corpse": 1,
                r"weapon": 1,
                r"scream\w*": 1,
                r"gay": 1,
                r"drunk": 1,
            }
        ),
        2,
    ),
    (
        lexicon(
            {
                r"fuck\w*": 1,
                r"naked": 1,
                r"moan\w*": 1,
                r"thrust(?:s|ed|ing)?\b": 1,
                r"torture\w*": 1,
                r"gore": 1,
                r"sex\w*": 1,
                r"nipples?": 1,
                r"arous\w*": 1,
                r"groan(?:ed)? into": 1,
                r"erection": 1,
                r"entrails": 1,
                r"mutilat\w*": 1,
            }
        ),
        2,
    ),
    (
        lexicon(
            {
                r"cocks?\b": 1,
                r"cum(?:s|ming|med)?\b": 1,
                r"penis": 1,
                r"clit\w*": 1,
                r"orgasm\w*": 1,
                r"(?-i:dick)\b": 1,  # lower case: "Dick Grayson" is a name
                r"pussy": 1,
                r"blowjob": 1,
                r"semen": 1,
                r"lube\w*": 1,
                r"fingered": 1,
                r"anal\b": 1,
            }
        ),
        4,
    ),
)

WARNING_CUES: tuple[tuple[str, Lexicon, int], ...] = (
    ("Rape/Non-Con", lexicon({r"rap(?:e|ed|ing|ist)": 1, r"non-?con\w*": 1, r"forced (?:himself|herself) on": 1}), 2),
    (
        "Major Character Death",
        lexicon(
            {
                r"(?:he|she) died": 1,
                r"was dead": 1,
                r"funeral": 1,
                r"killed him": 1,
                r"killed her": 1,
                r"his death": 1,
                r"her death": 1,
            }
        ),
        3,
    ),
    (
        "Graphic Depictions Of Violence",
        lexicon(
            {
                r"gore": 1,
                r"entrails": 1,
                r"disembowel\w*": 1,
                r"severed": 1,
                r"decapitat\w*": 1,
                r"mutilat\w*": 1,
                r"blood spurt\w*": 1,
                r"torture\w*": 1,
            }
        ),
        3,
    ),
)

FREEFORMS: tuple[tuple[str, Lexicon, int], ...] = (
    (
        "Angst",
        lexicon(
            {
                r"tears?": 1,
                r"cr(?:y|ied|ying)": 1,
                r"sob\w*": 1,
                r"pain(?:ful)?": 1,
                r"hurt": 1,
                r"heartbr\w*": 1,
                r"despair": 1,
                r"grief": 1,
                r"lonel\w*": 1,
            }
        ),
        4,
    ),
    (
        "Fluff",
        lexicon(
            {
                r"cute": 1,
                r"giggl\w*": 1,
                r"cuddl\w*": 1,
                r"blush\w*": 1,
                r"beam\w*": 1,
                r"snuggl\w*": 1,
                r"sweet(?:ly)?": 1,
                r"grinn?\w*": 1,
            }
        ),
        4,
    ),
    (
        "Hurt/Comfort",
        lexicon(
            {r"comfort\w*": 2, r"injur\w*": 1, r"wound\w*": 1, r"bandag\w*": 1, r"sooth\w*": 1, r"tend(?:ed)? to": 1}
        ),
        4,
    ),
    ("Humor", lexicon({r"laugh\w*": 1, r"joke\w*": 1, r"chuckl\w*": 1, r"snicker\w*": 1}), 5),
    ("Friendship", lexicon({r"friends?": 1, r"friendship": 1}), 4),
    (
        "Unrequited Love",
        lexicon(
            {r"unrequited": 2, r"don't love me": 2, r"never loved": 2, r"not love me": 2, r"no real emotions for": 2}
        ),
        1,
    ),
    ("Rivalry", lexicon({r"rivals?": 1, r"rivalry": 1, r"surpass\w*": 1}), 2),
    ("Alternate Universe", lexicon({r"\bAU\b": 1, r"alternate universe": 1}), 1),
    ("Kissing", lexicon({r"kiss(?:ed|es|ing)?": 1}), 5),
    (
        "Time Travel",
        lexicon(
            {r"time[- ]travel\w*": 1, r"travell?ed back in time": 1, r"sent back in time": 1, r"time[- ]turner": 1}
        ),
        2,
    ),
    (
        "Violence",
        lexicon(
            {
                r"stabb(?:ed|ing)": 1,
                r"punch(?:ed|es|ing)": 1,
                r"slit (?:his|her|their) throat": 1,
                r"beat(?:en|ing)? (?:him|her|them) up": 1,
                r"murder\w*": 1,
                r"blood spurt\w*": 1,
                r"gore": 1,
                r"tortur\w*": 1,
            }
        ),
        5,
    ),
    ("Torture", lexicon({r"tortur\w*": 1}), 3),
    (
        "Swearing",
        lexicon({r"fuck\w*": 1, r"shit\w*": 1, r"bitch\w*": 1, r"bastard": 1, r"asshole": 1, r"bloody hell": 1}),
        10,
    ),
)
#: Sentences with explicit sexual cues (the Explicit rating's lexicon) that make a work "Smut".
SMUT_MINIMUM = 8


CONTENT_NOTES: tuple[tuple[str, Lexicon, int], ...] = (
    ("blood", lexicon({r"blood\w*": 1, r"bleed\w*": 1, r"bled": 1}), 1),
    ("injury", lexicon({r"injur\w*": 1, r"wound\w*": 1, r"bruis\w*": 1, r"broken (?:arm|leg|rib)s?": 1}), 1),
    (
        "self-harm",
        lexicon({r"self[- ]harm\w*": 1, r"cut (?:himself|herself|myself)": 1, r"until (?:his|her) knuckles bled": 1}),
        1,
    ),
    ("death", lexicon({r"died": 1, r"death": 1, r"dead": 1, r"killed": 1}), 2),
)


@dataclass(frozen=True, slots=True)
class TagCueMatches:
    """Each cue table's matches, in table order."""

    rating: list[CueMatches]
    warnings: list[CueMatches]
    freeforms: list[CueMatches]
    content_notes: list[CueMatches]


def scan_tag_cues(text: str) -> TagCueMatches:
    """Every rating, warning, freeform and content-note lexicon's matches, in one pass over the text."""
    found = _scanner().scan(text)
    sizes = [len(RATING_CUES), len(WARNING_CUES), len(FREEFORMS), len(CONTENT_NOTES)]
    parts, at = [], 0
    for size in sizes:
        parts.append(found[at : at + size])
        at += size
    return TagCueMatches(*parts)


@lru_cache(maxsize=1)
def _scanner() -> CueScanner:
    lexicons = [lex for lex, _ in RATING_CUES]
    lexicons += [lex for _, lex, _ in (*WARNING_CUES, *FREEFORMS, *CONTENT_NOTES)]
    return CueScanner(lexicons)
