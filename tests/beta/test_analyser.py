"""The beta field of ``ficshelf analyze``: hints for English works, none for other languages."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ficshelf.analysis.output import doc_to_json
from ficshelf.analysis.pipeline import default_pipeline
from ficshelf.cli.main import cli
from ficshelf.model import Chapter, Work

ENGLISH = (
    "Sakura walked home after the Chunnin exams. She had been waiting for Lee-kun all day, "
    "and she was truely tired of waiting for him at the gate."
)
FRENCH = (
    "Sakura rentra chez elle après les examens. Elle avait attendu Lee toute la journée, et elle était "
    "vraiment fatiguée de l'attendre devant la porte du village."
)


def _run(text: str) -> dict[str, object]:
    work = Work(id="w", source="test", chapters=[Chapter(number=1, text=text)])
    return doc_to_json(default_pipeline(beta=True).run(work))


def test_analyze_output_carries_beta_hints_for_an_english_work() -> None:
    out = _run(ENGLISH)
    assert out["language"] == "en"
    beta = out["beta"]
    assert isinstance(beta, list)
    assert [(h["text"], h["suggestion"]) for h in beta] == [("truely", "truly")]
    assert "beta@1" in out["meta"]["analysers"]  # type: ignore[index]


def test_a_work_in_another_language_gets_no_hints() -> None:
    out = _run(FRENCH)
    assert out["language"] == "fr"
    assert out["beta"] == []


def test_tagging_pipeline_leaves_beta_hints_out() -> None:
    work = Work(id="w", source="test", chapters=[Chapter(number=1, text=ENGLISH)])
    out = doc_to_json(default_pipeline().run(work))
    assert out["beta"] == []
    assert not any(name.startswith("beta@") for name in out["meta"]["analysers"])  # type: ignore[index]


def test_analyze_gives_hints_unless_told_not_to(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(ENGLISH, encoding="utf-8")
    with_hints = json.loads(CliRunner().invoke(cli, ["analyze", str(story)]).output)
    without = json.loads(CliRunner().invoke(cli, ["analyze", str(story), "--no-beta"]).output)
    assert [h["suggestion"] for h in with_hints["beta"]] == ["truly"]
    assert without["beta"] == []
    assert {k: v for k, v in without.items() if k not in ("beta", "meta")} == {
        k: v for k, v in with_hints.items() if k not in ("beta", "meta")
    }
