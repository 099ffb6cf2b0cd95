"""Word shapes of organization and place names that pymorphy3 reads wrong: superlatives
filed under the plain adjective, regions it does not know, abbreviations with small
letters inside, ministries' short names, the endings of unknown words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rusnews import morphology
from rusnews.morphology import analyzers

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse


# An abbreviation with small letters inside (УрФУ, РАНХиГС): a capital first and last.
MIXED_ABBREVIATION = re.compile(r"[А-ЯЁ][а-яёА-ЯЁ]*[а-яё][а-яёА-ЯЁ]*[А-ЯЁ]")
# Unknown words with these endings are more often indeclinable (Кушадаси,
# Вейк-ан-Зее) than oblique forms; -ии and consonant + е are oblique (Гагаузии, Лахоре).
INDECLINABLE_ENDING = re.compile(r"(?:[оуэю]|[^и]и|[аеёиоуыэюя]е)$")
# An unknown word may also be an oblique form of a masculine consonant stem, the
# commonest shape of a foreign place name (Тусоне, Тоттенхэма), and it is trusted
# a little more than pymorphy3's guess of a woman's name (тусоня). slovnet's
# gender does not decide: it says Fem for Наньпине.
STEM_ENDINGS = (("а", "gent"), ("у", "datv"), ("ом", "ablt"), ("е", "loct"))
CONSONANT_END = re.compile(r"[бвгджзклмнпрстфхцчшщ]$")
# A region named by a prefix and a river or range (Приангарье, Заднестровье, Приамурье)
# is a neuter in -ье; an unknown one in -ья is its genitive, not a woman's name.
REGION = re.compile(r"(?:при|за|по|под|пред)[а-яё]{3,}ь(я)")


# A ministry's short name of `мин` and a feminine or neuter noun in the genitive
# (`Минцифры`, `Минпросвещения`: министерство цифры, просвещения) does not decline;
# one on a masculine genitive in -а does (`Минфина` -> `Минфин`, `Минтранса`).
MINISTRY_GENITIVE = re.compile(r"мин([а-яё]{4,}[ыия])")


def is_ministry_short_name(text: str) -> bool:
    match = MINISTRY_GENITIVE.fullmatch(text.lower())
    if match is None:
        return False
    noun = match.group(1)
    return any(
        parse.tag.POS == "NOUN"
        and {"gent", "sing"} <= parse.tag.grammemes
        and parse.normal_form != noun
        and analyzers(parse) == ["DictionaryAnalyzer"]
        for parse in morphology.parse(noun)
    )


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
