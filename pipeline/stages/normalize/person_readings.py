"""Readings of one name word: the nominatives it may stand for, in which case and gender.

A reading comes from a pymorphy3 parse, from its guess for an unknown word, or
from an ending rule of ``models/normalize/name_endings.tsv`` (``Каи`` may be the
genitive of ``Кая``); each carries a weight by where it comes from and the role
(first name, patronymic, surname) a list gives it. ``persons.py`` then picks the
readings all words of a name agree on. The word-level helpers (shape recovery,
word lists, and the weighted parses of words in organization and place names)
are shared with ``phrases.py`` and ``descriptors.py``; pymorphy3 itself is
reached through ``rusnews.morphology``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING

from rusnews import morphology
from rusnews.lexicon import read_lexicon, read_words
from rusnews.model import Token
from rusnews.morphology import FEMN, MASC, NOMN, inflect_nominative, parse_case
from rusnews.morphology import analyzers as parse_analyzers
from rusnews.resources import MODELS_DIR
from rusnews.text import fold

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse
    from pymorphy3.tagset import OpencorporaTag

FIRST, MIDDLE, LAST = "first", "middle", "last"
TAG_ROLES = (("Name", FIRST), ("Patr", MIDDLE), ("Surn", LAST))
ENDINGS_PATH = MODELS_DIR / "normalize" / "name_endings.tsv"
PARTICLES_PATH = MODELS_DIR / "normalize" / "particles.txt"
PATRONYMIC = re.compile(r"(?:ович|евич|ьич|инич|ична|овна|евна|инична)$")
CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
MODIFIER_POS = frozenset({"ADJF", "PRTF"})
NOUN_POS = frozenset({"NOUN"})
# natasha's surname list holds men's forms: a woman's surname is looked up as his.
FEMININE_SURNAMES = (
    ("ова", "ов"),
    ("ева", "ев"),
    ("ина", "ин"),
    ("ына", "ын"),
    ("ская", "ский"),
    ("цкая", "цкий"),
)

# How far a candidate nominative is trusted, by where it comes from: a name the
# dictionary knows beats pymorphy3's suffix guess, which beats an ending rule
# whose result is in no list; a rule whose result is a listed first name is
# nearly as good as the dictionary (that is how Каи -> Кая is found).
WEIGHT_DICT_NAME, WEIGHT_DICT_OTHER = 1.0, 0.4
WEIGHT_GUESS_NAME, WEIGHT_GUESS_OTHER, WEIGHT_PREFIX_GUESS = 0.5, 0.25, 0.15
WEIGHT_RULE_LISTED, WEIGHT_RULE = 0.8, 0.3
# natasha's surname list is large and holds common nouns too (Кепка): trust it less.
WEIGHT_RULE_LISTED_LAST = 0.55
# The dictionary lists some names both ways (Марку: Марк's dative, or an
# indeclinable Марку); the declined reading is the usual one.
WEIGHT_DICT_FIXED = 0.9


# ---- word-level helpers, shared with phrases.py and descriptors.py ----


def _recover_part(part: str, ref: str) -> str:
    if part.lower() == ref.lower():
        return ref  # ВымпелКом keeps its inner capital
    if ref[:2].isupper():
        return part.upper()  # МИДа -> МИД
    if ref[:1].isupper():
        return part[:1].upper() + part[1:].lower()
    return part.lower()


def recover_shape(word: str, ref: str) -> str:
    """Give ``word`` the capitalization of ``ref`` part by part (Касым-Жомарт,
    Ростов-на-Дону), and drop the ё pymorphy3 writes where the text had е."""
    if "ё" not in ref.lower():
        word = word.replace("ё", "е").replace("Ё", "Е")
    parts, ref_parts = word.split("-"), ref.split("-")
    if len(parts) != len(ref_parts) or not all(ref_parts):
        return _recover_part(word, ref) if ref else word
    return "-".join(_recover_part(p, r) for p, r in zip(parts, ref_parts))


def join_tokens(texts: list[str], tokens: list[Token]) -> str:
    """Join replacement texts with the spacing the original tokens had."""
    out: list[str] = []
    for i, (text, tok) in enumerate(zip(texts, tokens)):
        if i:
            out.append(" " * (tok.start - tokens[i - 1].end))
        out.append(text)
    return "".join(out)


def read_word_list(path: Path) -> frozenset[str]:
    """A lexicon of one word a line, in the form names are compared in."""
    return frozenset(fold(word) for word in read_words(path))


# ---- words of organization and place names ----


def is_cyrillic_word(text: str) -> bool:
    return bool(CYRILLIC_WORD.fullmatch(text.lower()))


def _phrase_parse_weight(parse: Parse, top: float) -> float:
    analyzers = parse_analyzers(parse)
    if analyzers == ["DictionaryAnalyzer"]:
        base = 1.0
    elif "UnknownPrefixAnalyzer" in analyzers:
        # A prefix guess is as good as the known word under it: Вики|новостям
        # is fine, Кар|заем (-> карзаём) is an invention.
        base = 0.6 if len(parse.methods_stack[0][1]) >= 5 else 0.3
    elif {"Name", "Surn", "Patr"} & parse.tag.grammemes:
        base = 0.3  # a guessed person name for an unknown place or company
    else:
        base = 0.6
    return base * (0.7 + 0.3 * parse.score / top)


def word_parses(text: str, pos: frozenset[str]) -> list[tuple[Parse, float]]:
    """pymorphy3 parses of a word in an organization or place name, weighted by how
    far each is to be trusted there."""
    parses = morphology.parse(text.lower())
    top = max((p.score for p in parses), default=0.0) or 1.0
    return [(p, _phrase_parse_weight(p, top)) for p in parses if p.tag.POS in pos]


# ---- lists and ending rules ----


@cache
def natasha_names(name: str) -> frozenset[str]:
    """natasha's first.txt / last.txt, read where its wheel put them (never copied here)."""
    try:
        path = importlib_resources.files("natasha") / "data" / "dict" / name
        # natasha's own format: one lowercase name a line, no comments.
        lines = path.read_text(encoding="utf-8").splitlines()
        return frozenset(fold(line.strip()) for line in lines if line.strip())
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()


@cache
def name_particles() -> frozenset[str]:
    return read_word_list(PARTICLES_PATH)


def is_listed_first(nominative: str) -> bool:
    return fold(nominative) in natasha_names("first.txt")


def is_patronymic(nominative: str) -> bool:
    return bool(PATRONYMIC.search(fold(nominative)))


def is_listed_last(nominative: str) -> bool:
    word, last = fold(nominative), natasha_names("last.txt")
    return word in last or any(
        word.endswith(fem) and word[: -len(fem)] + masc in last for fem, masc in FEMININE_SURNAMES
    )


LISTED = {FIRST: is_listed_first, MIDDLE: is_patronymic, LAST: is_listed_last}


@dataclass(frozen=True, slots=True)
class EndingRule:
    pattern: re.Pattern[str]
    ending: str
    cases: tuple[str | None, ...]  # (None,): any case, the word does not decline
    gender: str | None
    trust: float


@cache
def ending_rules(path: Path = ENDINGS_PATH) -> tuple[EndingRule, ...]:
    rules = []
    columns = ("pattern", "ending", "cases", "gender", "trust")
    for regex, ending, cases, gender, trust in read_lexicon(path, columns, optional=1):
        regex = regex.replace("C", "[бвгджзклмнпрстфхцчшщ]").replace("V", "[аеёиоуыэюя]")
        rule_cases = (None,) if cases == "*" else tuple(cases.split(","))
        rule_gender = None if gender == "*" else gender
        rules.append(
            EndingRule(
                re.compile(regex),
                ending.strip("-"),
                rule_cases,
                rule_gender,
                float(trust) if trust else 1.0,
            )
        )
    return tuple(rules)


# ---- readings of one word ----


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a name word: its nominative and the case/gender it would be in."""

    nominative: str
    case: str | None  # None: the word does not decline, any case fits
    gender: str | None  # None: either gender
    role: str | None
    weight: float

    def fits(self, case: str, gender: str) -> bool:
        case_fits = self.case is None or self.case == case
        return case_fits and (self.gender is None or self.gender == gender)


def _role_of_tag(tag: OpencorporaTag) -> str | None:
    return next((role for grammeme, role in TAG_ROLES if grammeme in tag), None)


def _parse_weight(parse: Parse, role: str | None) -> float:
    analyzers = parse_analyzers(parse)
    if analyzers == ["DictionaryAnalyzer"]:
        return WEIGHT_DICT_NAME if role else WEIGHT_DICT_OTHER
    if "UnknownPrefixAnalyzer" in analyzers:
        return WEIGHT_PREFIX_GUESS  # Кар|заем -> карзаём: an invention
    return WEIGHT_GUESS_NAME if role else WEIGHT_GUESS_OTHER


def dictionary_readings(word: str) -> list[Reading]:
    parses = morphology.parse(word)
    top = max((p.score for p in parses), default=0.0) or 1.0
    readings = []
    for parse in parses:
        tag = parse.tag
        if tag.POS not in ("NOUN", "ADJF") or tag.number == "plur" or tag.gender == "neut":
            continue
        gender = tag.gender if tag.gender in (MASC, FEMN) else None
        nominative = inflect_nominative(parse, {NOMN, "sing"} | ({gender} if gender else set()))
        if nominative:
            role = _role_of_tag(tag)
            weight = _parse_weight(parse, role) * (0.8 + 0.2 * parse.score / top)
            case = None if "Fixd" in tag else parse_case(parse)
            weight *= WEIGHT_DICT_FIXED if case is None else 1.0
            readings.append(Reading(nominative, case, gender, role, weight))
    return readings


def rule_readings(word: str) -> list[Reading]:
    # A hyphenated name declines in its last part (Жан-Клода -> Жан-Клод).
    head, _, tail = word.rpartition("-")
    prefix = head + "-" if head else ""
    readings = []
    for rule in ending_rules():
        match = rule.pattern.match(tail)
        if not match:
            continue
        nominative = prefix + match.group(1) + rule.ending
        role = next((role for role in (FIRST, MIDDLE, LAST) if LISTED[role](nominative)), None)
        weight = {None: WEIGHT_RULE, LAST: WEIGHT_RULE_LISTED_LAST}.get(role, WEIGHT_RULE_LISTED)
        weight *= rule.trust
        readings += [Reading(nominative, case, rule.gender, role, weight) for case in rule.cases]
    return readings


@lru_cache(maxsize=100_000)
def name_readings(word: str) -> tuple[Reading, ...]:
    """Every candidate reading of a lowercased name word, best first."""
    readings = dictionary_readings(word)
    if CYRILLIC_WORD.fullmatch(word):
        readings += rule_readings(word)
    if not readings:
        readings.append(Reading(word, None, None, None, WEIGHT_RULE))
    # On a tie the word as written wins: an unknown foreign name is more often
    # indeclinable (Кими) than a rare form of an unlisted one (Кимя).
    return tuple(sorted(readings, key=lambda r: (-r.weight, r.nominative != word)))
