"""Documentation that must not drift: error codes, settings, CLI reference."""

from __future__ import annotations

import re

from ficshelf.cli.reference import cli_reference, settings_reference
from ficshelf.errors import ALL_ERRORS
from tests.conftest import REPO


def test_every_error_code_is_documented() -> None:
    doc = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    for error in ALL_ERRORS:
        assert f"| {error.code} | {error.__name__} |" in doc, error.__name__


def test_error_codes_are_unique() -> None:
    codes = [e.code for e in ALL_ERRORS]
    assert len(codes) == len(set(codes))


def test_settings_doc_is_current() -> None:
    assert (REPO / "docs" / "settings.md").read_text(encoding="utf-8") == settings_reference()


def test_cli_doc_is_current() -> None:
    # Column padding in click's help depends on process state other tests touch; compare the words.
    def words(text: str) -> str:
        return re.sub(r"[ \t]+", " ", text)

    assert words((REPO / "docs" / "cli.md").read_text(encoding="utf-8")) == words(cli_reference())


def test_readme_gives_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_all_errors_lists_every_error_class() -> None:
    from ficshelf.errors import FicshelfError

    def subclasses(cls: type[FicshelfError]) -> set[type[FicshelfError]]:
        found = set(cls.__subclasses__())
        for sub in list(found):
            found |= subclasses(sub)
        return found

    assert subclasses(FicshelfError) | {FicshelfError} == set(ALL_ERRORS)
