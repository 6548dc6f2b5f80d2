"""Characters: knowledge-base mentions resolved within the detected fandoms, plus names the base lacks.

Resolution, in two passes over the hits:
1. names and titles that point at one character of the detected fandoms are taken; a name shared by several
   characters ("James") goes to the one with the most unshared mentions, then to the major one;
2. ambiguous forms ("Lee", "Will") are taken only for characters already present, or used as a name:
   capitalised mid-sentence twice, followed by an honorific ("Guy-sensei"), or capitalised twice and never
   in lower case; a lower-case form ("lee") only where the capitalised form dominates.
A bare family name several characters carry ("Potter") then goes to the family member the work names most by
other names; a name shared across generations ("Albus") to the era the work names (see ``_era_choice``). Works
not in English add the loose matches fandom detection reads (inflected and unspaced names). Characters the
author names in the summary or notes are listed with that sentence as evidence (paratext_names.py).
Names the knowledge base lacks are discovered as capitalised words seen three or more times in mid-sentence
that the text never writes in lower case (so "Tea" or "Spring" at a sentence start are not names).
Roles: a character is main when their mentions reach half the most-mentioned character's (a POV header
naming them counts their mentions 1.5 times).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from ficshelf.analysis.analysers.discovery import discover_names, sentence_initial
from ficshelf.analysis.analysers.fandom import default_kb
from ficshelf.analysis.analysers.paratext_names import paratext, paratext_names, text_is_partial
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.kb import Character, KnowledgeBase
from ficshelf.analysis.matcher import AMBIGUOUS, NAME, VOCAB, Entry, Hit, matcher_for
from ficshelf.analysis.results import CharacterResult

_ENGLISH = ("en", "", "und")
#: a family member named otherwise takes a bare family name from its default holder when named at least a
#: quarter as often as the family name is written bare
_FAMILY_SHARE = 4
_MAIN_SHARE = 0.5
_POV_BOOST = 1.5
_HONORIFIC = re.compile(r"[- ]?(?:chan|kun|san|sama|sensei|senpai|sempai|dono|nii|nee)\b", re.I)
_MIN_MAIN_MENTIONS = 3
_MIN_OUTSIDE = 3
_MIN_OUTSIDE_UNNAMED = 5
#: a known character is suggested as a tag with this many mentions and this share of the top one's
_SUGGEST_MENTIONS = 5
_SUGGEST_SHARE = 0.05


class CharactersAnalyser:
    name = "characters"
    version = 2
    requires = ("text", "stats", "hits", "fandoms")
    provides = ("characters",)

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        kb = kb or default_kb()
        self.families = families_of(kb)
        self.matcher = matcher_for(kb)

    def __call__(self, doc: Doc) -> None:
        allowed = _allowed_fandoms(doc)
        found: dict[str, list[tuple[Hit, Character]]] = defaultdict(list)
        chars: dict[str, Character] = {}
        unshared: Counter[str] = Counter()
        shared_hits: list[tuple[Hit, list[Character]]] = []
        ambiguous_hits: list[tuple[Hit, list[Character]]] = []
        mixed: list[tuple[Hit, list[Character], list[Character]]] = []
        outside: list[tuple[Hit, list[Entry]]] = []
        english = doc.language in _ENGLISH
        hits = doc.hits
        if not english:  # inflected ("Малфоя") and unspaced ("哈利看着德拉科") names, as fandom detection reads them
            hits = sorted(hits + doc.loose_hits, key=lambda h: h.start)
        for hit in hits:
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
        eras = _eras(chars, unshared)
        for hit, candidates in shared_hits:
            era = _era_choice(candidates, eras, unshared)
            best = max(candidates, key=lambda c: (c is era, unshared[c.name], c.major, -len(c.name)))
            chars[best.name] = best
            found[best.name].append((hit, best))
        accepted = _accepted_ambiguous(doc.text, ambiguous_hits, found)
        for hit, candidates in ambiguous_hits:
            present = [c for c in candidates if c.name in accepted]
            if present and (hit.surface[:1].isupper() or accepted[present[0].name].lowercase_ok):
                era = _era_choice(present, eras, unshared)
                best = max(
                    present,
                    key=lambda c: (c is era, len(found.get(c.name, ())), accepted[c.name].strength, c.major),
                )
                chars[best.name] = best
                found[best.name].append((hit, best))
        bare = _share_family_names(found, chars, self.families)
        listed = {f.name for f in doc.fandoms}
        for name, (character, hits) in _outside(outside, listed).items():
            if name not in found:
                chars[name] = character
                found[name] = [(h, character) for h in hits]
        results = [_result(chars[name], mentions) for name, mentions in found.items()]
        covered = [(h.start, h.end) for h in doc.hits]
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
        by_name = {r.name: r for r in results}
        parts = paratext(doc.work)
        partial = text_is_partial(doc.work, doc.stats.words if doc.stats else 0)
        for name, (character, sentences) in paratext_names(parts, self.matcher, allowed, set(self.families)).items():
            if name not in by_name:
                if not partial:  # a whole text that never names them: the summary's plot, not a character
                    continue
                by_name[name] = _result(character, [])  # the chapters not read may name them
                results.append(by_name[name])
            by_name[name].evidence = sentences
        headers = [h.text.lower() for h in doc.structure.section_headers] if doc.structure else []
        _assign_roles(results, headers, {n for n, k in bare.items() if k == len(found.get(n, ()))})
        results.sort(key=lambda r: (r.role != "main", -r.mentions, r.name))
        doc.characters = results


def _eras(chars: dict[str, Character], unshared: Counter[str]) -> Counter[str]:
    """How many characters of each era ("next generation") the work names by names of their own."""
    eras: Counter[str] = Counter(c.era for name, c in chars.items() if c.era and unshared[name])
    eras[""] = 0
    return eras


def _era_choice(candidates: list[Character], eras: Counter[str], unshared: Counter[str]) -> Character | None:
    """The candidate of the era the story is set in: two or more of its era named, or one while no candidate
    of another era is named by a name of their own ("Albus Dumbledore")."""
    best = max(candidates, key=lambda c: eras[c.era])
    rivals = any(unshared[c.name] for c in candidates if c.era != best.era)
    return best if eras[best.era] >= 2 or (eras[best.era] == 1 and not rivals) else None


#: (fandom, lower-cased family name) → the fandom's characters who carry it, for families two or more share
Families = dict[tuple[str, str], list[Character]]


@lru_cache(maxsize=4)
def families_of(kb: KnowledgeBase) -> Families:
    return {(f.name, family): members for f in kb.fandoms.values() for family, members in f.families().items()}


def _share_family_names(
    found: dict[str, list[tuple[Hit, Character]]], chars: dict[str, Character], families: Families
) -> dict[str, int]:
    """A bare family name ("Potter", "Malfoy") goes to the family member the work names most by other names
    (James in a Marauders story, Harry in his own), not to the one the knowledge base gives it by default; when
    no member is named otherwise, or the one named is named far less often (under a quarter as often) than the
    bare family name, it stays with that one. Returns how many bare family names each character keeps.
    """
    bare: dict[tuple[str, str], list[tuple[Hit, Character]]] = defaultdict(list)
    for name, mentions in found.items():
        character = chars[name]
        family = {f for f in character.family if (character.fandom, f) in families}
        if not family:
            continue
        kept = []
        for hit, holder in mentions:
            surface = hit.surface.strip().lower()
            if surface in family:
                bare[(holder.fandom, surface)].append((hit, holder))
            else:
                kept.append((hit, holder))
        if len(kept) < len(mentions):
            found[name] = kept
    counts: Counter[str] = Counter()
    for key, hits in bare.items():
        owner = hits[0][1]
        best = owner
        if not found.get(owner.name):
            best = max(families[key], key=lambda c: (len(found.get(c.name, ())), c is owner, c.major))
            # "Holmes" 200 times and "Mycroft" 5: the bare name is someone the text never names otherwise
            best = best if len(found.get(best.name, ())) * _FAMILY_SHARE >= len(hits) else owner
        chars[best.name] = best
        found.setdefault(best.name, []).extend((hit, best) for hit, _ in hits)
        counts[best.name] += len(hits)
    for name in [n for n, mentions in found.items() if not mentions]:
        del found[name]
    return counts


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


def _assign_roles(results: list[CharacterResult], headers: list[str], family_only: set[str]) -> None:
    """Main when a character's weight reaches half the top one's; a POV header naming them counts 1.5x.
    Suggested: a known character the author names in the summary or notes, or who is main, or has five or more
    mentions and 5% of the top one's; a side character named only by a family name others share is not (which
    of them is it?)."""
    weight = {
        r.name: r.mentions * (_POV_BOOST if any(a.lower() in h for a in r.aliases for h in headers) else 1.0)
        for r in results
    }
    top = max((weight[r.name] for r in results if r.known), default=0.0)
    for r in results:
        r.score = round(min(1.0, weight[r.name] / top), 3) if top else 0.0
        if r.known and r.mentions >= _MIN_MAIN_MENTIONS and weight[r.name] >= top * _MAIN_SHARE:
            r.role = "main"
        enough = r.role == "main" or (r.mentions >= _SUGGEST_MENTIONS and weight[r.name] >= top * _SUGGEST_SHARE)
        named = r.name not in family_only or r.role == "main"
        r.suggested = r.known and (bool(r.evidence) or (named and enough))


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
