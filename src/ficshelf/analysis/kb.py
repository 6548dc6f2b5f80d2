"""The fandom knowledge base: fandoms, their characters (with every name a story may use) and ships.

Loaded once from the YAML files in ``analysis/fandoms/`` and then from ``FICSHELF_KNOWLEDGE_DIR`` (files
written by ``ficshelf learn``), which extend fandoms of the same name. See docs/knowledge-base.md.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ficshelf.errors import KnowledgeBaseError

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")

HONORIFICS = (
    "chan",
    "kun",
    "san",
    "sama",
    "sensei",
    "senpai",
    "sempai",
    "chin",
    "dono",
    "nii",
    "nee",
    "niisan",
    "neesan",
    "nii-san",
    "nee-san",
    "tan",
    "hime",
    "shishou",
    "baa-chan",
)


@dataclass(slots=True)
class Character:
    name: str
    tag: str
    fandom: str
    gender: str = "u"
    #: Lower-cased names that refer to this character (given, family, full, nicknames, aliases).
    names: set[str] = field(default_factory=set)
    #: Lower-cased titles and epithets ("the kazekage").
    titles: set[str] = field(default_factory=set)
    #: Lower-cased aliases matched only when capitalised or when the character is otherwise present.
    ambiguous: set[str] = field(default_factory=set)
    synonyms: list[str] = field(default_factory=list)
    major: bool = False
    #: Lower-cased family names ("potter"; both of "Lily Evans Potter"): a story's bare "Potter" may mean any
    #: character who carries it (see :meth:`Fandom.families`).
    family: set[str] = field(default_factory=set)
    #: The generation of the cast the character belongs to ("next generation"), or "" (see docs/knowledge-base.md).
    era: str = ""

    @property
    def all_forms(self) -> set[str]:
        return self.names | self.titles | self.ambiguous


@dataclass(slots=True)
class Ship:
    """A ship as fans name it; three or more members ("OT3", a polycule) are all kept, as AO3's "A/B/C" tag."""

    names: list[str]
    characters: tuple[str, ...]
    kind: str
    #: About how many AO3 works carry the relationship tag: its popularity prior (0 when unknown).
    works: int = 0

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every pair of members, as evaluation reads an "A/B/C" relationship tag."""
        return list(combinations(self.characters, 2))


@dataclass(slots=True)
class Fandom:
    name: str
    synonyms: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    characters: dict[str, Character] = field(default_factory=dict)
    ships: list[Ship] = field(default_factory=list)
    source: str = ""
    #: AO3 umbrella (meta) tags that contain this fandom ("Sherlock Holmes & Related Fandoms").
    umbrellas: list[str] = field(default_factory=list)
    #: About how many works AO3 lists under the fandom: its prior in fandom detection (0 when unknown).
    works: int = 0

    def families(self) -> dict[str, list[Character]]:
        """Family names two or more of the fandom's characters carry ("potter" → Harry, James, Lily …)."""
        members: dict[str, list[Character]] = {}
        for character in self.characters.values():
            for family in character.family:
                members.setdefault(family, []).append(character)
        return {family: found for family, found in members.items() if len(found) > 1}


@dataclass(slots=True, eq=False)
class KnowledgeBase:
    """Compared and hashed by identity, so caches can key on a loaded knowledge base."""

    fandoms: dict[str, Fandom]

    def fandom(self, name: str) -> Fandom | None:
        """A fandom by canonical name or any synonym, else by umbrella tag (case-insensitive)."""
        key = name.strip().lower()
        for fandom in self.fandoms.values():
            if fandom.name.lower() == key or key in (s.lower() for s in fandom.synonyms):
                return fandom
        for fandom in self.fandoms.values():
            if key in (u.lower() for u in fandom.umbrellas):
                return fandom
        return None

    def character(self, name: str) -> Character | None:
        """A character by canonical name, AO3 tag or tag synonym, in any fandom."""
        key = name.strip().lower()
        for fandom in self.fandoms.values():
            for character in fandom.characters.values():
                if key in (character.name.lower(), character.tag.lower()) or key in (
                    s.lower() for s in character.synonyms
                ):
                    return character
        return None


def builtin_dir() -> Path:
    return Path(str(resources.files("ficshelf.analysis") / "fandoms"))


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    text = (resources.files("ficshelf") / "schemas" / "fandom.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def load_file(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        jsonschema.validate(data, _schema())
    except (OSError, yaml.YAMLError) as err:
        raise KnowledgeBaseError(f"{path.name}: cannot load: {err}") from None
    except jsonschema.ValidationError as err:
        where = "/".join(str(p) for p in err.absolute_path)
        raise KnowledgeBaseError(f"{path.name}: {where}: {err.message}") from None
    result: dict[str, Any] = data
    return result


def load(dirs: list[Path] | None = None) -> KnowledgeBase:
    """Load every ``*.yaml`` in the given folders (default: the built-in ones), later files extending earlier."""
    kb = KnowledgeBase(fandoms={})
    for folder in dirs if dirs is not None else [builtin_dir()]:
        for path in sorted(folder.glob("*.yaml")):
            _merge(kb, load_file(path), path.name)
    return kb


@lru_cache(maxsize=4)
def load_default(extra: str | None = None) -> KnowledgeBase:
    """The built-in knowledge base, extended by ``extra`` (FICSHELF_KNOWLEDGE_DIR) when given; cached."""
    dirs = [builtin_dir()]
    if extra:
        dirs.append(Path(extra))
    return load(dirs)


def _merge(kb: KnowledgeBase, data: dict[str, Any], source: str) -> None:
    name = data["fandom"]
    fandom = kb.fandoms.get(name)
    if fandom is None:
        fandom = kb.fandoms[name] = Fandom(name=name, source=source)
    fandom.synonyms += [s for s in data.get("synonyms", []) if s not in fandom.synonyms]
    fandom.related += [s for s in data.get("related", []) if s not in fandom.related]
    fandom.vocabulary += [s for s in data.get("vocabulary", []) if s not in fandom.vocabulary]
    fandom.umbrellas += [s for s in data.get("umbrellas", []) if s not in fandom.umbrellas]
    fandom.works = max(fandom.works, int(data.get("works", 0)))
    entries = data.get("characters", [])
    shared_family = _shared(entries, "family")
    for entry in entries:
        character = fandom.characters.get(entry["name"])
        if character is None:
            character = fandom.characters[entry["name"]] = Character(
                name=entry["name"], tag=entry.get("tag", entry["name"]), fandom=name
            )
        _fill(character, entry, shared_family)
    for ship in data.get("ships", []):
        members = tuple(dict.fromkeys(ship["characters"]))
        fandom.ships.append(
            Ship(names=list(ship["names"]), characters=members, kind=ship["kind"], works=int(ship.get("works", 0)))
        )


def _shared(entries: list[dict[str, Any]], key: str) -> set[str]:
    counts = Counter(e[key].lower() for e in entries if e.get(key))
    return {k for k, n in counts.items() if n > 1}


def _fill(character: Character, entry: dict[str, Any], shared_family: set[str]) -> None:
    character.gender = entry.get("gender", character.gender)
    character.major = bool(entry.get("major", character.major))
    character.era = entry.get("era", character.era)
    character.synonyms += entry.get("synonyms", [])
    names = {a.lower() for a in entry.get("aliases", [])}
    if _is_group_tag(entry):
        # "Death Eaters", "Original Female Character(s)": a tag authors use, not a name a story uses.
        return
    names |= _tag_names(character.name) | _tag_names(character.tag)
    given, family = entry.get("given", ""), entry.get("family", "")
    character.family |= _family_names(character.name, given, family)
    if given and family:
        names |= {f"{given} {family}".lower(), f"{family} {given}".lower(), given.lower()}
    elif given:
        names.add(given.lower())
    if family and family.lower() not in shared_family:  # with or without a given name ("Lockhart", "Sans")
        names.add(family.lower())
    for synonym in entry.get("synonyms", []):
        names |= _tag_names(synonym)
    ambiguous = {a.lower() for a in entry.get("ambiguous", [])}
    # A one-word name of two letters ("Me", "Bo", "Al", a synonym tag "RM") is too often a word: ambiguous by rule;
    # not two Chinese characters or kana ("哈利"), which make a whole given name.
    ambiguous |= {n for n in names if " " not in n and len(n) <= 2 and not _CJK.search(n)}
    character.names |= names - ambiguous
    character.ambiguous |= ambiguous
    character.titles |= {t.lower() for t in entry.get("titles", [])}


def _is_group_tag(entry: dict[str, Any]) -> bool:
    return entry.get("gender", "u") == "u" and not any(
        entry.get(k) for k in ("given", "family", "aliases", "titles", "ambiguous")
    )


def _family_names(name: str, given: str, family: str) -> set[str]:
    """The family name, and for a character with a given name the later words of the canonical name ("Lily
    Evans Potter": evans, potter); not the given name, which comes first or last ("Uchiha Itachi"). A name
    without a given one ("Ninth Doctor", "Female Hawke") has no family in it."""
    found = {family.lower()} if family else set()
    if given:
        words = name.split("|")[0].split(" (")[0].split()
        found |= {w.lower() for w in words[1:] if w.isalpha() and w[:1].isupper() and len(w) > 2}
    return found - {given.lower()}


def _tag_names(tag: str) -> set[str]:
    """The names inside an AO3 tag: "Maito Gai | Might Guy" gives both; "Gaara (Naruto)" gives "gaara"."""
    return {part.split(" (")[0].strip().lower() for part in tag.split("|") if part.strip()}
