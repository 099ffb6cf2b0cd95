"""Comparison forms of Russian text, one definition for every stage."""

from __future__ import annotations

import unicodedata


def visible(text: str) -> str:
    """`text` without invisible format characters (Unicode category Cf).

    Zero-width spaces, direction marks (U+200F, U+202E), a BOM or a soft hyphen
    pasted inside a word change nothing a reader sees, but they make
    `Лав\u00adров` another word to the models and to every comparison.
    """
    if text.isprintable():  # no Cf character is printable: the common case costs one scan
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def fold(text: str) -> str:
    """Case- and ё-insensitive form: lexicons, gazetteers and names compare on it."""
    return visible(text).casefold().replace("ё", "е")
