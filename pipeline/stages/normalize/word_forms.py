"""Word shapes of organization and place names that pymorphy3 reads wrong: superlatives
filed under the plain adjective, regions it does not know, abbreviations with small
letters inside."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse


# An abbreviation with small letters inside (УрФУ, РАНХиГС): a capital first and last.
MIXED_ABBREVIATION = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*[а-яё][а-яёА-ЯЁ]*[А-ЯЁ]")
# A region named by a prefix and a river or range (Приангарье, Заднестровье, Приамурье)
# is a neuter in -ье; an unknown one in -ья is its genitive, not a woman's name.
REGION = re.compile(r"(?:при|за|по|под|пред)[а-яё]{3,}ь(я)")


def region_nominative(lower: str) -> str | None:
    """Приангарья -> приангарье, for a lowercase word unknown to pymorphy3."""
    region = REGION.fullmatch(lower)
    return lower[: region.start(1)] + "е" if region else None


def _common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def same_stem(parse: Parse, word: str | None) -> str | None:
    """pymorphy3 files superlatives under the plain adjective, so `высшей` has two
    nominatives, высшая and высочайшая: take the one written like the word itself
    (Высшая школа экономики)."""
    if word is None or "Supr" not in parse.tag:
        return word
    target = next((f.tag for f in parse.lexeme if f.word == word), None)
    forms = [f.word for f in parse.lexeme if f.tag == target] or [word]
    return max(forms, key=lambda form: _common_prefix(form, parse.word))
