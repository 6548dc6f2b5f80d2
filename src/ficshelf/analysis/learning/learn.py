"""Mining author-tagged works for knowledge-base entries (docs/knowledge-base.md, "Learning").

1. **Fandoms**: each work counts for every fandom it is tagged with; a tag the knowledge base knows (by name,
   synonym or umbrella) is that fandom, any other tag a new fandom (spellings that normalise alike are one).
2. **Characters**: a character tag the knowledge base does not know belongs to the fandom, among those tagged
   on at least half of its works, whose works it is tagged on most often (the greatest lift: a Naruto
   character in Harry Potter crossovers is Naruto's, not Harry Potter's). Its names are the tag's own
   ("Tom Riddle | Voldemort"; "Gaara (Naruto)" → "Gaara"), each word of the tag that the works use as a name
   mid-sentence and no other character's tag contains, and capitalised words that 60% of the character's
   works use and other works hardly do (``min_lift`` × 2.5 times less often), unless they are words of the
   fandom, of the knowledge base, or found beside two characters. A known character gets only new names.
3. **Vocabulary**: terms (capitalised mid-sentence words and pairs, and lower-case words) whose share of a
   fandom's works stands out against the other fandoms' works: log-odds z-score at least ``min_z``, lift at
   least ``min_lift``, in at least ``min_support`` works; names of characters are left to the characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ficshelf.analysis.kb import KnowledgeBase
from ficshelf.analysis.learning.corpus import TaggedWork, tag_names
from ficshelf.tag_names import clean

_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")


_EVERYDAY = 0.02


@dataclass(frozen=True, slots=True)
class LearnOptions:
    min_support: int = 2
    min_z: float = 2.5
    min_lift: float = 4.0
    max_vocabulary: int = 60


@dataclass(slots=True)
class Learned:
    """Knowledge-base file contents by file stem: new fandoms, and extensions of known ones."""

    new: dict[str, dict[str, Any]] = field(default_factory=dict)
    extensions: dict[str, dict[str, Any]] = field(default_factory=dict)
    works: int = 0


@dataclass(slots=True)
class _Fandom:
    name: str
    known: bool
    works: list[TaggedWork] = field(default_factory=list)
    spellings: Counter[str] = field(default_factory=Counter)
    characters: dict[str, list[str]] = field(default_factory=dict)  # tag -> names
    aliases: dict[str, list[str]] = field(default_factory=dict)  # known character -> new names


def learn(works: Iterable[TaggedWork], kb: KnowledgeBase, options: LearnOptions | None = None) -> Learned:
    opts = options or LearnOptions()
    corpus = list(works)
    fandoms, of_work = _fandoms(corpus, kb)
    _characters(corpus, fandoms, of_work, kb, opts)
    learned = Learned(works=len(corpus))
    for key, fandom in sorted(fandoms.items()):
        vocabulary = _vocabulary(key, fandom, corpus, of_work, kb, opts)
        data = _file(fandom, vocabulary, kb)
        if data is None:
            continue
        stem = _slug(fandom.name)
        if fandom.known:
            learned.extensions[f"{stem}.learned"] = data
        else:
            learned.new[stem] = data
    return learned


def _fandoms(corpus: list[TaggedWork], kb: KnowledgeBase) -> tuple[dict[str, _Fandom], dict[str, set[str]]]:
    fandoms: dict[str, _Fandom] = {}
    of_work: dict[str, set[str]] = {}
    for work in corpus:
        keys: set[str] = set()
        for tag in work.fandoms:
            known = kb.fandom(tag)
            key = f"kb:{known.name}" if known else clean(tag)
            fandom = fandoms.setdefault(key, _Fandom(known.name if known else tag, known is not None))
            if key not in keys:
                fandom.works.append(work)
            fandom.spellings[tag] += 1
            keys.add(key)
        of_work[work.id] = keys
    for fandom in fandoms.values():
        if not fandom.known:
            fandom.name = fandom.spellings.most_common(1)[0][0]
    return fandoms, of_work


def _characters(
    corpus: list[TaggedWork],
    fandoms: dict[str, _Fandom],
    of_work: dict[str, set[str]],
    kb: KnowledgeBase,
    opts: LearnOptions,
) -> None:
    tagged: dict[str, list[TaggedWork]] = defaultdict(list)
    spelling: dict[str, str] = {}
    for work in corpus:
        for tag in dict.fromkeys(work.characters):
            tagged[clean(tag)].append(work)
            spelling.setdefault(clean(tag), tag)
    words_of = {key: {w for n in tag_names(spelling[key]) for w in n.split()} for key in tagged}
    fandom_terms = {key: Counter(t for w in f.works for t in w.terms) for key, f in fandoms.items()}
    kb_words = {
        word
        for f in kb.fandoms.values()
        for form in (*f.vocabulary, *(n for c in f.characters.values() for n in c.all_forms))
        for word in form.lower().split()
    }
    shared = Counter(w for words in words_of.values() for w in words)
    proposed: Counter[str] = Counter()  # names found by co-occurrence, and for how many characters
    for key, with_tag in tagged.items():
        tag = spelling[key]
        together = Counter(f for w in with_tag for f in of_work[w.id])
        likely = [f for f in together if together[f] >= 0.5 * len(with_tag)]
        home = max(likely, key=lambda f: (together[f] / len(fandoms[f].works), f))
        fandom = fandoms[home]
        known = kb.character(tag)
        names = tag_names(tag)
        seen = Counter(t for w in with_tag for t in w.terms)
        parts = [
            w for w in words_of[key] if _NAME_WORD.fullmatch(w) and shared[w] == 1 and seen[w] >= min(2, len(with_tag))
        ]
        names += [p for p in sorted(parts) if p not in names]
        common = {t for t, n in fandom_terms[home].items() if n >= 0.4 * len(fandom.works)}
        for name in _co_occurring(seen, with_tag, corpus, opts):
            # neither another character's name, nor a word of the fandom or of the knowledge base
            if name not in names and name not in shared and name not in common and name.lower() not in kb_words:
                names.append(name)
                proposed[name] += 1
        if not any(seen[n] for n in names):
            continue  # the works never name the character: nothing to learn from them
        if known is None:
            fandom.characters[tag] = names
            continue
        own = fandoms.get(f"kb:{known.fandom}")  # a known character's new names go to its own fandom
        new = [n for n in names if n.lower() not in known.all_forms and seen[n]]
        if own is not None and new:
            own.aliases.setdefault(known.name, []).extend(n for n in new if n not in own.aliases.get(known.name, []))
    for fandom in fandoms.values():  # a word found beside several characters names none of them
        for group in (fandom.characters, fandom.aliases):
            for key, names in group.items():
                group[key] = [n for n in names if proposed[n] < 2]


def _co_occurring(
    seen: Counter[str], with_tag: list[TaggedWork], corpus: list[TaggedWork], opts: LearnOptions
) -> list[str]:
    """Capitalised words that most of a character's works use and other works seldom do (at least
    ``min_lift`` × 2.5 times less often): names the tag does not spell ("Kurama" beside "Kyuubi")."""
    n = len(with_tag)
    if n < 3:
        return []
    ids = {w.id for w in with_tag}
    others = [w for w in corpus if w.id not in ids]
    found = []
    for term, count in seen.items():
        if count < 0.6 * n or not _NAME_WORD.fullmatch(term):
            continue
        rest = sum(term in w.terms for w in others)
        if (count / n) >= 2.5 * opts.min_lift * (rest + 0.5) / (len(others) + 1):
            found.append(term)
    return sorted(found)[:4]


def _vocabulary(
    key: str,
    fandom: _Fandom,
    corpus: list[TaggedWork],
    of_work: dict[str, set[str]],
    kb: KnowledgeBase,
    opts: LearnOptions,
) -> list[str]:
    n_in = len(fandom.works)
    rest = [w for w in corpus if key not in of_work[w.id]]
    if n_in < opts.min_support or not rest:
        return []
    inside = Counter(t for w in fandom.works for t in (w.terms | w.words))
    outside = Counter(t for w in rest for t in (w.terms | w.words))
    # a capitalised term whose words are everyday lower-case words elsewhere ("Might", "Of") is no fandom term
    everyday = {t for t, n in (inside + outside).items() if t.islower() and n >= _EVERYDAY * len(corpus)}
    known = kb.fandom(fandom.name)
    taken = {v.lower() for v in known.vocabulary} if known else set()
    if known:
        taken |= {f for c in known.characters.values() for f in c.all_forms}
    taken |= {n.lower() for names in fandom.characters.values() for n in names}
    taken |= {n.lower() for names in fandom.aliases.values() for n in names}
    scored = []
    for term, y_in in inside.items():
        if y_in < opts.min_support or term.lower() in taken:
            continue
        y_out = outside[term]
        lift = (y_in / n_in) / ((y_out + 0.5) / (len(rest) + 1))
        z = _log_odds_z(y_in, n_in, y_out, len(rest))
        if term.islower() and (len(term) < 4 or y_in < max(3, 0.3 * n_in) or y_out > 0):
            continue
        if not term.islower() and all(w.lower() in everyday for w in term.split()):
            continue
        if z >= opts.min_z and lift >= opts.min_lift:
            scored.append((z, term))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [t for _, t in scored[: opts.max_vocabulary]]


def _log_odds_z(y_in: int, n_in: int, y_out: int, n_out: int, a: float = 0.5) -> float:
    """z-score of the log odds ratio of a term's document frequency inside against outside a fandom."""
    odds_in = (y_in + a) / (n_in - y_in + a)
    odds_out = (y_out + a) / (n_out - y_out + a)
    variance = 1 / (y_in + a) + 1 / (n_in - y_in + a) + 1 / (y_out + a) + 1 / (n_out - y_out + a)
    return math.log(odds_in / odds_out) / math.sqrt(variance)


def _file(fandom: _Fandom, vocabulary: list[str], kb: KnowledgeBase) -> dict[str, Any] | None:
    characters: list[dict[str, Any]] = []
    for tag, names in sorted(fandom.characters.items()):
        entry: dict[str, Any] = {"name": names[0]}
        if tag != names[0]:
            entry["tag"] = tag
        entry["gender"] = "u"
        entry["aliases"] = names
        characters.append(entry)
    for name, aliases in sorted(fandom.aliases.items()):
        characters.append({"name": name, "aliases": aliases})
    if not characters and not vocabulary:
        return None
    data: dict[str, Any] = {"fandom": fandom.name}
    if not fandom.known:
        others = [s for s, _ in fandom.spellings.most_common() if s != fandom.name]
        if others:
            data["synonyms"] = others
    if vocabulary:
        data["vocabulary"] = vocabulary
    data["characters"] = _unique(characters)
    return data


def _unique(characters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per name (two tags that shorten to the same name: the first wins)."""
    seen: set[str] = set()
    kept = []
    for entry in characters:
        if entry["name"] not in seen:
            seen.add(entry["name"])
            kept.append(entry)
    return kept


def _slug(name: str) -> str:
    return re.sub(r"\W+", "_", name.lower()).strip("_")[:60] or "fandom"
