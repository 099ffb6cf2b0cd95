"""Comparison forms of Russian text, one definition for every stage."""

from __future__ import annotations


def fold(text: str) -> str:
    """Case- and ё-insensitive form: lexicons, gazetteers and names compare on it."""
    return text.casefold().replace("ё", "е")
