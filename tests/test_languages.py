"""Importers store one spelling of a language: the BCP-47 code ``ficshelf analyze`` also reports."""

from __future__ import annotations

import pytest

from ficshelf.languages import language_code


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("English", "en"),
        ("  english ", "en"),
        ("Русский", "ru"),
        ("中文-普通话 國語", "zh"),
        ("中文-广东话 粵語", "yue"),
        ("Português brasileiro", "pt-BR"),
        ("Spanish", "es"),  # FanFiction.Net's English names
        ("en_us", "en-US"),  # EPUB codes, tidied
        ("DE", "de"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("", ""),
        ("Elvish of the Second Age", "und"),
    ],
)
def test_language_names_and_codes_become_codes(value: str, code: str) -> None:
    assert language_code(value) == code
