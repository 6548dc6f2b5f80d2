"""Rating, warnings, freeform genre tags and content notes: conservative, in AO3's vocabulary, with evidence.

Texts are short ones written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ficshelf.analysis.analysers.tag_cues import CONTENT_NOTES, FREEFORMS, RATING_CUES, WARNING_CUES, scan_tag_cues
from ficshelf.analysis.cue_scan import CueScanner, lexicon_stems
from ficshelf.analysis.cues import PLATONIC, ROMANTIC, cue_weights_by, lexicon
from ficshelf.analysis.doc import Doc
from ficshelf.analysis.genre_tags import GENRE_TAGS
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.analysis.sentences import sentence_index
from ficshelf.model import Chapter, Work

ROOT = Path(__file__).resolve().parents[2]
GENTLE = (
    "Lee stretched in the morning sun and smiled at the river. The training ground was quiet.\n\n"
    '"Ready?" Gaara asked. Lee nodded, and the two of them walked to the village for breakfast.'
)
VIOLENT = " ".join(
    [
        "The prisoner had been tortured for days.",
        "Gore covered the floor of the cell.",
        "They found a severed hand by the door.",
        "Nobody spoke of the torture afterwards.",
        "The mutilated bodies were buried at dawn.",
        "He dreamt of the gore every night.",
    ]
    * 2
)


def _run(text: str, chapters: str = "") -> Doc:
    work = Work(id="w", source="test", chapters=[Chapter(number=1, text=text)], needs_structure=True)
    if chapters:
        work.source_stats["chapters"] = chapters
    return default_pipeline().run(work)


def test_a_gentle_story_is_general_audiences_with_no_warnings() -> None:
    doc = _run(GENTLE)
    assert doc.rating is not None and doc.rating.name == "General Audiences"
    assert [w.name for w in doc.warnings] == ["No Archive Warnings Apply"]
    assert doc.content_notes == []


def test_repeated_graphic_violence_is_warned_with_evidence_sentences() -> None:
    doc = _run(VIOLENT)
    warning = next(w for w in doc.warnings if w.name == "Graphic Depictions Of Violence")
    assert warning.evidence and all(e.text == doc.text[e.start : e.end] for e in warning.evidence)
    assert any("tortured" in e.text or "Gore" in e.text for e in warning.evidence)
    assert "No Archive Warnings Apply" not in {w.name for w in doc.warnings}
    assert doc.rating is not None and doc.rating.name in {"Mature", "Explicit"}
    assert "Torture" in {t.name for t in doc.freeforms}


def test_one_shot_only_when_the_source_does_not_plan_more_chapters() -> None:
    assert "One Shot" in {t.name for t in _run(GENTLE).freeforms}
    assert "One Shot" in {t.name for t in _run(GENTLE, "1/1").freeforms}
    assert "One Shot" not in {t.name for t in _run(GENTLE, "1/?").freeforms}


def test_every_suggested_freeform_is_in_the_shipped_genre_list() -> None:
    names = {name for name, _, _ in FREEFORMS} | {"Smut", "Character Death", "Fluff and Angst", "Songfic"}
    names |= {"Romance", "One Shot"}
    assert names <= set(GENRE_TAGS)
    for text in (GENTLE, VIOLENT):
        assert {t.name for t in _run(text).freeforms} <= set(GENRE_TAGS)


@pytest.mark.corpus
def test_genre_list_is_current_and_canonical(corpus_dir: Path) -> None:
    vocabulary = json.loads((corpus_dir / "tags" / "ceejbot_canonical_freeform_tags.json").read_text("utf-8"))
    assert set(GENRE_TAGS) <= set(vocabulary)
    check = subprocess.run([sys.executable, str(ROOT / "tools" / "build_genre_tags.py"), "--check"], check=False)
    assert check.returncode == 0, "run tools/build_genre_tags.py"


@pytest.mark.parametrize(
    "text",
    [
        VIOLENT,
        GENTLE,
        "She died. He died! The funeral was in hell-fire; Shell and hello are not hell. AU, au, Au.",
        "Self-harm, self harm, SELF-HARM. Broken ribs and a broken arm. Hurt and hurting; injured, injury.",
        "They were best friends, friends and rivals; the rivalry of teammates. Not lovers, not in love.",
    ],
)
def test_one_pass_finds_what_each_lexicon_regex_finds(text: str) -> None:
    tables = [lex for lex, _ in RATING_CUES] + [lex for _, lex, _ in (*WARNING_CUES, *FREEFORMS, *CONTENT_NOTES)]
    found = scan_tag_cues(text)
    scanned = found.rating + found.warnings + found.freeforms + found.content_notes
    for lex, matches in zip(tables, scanned, strict=True):
        assert matches.spans == [m.span() for m in lex.pattern.finditer(text)], lex.pattern.pattern


def test_stems_cover_groups_classes_and_optional_parts() -> None:
    lex = lexicon({r"(?:he|she) died": 1, r"self[- ]harm\w*": 1, r"hugg?(?:ed|ing)?": 1, r"\bAU\b": 1})
    assert lexicon_stems(lex) == {"he died", "she died", "self-harm", "self harm", "hug", "au"}
    scanner = CueScanner([lex])
    assert scanner.scan("Then she died. Later, self harm. He hugged Au.")[0].starts == [5, 22, 36, 43]


def test_scanner_reproduces_the_relationship_lexicons_finditer() -> None:
    text = (
        "They were best friends, then lovers; he kissed her cheek and held hands with his boyfriend. "
        "Her girlfriend confessed. Sisters, siblings, sparring partners, comrades in love."
    )
    found = CueScanner([ROMANTIC, PLATONIC]).scan(text)
    for lex, matches in zip((ROMANTIC, PLATONIC), found, strict=True):
        assert matches.spans == [m.span() for m in lex.pattern.finditer(text)]


def test_one_scan_weighs_cues_as_each_lexicon_alone() -> None:
    text = (
        "Lee kissed Gaara. They were best friends, then lovers! Tenten was dating Neji; her boyfriend blushed, "
        "gently. KISSING and Hugging. Sisters and partners.\n\nNobody here. A friend's rival hugged his rivals."
    )
    index = sentence_index(text)
    weights = CueScanner([ROMANTIC, PLATONIC]).weights_by(text, index.index_of)
    for lex, by_sentence in zip((ROMANTIC, PLATONIC), weights, strict=True):
        assert by_sentence == cue_weights_by(text, lex, index.index_of)
    assert weights[0][0] == weights[0][1] == weights[1][1] == 3  # "kissed"; "lovers"; "best friends"
