"""Compare the offline spelling checkers for the beta reader (docs/beta.md shows the result).

Reads ../shared at run time. Measures, per checker: recall and first-suggestion accuracy on the seeds' single-word
gold typos, false flags per 1,000 words on the English works of dev.jsonl (lower-case words not in the fandom
knowledge base), and words checked per CPU-second. Run: .venv/bin/python tools/beta_compare.py
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ficshelf.analysis.kb import load_default
from ficshelf.ingest.sources import read_paths

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
# The seeds' gold typos that a spelling checker can see (one unknown word each), with the right form.
GOLD = {
    "teamates": "teammates",
    "truely": "truly",
    "surjery": "surgery",
    "lonliness": "loneliness",
    "caled": "called",
    "somrthing": "something",
    "himlike": "him like",
    "facefrom": "face from",
    "otherside": "other side",
    "dbegging": "and begging",
}

Checker = tuple[Callable[[str], bool], Callable[[str], list[str]]]


def hunspell_checker() -> Checker:
    import hunspell  # type: ignore[import-not-found]

    h = hunspell.HunSpell("/usr/share/hunspell/en_US.dic", "/usr/share/hunspell/en_US.aff")
    return h.spell, h.suggest


def symspell_checker() -> Checker:
    from importlib import resources

    from symspellpy import SymSpell, Verbosity

    sym = SymSpell(max_dictionary_edit_distance=2)
    sym.load_dictionary(str(resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt"), 0, 1)
    words = sym.words

    def suggest(w: str) -> list[str]:
        found = [s.term for s in sym.lookup(w.lower(), Verbosity.CLOSEST, 2)]
        if not found:
            found = [sym.word_segmentation(w.lower()).corrected_string]
        return found

    return (lambda w: w.lower() in words), suggest


def pyspell_checker() -> Checker:
    from spellchecker import SpellChecker

    sp = SpellChecker()
    freq = sp.word_frequency

    def suggest(w: str) -> list[str]:
        cands = sp.candidates(w.lower()) or set()
        return sorted(cands, key=lambda c: -freq[c])

    return (lambda w: w.lower() in freq), suggest


def harper_checker() -> Checker:
    import harper

    lin = harper.Linter()

    def lints(w: str) -> list[harper.Lint]:
        return [x for x in lin.lint(w, language="plaintext") if x.lint_kind == "Spelling"]

    return (lambda w: not lints(w)), (lambda w: [s.replacement_text for x in lints(w) for s in x.suggestions] or [""])


def main() -> None:
    kb = load_default()
    allowed = {p for f in kb.fandoms.values() for c in f.characters.values() for n in c.all_forms for p in n.split()}
    allowed |= {v.lower() for f in kb.fandoms.values() for v in f.vocabulary}
    dev = [
        i.work.text for i in read_paths([SHARED / "corpus" / "dev.jsonl"]) if i.work and i.work.language == "en"
    ]
    tokens = [m.group() for t in dev for m in WORD.finditer(t.replace("\u2019", "'"))]
    lower = [t for t in tokens if t[0].islower() and t.lower() not in allowed]
    print(f"dev: {len(dev)} English works, {len(tokens)} words")
    print("| checker | recall (10 gold) | right first | dev false flags / 1,000 words | words / CPU-s (check) |")
    print("|---|---|---|---|---|")
    for name, make in [
        ("hunspell (Debian en_US)", hunspell_checker),
        ("symspellpy 82,765 words", symspell_checker),
        ("pyspellchecker", pyspell_checker),
        ("harper-py 0.2.0", harper_checker),
    ]:
        known, suggest = make()
        found = [w for w in GOLD if not known(w)]
        first = [w for w in found if (suggest(w) or [""])[0].lower() == GOLD[w]]
        sample = lower if name[:6] != "harper" else lower[:60_000]
        t0 = time.process_time()
        flags = sum(1 for w in sample if not known(w))
        cpu = time.process_time() - t0
        per_k = 1000 * flags / len(sample) * len(lower) / len(tokens)
        print(f"| {name} | {len(found)}/10 | {len(first)}/10 | {per_k:.1f} | {len(sample) / cpu:,.0f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
