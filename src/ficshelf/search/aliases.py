"""AO3's fixed tag vocabulary as readers type it: short names for ratings, warnings and categories.

Used by the query parser (``rating:teen`` is ``rating:"Teen And Up Audiences"``). Language names and codes
live in ``ficshelf.languages``, shared with the importers, so queries and documents agree.
"""

from __future__ import annotations

RATING_ALIASES: dict[str, str] = {
    "g": "General Audiences",
    "general": "General Audiences",
    "general audiences": "General Audiences",
    "t": "Teen And Up Audiences",
    "teen": "Teen And Up Audiences",
    "teen and up": "Teen And Up Audiences",
    "teen and up audiences": "Teen And Up Audiences",
    "m": "Mature",
    "mature": "Mature",
    "e": "Explicit",
    "explicit": "Explicit",
    "nr": "Not Rated",
    "not rated": "Not Rated",
    "unrated": "Not Rated",
}

WARNING_ALIASES: dict[str, str] = {
    "none": "No Archive Warnings Apply",
    "no warnings": "No Archive Warnings Apply",
    "no archive warnings apply": "No Archive Warnings Apply",
    "cnw": "Creator Chose Not To Use Archive Warnings",
    "choose not to warn": "Creator Chose Not To Use Archive Warnings",
    "chose not to warn": "Creator Chose Not To Use Archive Warnings",
    "creator chose not to use archive warnings": "Creator Chose Not To Use Archive Warnings",
    "violence": "Graphic Depictions Of Violence",
    "graphic violence": "Graphic Depictions Of Violence",
    "graphic depictions of violence": "Graphic Depictions Of Violence",
    "mcd": "Major Character Death",
    "death": "Major Character Death",
    "character death": "Major Character Death",
    "major character death": "Major Character Death",
    "rape": "Rape/Non-Con",
    "noncon": "Rape/Non-Con",
    "non-con": "Rape/Non-Con",
    "rape/non-con": "Rape/Non-Con",
    "underage": "Underage",
    "underage sex": "Underage Sex",
}

CATEGORY_ALIASES: dict[str, str] = {
    "ff": "F/F",
    "f/f": "F/F",
    "fm": "F/M",
    "f/m": "F/M",
    "mf": "F/M",
    "m/f": "F/M",
    "mm": "M/M",
    "m/m": "M/M",
    "gen": "Gen",
    "multi": "Multi",
    "other": "Other",
    "none": "No category",
    "no category": "No category",
}


def expand_alias(aliases: dict[str, str], value: str) -> str:
    """The canonical tag for a typed alias ("teen" → "Teen And Up Audiences"); other values unchanged."""
    return aliases.get(" ".join(value.split()).casefold(), value)
