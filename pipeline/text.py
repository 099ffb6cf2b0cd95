"""Comparison forms of Russian text, one definition for every stage."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def visible(text: str) -> str:
    """`text` without invisible format characters (Unicode category Cf).

    Zero-width spaces, direction marks (U+200F, U+202E), a BOM or a soft hyphen
    pasted inside a word change nothing a reader sees, but they make
    `Лав\u00adров` another word to the models and to every comparison.
    """
    if text.isprintable():  # no Cf character is printable: the common case costs one scan
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and ё-insensitive form: lexicons, gazetteers and names compare on it. Cached: the
    event stages fold the same few thousand lemmas many times per article."""
    return visible(text).casefold().replace("ё", "е")


def fold_spaced(text: str) -> str:
    """`fold` with runs of white space as one space: names compare on it as phrases."""
    return " ".join(fold(text).split())


# Double quote marks as Russian news sets them. The single marks are left out:
# razdel makes a token of the apostrophe in `О'Нил` and `Christie's`, which is
# part of the name, not a quote around it.
OPENING_QUOTES = frozenset('«„“"')
CLOSING_QUOTES = frozenset('»“”"')
QUOTES = OPENING_QUOTES | CLOSING_QUOTES

# An acronym with a case ending glued on: МИДа, ООНом; США stays.
_INFLECTED_ACRONYM = re.compile(r"([А-ЯЁ]{2,})(?:а|у|ом|е|ой|ы|и)")


def acronym_stem(text: str) -> str:
    """The acronym under a case ending (МИДа -> МИД); any other word as it is."""
    match = _INFLECTED_ACRONYM.fullmatch(text)
    return match.group(1) if match else text


def is_acronym(text: str) -> bool:
    """МИД, ООН, G20 and their inflected spellings (МИДа): capitals and digits, a letter first."""
    stem = acronym_stem(text)
    return len(stem) > 1 and stem[0].isalpha() and stem.isupper() and stem.isalnum()
