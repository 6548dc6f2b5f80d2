"""Bytes to text: encodings, byte-order marks, binary refusal and mojibake repair.

Order of trust: a BOM; strict UTF-8; UTF-16 without a BOM (recognised by its NUL pattern); then
charset-normalizer's best guess among legacy encodings (cp1252, latin-1, cp1251 …). A file that is mostly
valid UTF-8 but holds broken sequences is refused (FS103) rather than guessed, because decoding it as a legacy
encoding would turn every correct non-ASCII character into mojibake. After decoding, ftfy repairs mojibake
(UTF-8 read as cp1252 somewhere upstream: "donâ€™t" → "don’t") only when its badness check says the text
needs it, which keeps clean text on the fast path.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from ficshelf.errors import BinaryInput, EmptyInput, UndecodableText

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: C0 controls other than tab, newline, carriage return and form feed: never in real text.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f]")
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00e2\u00c5\u00d0\u00d1][\u0080-\u00bf\u2010-\u203a\u20ac\u2122\u0152-\u0178]"
)


def decode_bytes(data: bytes) -> str:
    """Decode a text file's bytes; raise EmptyInput, BinaryInput or UndecodableText (all one-liners)."""
    if not data.strip():
        raise EmptyInput("file is empty")
    text = _decode(data)
    if _MOJIBAKE_HINT.search(text):
        text = ftfy.fix_text(text, normalization=None, uncurl_quotes=False)
    text = _NEWLINES.sub("\n", text)
    if not text.strip():
        raise EmptyInput("file holds only whitespace")
    return text


def _decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise UndecodableText(f"invalid {encoding} after its byte-order mark at byte {err.start}") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise BinaryInput("binary data, not text (control bytes found)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    if _mostly_utf8(data):
        raise UndecodableText(f"invalid UTF-8 at byte {first_bad} in an otherwise UTF-8 file")
    best = from_bytes(data[:262_144]).best()
    if best is None or best.encoding is None:
        raise UndecodableText("no text encoding fits this file")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) // 2
    encoding = None
    if odd_nul > half * 0.4 and even_nul < half * 0.05:
        encoding = "utf-16-le"
    elif even_nul > half * 0.4 and odd_nul < half * 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65_536]
    if b"\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(4, len(sample) // 200)


def _mostly_utf8(data: bytes) -> bool:
    """True when the file holds well-formed multi-byte UTF-8 sequences (so broken ones are corruption)."""
    decoded = data[:262_144].decode("utf-8", errors="replace")
    good = sum(1 for ch in decoded if ch >= "\u0080" and ch != "\ufffd")
    bad = decoded.count("\ufffd")
    return good >= 3 and good >= bad
