"""Bytes to text: encoding detection for Russian news files.

Russian archives mix UTF-8 (with and without BOM), CP1251 and KOI8-R. Generic
detectors confuse the two single-byte Cyrillic encodings on short texts, so the
choice between them is made here by a property of Russian text: most Cyrillic
letters are lowercase. KOI8-R read as CP1251 (and the reverse) swaps the cases.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

CYRILLIC_SINGLE_BYTE = ("cp1251", "koi8_r")


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(slots=True, frozen=True)
class Decoded:
    text: str
    encoding: str


def looks_binary(data: bytes) -> bool:
    # NUL bytes never occur in the 8-bit encodings we read; UTF-16 is caught by
    # its BOM before this check. A few stray control characters are tolerated.
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 100)


def _lowercase_share(text: str) -> float:
    cyr = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not cyr:
        return 0.0
    return sum(1 for c in cyr if c.islower()) / len(cyr)


def decode(data: bytes) -> Decoded:
    """Decode file bytes, raising DecodeError with a user-facing message."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise DecodeError("undecodable", f"broken UTF-16 text: {exc.reason}") from exc
    if looks_binary(data):
        raise DecodeError("binary", "binary file (NUL or control bytes): not a text article")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [Decoded(data.decode(enc), enc) for enc in CYRILLIC_SINGLE_BYTE]
    best = max(candidates, key=lambda d: _lowercase_share(d.text))
    if _lowercase_share(best.text) < 0.5:
        raise DecodeError(
            "unknown_encoding",
            "not UTF-8, and neither CP1251 nor KOI8-R gives Russian text; "
            "re-save the file as UTF-8",
        )
    return best
