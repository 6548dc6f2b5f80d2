"""Encodings, binary refusal and mojibake repair, on bytes made here."""

from __future__ import annotations

import codecs

import pytest

from ficshelf.errors import BinaryInput, EmptyInput, UndecodableText
from ficshelf.ingest.decode import decode_bytes

STORY = "Naïve Sakura said “hello” — then left.\nÉté à Konoha."


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        codecs.BOM_UTF8 + STORY.encode("utf-8"),
        codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"),
        STORY.encode("utf-16-le"),
        STORY.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be"],
)
def test_unicode_encodings_round_trip(data: bytes) -> None:
    assert decode_bytes(data) == STORY


def test_cp1252_with_smart_quotes() -> None:
    text = "“Don’t,” she said — and smiled… The café was empty. " * 20
    assert decode_bytes(text.encode("cp1252")) == text


def test_mojibake_is_repaired() -> None:
    broken = "Don’t go — Lee said.".encode().decode("cp1252")
    assert "â€" in broken
    assert decode_bytes(broken.encode("utf-8")) == "Don’t go — Lee said."


def test_crlf_and_cr_become_newlines() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", codecs.BOM_UTF8 + b"\n"])
def test_empty(data: bytes) -> None:
    with pytest.raises(EmptyInput) as err:
        decode_bytes(data)
    assert err.value.code == "FS101"


def test_binary_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(BinaryInput) as err:
        decode_bytes(png)
    assert err.value.code == "FS102"


def test_broken_utf8_is_refused_not_guessed() -> None:
    data = "Café “ok” naïve — fine. ".encode() * 10 + b"\xff\xfe\xc3" + "more café".encode()
    with pytest.raises(UndecodableText) as err:
        decode_bytes(data)
    assert err.value.code == "FS103"
    assert "byte" in str(err.value)
