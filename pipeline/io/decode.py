"""Bytes to text: encoding detection for Russian news files.

Russian archives mix UTF-8 (with and without BOM), CP1251 and KOI8-R. Generic
detectors (charset-normalizer among them) take short Russian headlines for
Japanese or Arabic code pages, so the choice is made here:

- UTF-8 wins whenever most of the file's multibyte sequences are well formed:
  a UTF-8 article with one stray byte is still a UTF-8 article, and the stray
  byte becomes U+FFFD, counted in `Decoded.replaced` so the reader can say so.
- Otherwise CP1251 and KOI8-R are both tried, and the reading that is more
  Russian by letter pairs and word case (`rusnews.io.russian`) wins. Bytes the
  winner has no character for (0x98 in CP1251) become U+FFFD as well.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from rusnews.io.russian import NOT_RUSSIAN, russian_score

CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8_r")
REPLACEMENT = "\ufffd"
SAMPLE = 65536


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str
    # Bytes (or byte sequences) that were not valid in `encoding`, each now U+FFFD.
    replaced: int = 0


def looks_binary(data: bytes) -> bool:
    # NUL bytes never occur in the 8-bit encodings we read; UTF-16 is caught by
    # its BOM before this check. A few stray control characters are tolerated.
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def _with_replacement(data: bytes, encoding: str, name: str | None = None) -> Decoded:
    text = data.decode(encoding, errors="replace")
    # A U+FFFD the file itself holds in UTF-8 is text, not damage.
    genuine = data.count(REPLACEMENT.encode()) if encoding == "utf-8" else 0
    return Decoded(text, name or encoding, text.count(REPLACEMENT) - genuine)


def _mostly_utf8(decoded: Decoded) -> bool:
    # Single-byte Cyrillic text almost never forms a valid UTF-8 sequence: its
    # letters are lead bytes followed by more letters, not by continuation bytes.
    non_ascii = len(decoded.text) - len(decoded.text.encode("ascii", "ignore"))
    well_formed = non_ascii - decoded.replaced
    return well_formed > decoded.replaced


def _single_byte(data: bytes) -> Decoded:
    readings = [_with_replacement(data, enc) for enc in CYRILLIC_SINGLE_BYTE]
    # A file has one encoding: its first 64K characters decide it as well as all would.
    scored = [(score, r) for r in readings if (score := russian_score(r.text[:SAMPLE])) is not None]
    if not scored:
        # No letters in the upper half at all, only punctuation (dashes, quotes,
        # №): CP1251 is the Russian Windows code page such files come from.
        return readings[0]
    score, best = max(scored, key=lambda sr: sr[0])
    if score < NOT_RUSSIAN:
        raise DecodeError(
            "unknown_encoding",
            "not UTF-8, and neither CP1251 nor KOI8-R gives Russian text; "
            "re-save the file as UTF-8",
        )
    return best


def decode_utf8(data: bytes) -> Decoded:
    """Decode text that must be UTF-8 (JSON): a few bad bytes become U+FFFD, more raise."""
    utf8 = _with_replacement(data, "utf-8")
    if utf8.replaced and not _mostly_utf8(utf8):
        raise DecodeError(
            "not_utf8", f"not UTF-8 ({utf8.replaced} invalid byte sequence(s)); JSON must be UTF-8"
        )
    return utf8


def decode(data: bytes) -> Decoded:
    """Decode file bytes, raising DecodeError with a user-facing message."""
    if data.startswith(codecs.BOM_UTF8):
        return _with_replacement(data[len(codecs.BOM_UTF8) :], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _with_replacement(data, "utf-16")
    if looks_binary(data):
        raise DecodeError("binary", "binary file (NUL or control bytes): not a text article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    utf8 = _with_replacement(data, "utf-8")
    if _mostly_utf8(utf8):
        return utf8
    return _single_byte(data)
