"""Characters: knowledge-base mentions resolved within the detected fandoms, plus names the base lacks.

Resolution, in two passes over the hits:
1. names and titles that point at one character of the detected fandoms are taken; a name shared by several
   characters ("James") goes to the one with the most unshared mentions, then to the major one;
2. ambiguous forms ("Lee", "Will") are taken only for characters already present, or used as a name:
   capitalised mid-sentence twice, followed by an honorific ("Guy-sensei"), or capitalised twice and never
   in lower case; a lower-case form ("lee") only where the capitalised form dominates.
Names the knowledge base lacks are discovered as capitalised words seen three or more times in mid-sentence
that the text never writes in lower case (so "Tea" or "Spring" at a sentence start are not names).
Roles: a character is main when their mentions reach half the most-mentioned character's (a POV header
naming them counts their mentions 1.5 times).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ficshelf.analysis.analysers.discovery import discover_names, sentence_initial
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import Character
from ficshelf.analysis.matcher import AMBIGUOUS, NAME, VOCAB, Entry, Hit
from ficshelf.analysis.results import CharacterResult

_MAIN_SHARE = 0.5
_POV_BOOST = 1.5
_HONORIFIC = re.compile(r"[- ]?(?:chan|kun|san|sama|sensei|senpai|sempai|dono|nii|nee)\b", re.I)
_MIN_MAIN_MENTIONS = 3
_MIN_OUTSIDE = 3
_MIN_OUTSIDE_UNNAMED = 5
#: a known character is suggested as a tag with this many mentions and this share of the top one's
_SUGGEST_MENTIONS = 4
_SUGGEST_SHARE = 0.05


class CharactersAnalyser:
    name = "characters"
    version = 1
    requires = ("text", "hits", "fandoms")
    provides = ("characters",)

    def __call__(self, doc: Doc) -> None:
        allowed = _allowed_fandoms(doc)
        found: dict[str, list[tuple[Hit, Character]]] = defaultdict(list)
        chars: dict[str, Character] = {}
        unshared: Counter[str] = Counter()
        shared_hits: list[tuple[Hit, list[Character]]] = []
        ambiguous_hits: list[tuple[Hit, list[Character]]] = []
        mixed: list[tuple[Hit, list[Character], list[Character]]] = []
        outside: list[tuple[Hit, list[Entry]]] = []
        for hit in doc.hits:
            named: list[Character] = []
            vague: list[Character] = []
            for e in hit.entries:  # one pass over the entries (hot loop)
                if e.character and e.fandom in allowed:
                    (vague if e.kind == AMBIGUOUS else named).append(e.character)
            if not named and not vague:
                other = [e for e in hit.entries if e.character and e.kind == NAME]
                if other:
                    outside.append((hit, other))
                continue
            if named and vague:
                mixed.append((hit, named, vague))
            elif len(named) == 1:
                chars[named[0].name] = named[0]
                found[named[0].name].append((hit, named[0]))
                unshared[named[0].name] += 1
            elif named:
                shared_hits.append((hit, named))
            elif vague and not any(e.kind == VOCAB for e in hit.entries):
                ambiguous_hits.append((hit, vague))
        for hit, named, vague in mixed:
            # "Sakura": a plain name in one fandom, an ambiguous one in another whose character is present
            present = [c for c in vague if unshared[c.name]]
            if present or len(named) > 1:
                shared_hits.append((hit, named + present))
            else:
                chars[named[0].name] = named[0]
                found[named[0].name].append((hit, named[0]))
                unshared[named[0].name] += 1
        for hit, candidates in shared_hits:
            best = max(candidates, key=lambda c: (unshared[c.name], c.major, -len(c.name)))
            chars[best.name] = best
            found[best.name].append((hit, best))
        accepted = _accepted_ambiguous(doc.text, ambiguous_hits, found)
        for hit, candidates in ambiguous_hits:
            present = [c for c in candidates if c.name in accepted]
            if present and (hit.surface[:1].isupper() or accepted[present[0].name].lowercase_ok):
                best = max(present, key=lambda c: (len(found.get(c.name, ())), accepted[c.name].strength, c.major))
                chars[best.name] = best
                found[best.name].append((hit, best))
        listed = {f.name for f in doc.fandoms}
        for name, (character, hits) in _outside(outside, listed).items():
            if name not in found:
                chars[name] = character
                found[name] = [(h, character) for h in hits]
        results = [_result(chars[name], mentions) for name, mentions in found.items()]
        covered = [(h.start, h.end) for h in doc.hits]
        english = doc.language in ("en", "", "und")
        for name, spans in (discover_names(doc.text, covered) if english else {}).items():
            results.append(
                CharacterResult(
                    name=name,
                    tag=name,
                    gender="u",
                    role="mentioned",
                    mentions=len(spans),
                    aliases=[name],
                    known=False,
                    spans=spans,
                )
            )
        headers = [h.text.lower() for h in doc.structure.section_headers] if doc.structure else []
        _assign_roles(results, headers)
        results.sort(key=lambda r: (r.role != "main", -r.mentions, r.name))
        doc.characters = results


def _outside(hits: list[tuple[Hit, list[Entry]]], listed: set[str]) -> dict[str, tuple[Character, list[Hit]]]:
    """Characters of a crossover's second fandom: named in full at least once, by a name no other character has,
    and named three times or more; or, when that fandom is detected but weaker than the first, named by any name
    five times or more.
    A shared name goes to the candidate of a detected fandom, then to the one named in full most."""
    full: Counter[str] = Counter()
    for hit, entries in hits:
        if len({e.character.name for e in entries if e.character}) == 1 and " " in hit.surface.strip():
            full[entries[0].character.name if entries[0].character else ""] += 1
    taken: dict[str, tuple[Character, list[Hit]]] = {}
    for hit, entries in hits:
        best = max(entries, key=lambda e: (e.fandom in listed, full[_name(e)], _major(e), -len(_name(e))))
        if best.character and (best.fandom in listed or full[best.character.name]):
            taken.setdefault(best.character.name, (best.character, []))[1].append(hit)
    return {
        name: found
        for name, found in taken.items()
        if len(found[1]) >= (_MIN_OUTSIDE if full[name] else _MIN_OUTSIDE_UNNAMED)
    }


def _name(entry: Entry) -> str:
    return entry.character.name if entry.character else ""


def _major(entry: Entry) -> bool:
    return bool(entry.character and entry.character.major)


def _allowed_fandoms(doc: Doc) -> set[str]:
    if not doc.fandoms:
        return set()
    allowed = {f.name for f in doc.fandoms if f.score >= 0.5}
    return allowed


def _result(character: Character, mentions: list[tuple[Hit, Character]]) -> CharacterResult:
    surfaces = Counter(_alias_form(h.surface) for h, _ in mentions)
    spans = sorted((h.start, h.end) for h, _ in mentions)
    return CharacterResult(
        name=character.name,
        tag=character.tag,
        gender=character.gender,
        role="mentioned",
        mentions=len(mentions),
        aliases=[s for s, _ in surfaces.most_common()],
        known=True,
        spans=spans,
    )


def _alias_form(surface: str) -> str:
    return " ".join(surface.split())


def _assign_roles(results: list[CharacterResult], headers: list[str]) -> None:
    """Main when a character's weight reaches half the top one's; a POV header naming them counts 1.5x."""
    weight = {
        r.name: r.mentions * (_POV_BOOST if any(a.lower() in h for a in r.aliases for h in headers) else 1.0)
        for r in results
    }
    top = max((weight[r.name] for r in results if r.known), default=0.0)
    for r in results:
        r.score = round(min(1.0, weight[r.name] / top), 3) if top else 0.0
        if r.known and r.mentions >= _MIN_MAIN_MENTIONS and weight[r.name] >= top * _MAIN_SHARE:
            r.role = "main"
        r.suggested = r.known and (
            r.role == "main" or (r.mentions >= _SUGGEST_MENTIONS and weight[r.name] >= top * _SUGGEST_SHARE)
        )


@dataclass(frozen=True, slots=True)
class _Acceptance:
    strength: int
    lowercase_ok: bool


def _accepted_ambiguous(
    text: str, hits: list[tuple[Hit, list[Character]]], found: dict[str, list[tuple[Hit, Character]]]
) -> dict[str, _Acceptance]:
    """Characters whose ambiguous names are used as names here: capitalised mid-sentence twice, followed by
    an honorific, or capitalised twice and never written in lower case; or already present by another name."""
    mid: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    lowercase: Counter[str] = Counter()
    for hit, candidates in hits:
        upper = hit.surface[:1].isupper()
        honorific = bool(_HONORIFIC.match(text, hit.end))
        for c in candidates:
            if upper:
                capitalised[c.name] += 1
                if honorific:
                    mid[c.name] += 2
                elif not sentence_initial(text, hit.start):
                    mid[c.name] += 1
            else:
                lowercase[c.name] += 1
    accepted: dict[str, _Acceptance] = {}
    for name in capitalised.keys() | lowercase.keys():
        if name in found or mid[name] >= 2 or (capitalised[name] >= 2 and not lowercase[name]):
            lowercase_ok = capitalised[name] >= 3 and lowercase[name] * 5 <= capitalised[name]
            accepted[name] = _Acceptance(mid[name] + capitalised[name], lowercase_ok)
    return accepted
