"""Organization and place names to nominative: the noun phrase's head group.

The head noun and the adjectives before it go to nominative, in the head's
gender and number; what follows the head (genitive complements, quoted names)
stays as written, so ``Совета сотрудничества`` becomes ``Совет
сотрудничества``, not ``Совет сотрудничество``. A place name in apposition to
a listed descriptor agrees with it (``городе Грозном``) and goes to nominative
too. Data lists live in ``models/normalize/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rusnews.model import Token
from rusnews.morphology import (
    CASES,
    NOMN,
    inflect_nominative,
    is_known,
    parse_case,
    ud_case,
    ud_gender,
)
from rusnews.resources import MODELS_DIR
from rusnews.stages.normalize.person_readings import (
    MODIFIER_POS,
    NOUN_POS,
    is_cyrillic_word,
    join_tokens,
    name_particles,
    read_word_list,
    recover_shape,
    word_parses,
)
from rusnews.stages.normalize.word_forms import (
    CONSONANT_END,
    INDECLINABLE_ENDING,
    MIXED_ABBREVIATION,
    STEM_ENDINGS,
    is_ministry_short_name,
    region_nominative,
    same_stem,
)
from rusnews.text import CLOSING_QUOTES, OPENING_QUOTES, acronym_stem, fold, is_acronym

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

CONJUNCTIONS = frozenset({"и", ","})
# An ordinal in digits (13-й) agrees with its noun by its ending only.
ORDINAL = re.compile(r"(\d+)-[а-яё]{1,3}")
ORDINAL_ENDINGS = {"masc": "й", "femn": "я", "neut": "е", "plur": "е"}
GENDERS = ("masc", "femn", "neut")
UD_NUMBERS = {"Sing": "sing", "Plur": "plur"}
APPOSITION_HEADS_PATH = MODELS_DIR / "normalize" / "apposition_heads.txt"
HINT_CASE, HINT_NUMBER, PRIOR_NOMN = 0.3, 0.1, 0.05
HINT_FOREIGN = 0.2
# The word as written is a reading of the head too: pymorphy3's guesses for
# unknown proper nouns are often worse (Тоттенхэм -> тоттенхэма, a plural).
WEIGHT_AS_WRITTEN = 0.5
WEIGHT_STEM_GUESS = 0.35
WEIGHT_REGION = 0.6
# The singular of a plural head, when only singular adjectives agree with it.
WEIGHT_SHARED = 0.5


@cache
def apposition_heads() -> frozenset[str]:
    return read_word_list(APPOSITION_HEADS_PATH)


# ---- words ----


def _preference(parse_weight: tuple[Parse, float]) -> tuple[float, bool]:
    # Comparatives in -ший (больший) share every form with the plain adjective
    # (большой); names use the plain one: Большой театр.
    parse, weight = parse_weight
    return weight, not parse.normal_form.endswith("ший")


def _hint(token: Token, case: str | None, number: str | None) -> float:
    number_hint = UD_NUMBERS.get((token.feats or {}).get("Number", "")) == number
    return HINT_CASE * (ud_case(token) == case) + HINT_NUMBER * (number is not None and number_hint)


# ---- the head group: adjectives + head noun ----


@dataclass(slots=True)
class HeadGroup:
    modifiers: list[int]  # adjectives and ordinals before the head
    head: int | None  # None: nothing to inflect (МИД, Zakon.kz, ООО «Ромашка»)


def _frozen_from(tokens: list[Token]) -> int:
    """Where the part that never changes starts: a quoted name and what follows."""
    return next((i for i, tok in enumerate(tokens) if tok.text in OPENING_QUOTES), len(tokens))


def _possessive_before_noun(tokens: list[Token], i: int, surnames: list[Parse]) -> bool:
    """A surname form right before a lowercase noun in the same case and number is a
    possessive adjective (Воробьёвых гор), however slovnet tags it."""
    if tokens[i].pos == "ADJ":
        return True
    if i + 1 >= len(tokens) or not tokens[i + 1].text.islower():
        return False
    forms = {(parse_case(p), p.tag.number) for p in surnames}
    return any(
        (parse_case(q), q.tag.number) in forms for q, _ in word_parses(tokens[i + 1].text, NOUN_POS)
    )


def modifier_parses(tokens: list[Token], i: int) -> list[tuple[Parse, float]]:
    """Adjective readings of a word. A possessive adjective in -ов/-ин declines like the
    surname pymorphy3 reads it as (Воробьёвых гор, Никитинского суда), so that
    reading counts where the word stands as an adjective."""
    text = tokens[i].text
    parses = word_parses(text, MODIFIER_POS)
    surnames = [(p, w) for p, w in word_parses(text, NOUN_POS) if "Surn" in p.tag]
    if surnames and _possessive_before_noun(tokens, i, [p for p, _ in surnames]):
        parses += surnames
    return parses


def _is_modifier(tokens: list[Token], i: int) -> bool:
    if i >= len(tokens):
        return False
    text = tokens[i].text
    if ORDINAL.fullmatch(text):
        return True
    if not is_cyrillic_word(text) or is_acronym(text) or not modifier_parses(tokens, i):
        return False
    if not word_parses(text, MODIFIER_POS):
        return True  # a possessive adjective, found by its noun (Воробьёвых гор)
    # slovnet settles words that are both (Рабочая группа vs рабочий); a word
    # pymorphy3 reads only as an adjective stays one whatever slovnet says.
    return not (word_parses(text, NOUN_POS) and tokens[i].pos in ("NOUN", "PROPN"))


def _skip_particles(tokens: list[Token], limit: int) -> int:
    """Past the particles of a foreign place name: Сан Луисе, Аль Аин."""
    i = 0
    while i + 1 < limit and tokens[i].text.istitle():
        if fold(tokens[i].text) not in name_particles():
            break
        i += 1
    return i


def _quoted_head(tokens: list[Token], i: int) -> int | None:
    """«Центра» in "московского «Центра»": one quoted word right after the adjectives."""
    quoted = i + 1 < len(tokens) and tokens[i].text in OPENING_QUOTES
    closed = i + 2 == len(tokens) or (i + 2 < len(tokens) and tokens[i + 2].text in CLOSING_QUOTES)
    return i + 1 if quoted and closed and is_cyrillic_word(tokens[i + 1].text) else None


def _starts_word(tokens: list[Token], i: int) -> bool:
    text = tokens[i].text if i < len(tokens) else ""
    return is_cyrillic_word(text) or text in OPENING_QUOTES


def find_head_group(tokens: list[Token]) -> HeadGroup:
    limit = _frozen_from(tokens)
    modifiers: list[int] = []
    for i in range(_skip_particles(tokens, limit), limit):
        text = tokens[i].text
        if _starts_word(tokens, i + 1) and _is_modifier(tokens, i):
            modifiers.append(i)
        elif modifiers and fold(text) in CONJUNCTIONS and _is_modifier(tokens, i + 1):
            continue  # продовольственной и сельскохозяйственной организации
        elif is_cyrillic_word(text) and (
            # An acronym heads after adjectives (японского МИДа), even one pymorphy3 does
            # not know (Центральном ФО): the adjectives tell its case.
            (modifiers and is_acronym(text))
            or (word_parses(text, NOUN_POS) and not is_acronym(text))
        ):
            return HeadGroup(modifiers, i)
        elif i == len(tokens) - 1 and _is_modifier(tokens, i):
            return HeadGroup(modifiers + [i], None)  # adjectives alone: Тверской, Большого
        else:
            return HeadGroup([], None)
    if modifiers and limit < len(tokens):
        return HeadGroup(modifiers, _quoted_head(tokens, limit))
    return HeadGroup(modifiers, None)


@dataclass(frozen=True, slots=True)
class HeadReading:
    """One way to read the head: case, number, gender, and its nominative (None: as written)."""

    case: str
    number: str
    gender: str | None
    nominative: str | None
    weight: float
    # A plural head shared by coordinated singular adjectives (Большого и Мариинского
    # театров): one of them names one theatre, so the head is singular.
    shared: bool = False


@lru_cache(maxsize=100_000)
def head_readings(text: str) -> tuple[HeadReading, ...]:
    """Every way to read a head word; names repeat, so cached."""
    if is_ministry_short_name(text):
        return tuple(HeadReading(c, "sing", "neut", None, 1.0) for c in CASES)
    readings: list[HeadReading] = []
    for parse, weight in word_parses(text, NOUN_POS):
        number = parse.tag.number or "sing"
        gender = parse.tag.gender if parse.tag.gender in GENDERS else None
        case = parse_case(parse)
        if "Fixd" in parse.tag:  # бюро, Гуантанамо: the adjectives tell the case
            readings += [HeadReading(c, number, gender, None, weight) for c in CASES]
        elif case is not None:
            nominative = inflect_nominative(parse, {NOMN, number})
            readings.append(HeadReading(case, number, gender, nominative, weight))
            if number == "plur" and "Pltm" not in parse.tag:
                singular = inflect_nominative(parse, {NOMN, "sing"})
                readings.append(
                    HeadReading(case, "sing", gender, singular, weight * WEIGHT_SHARED, shared=True)
                )
    if not is_known(text):
        lower = text.lower()
        cases = CASES if INDECLINABLE_ENDING.search(lower) else (NOMN,)
        readings += [HeadReading(c, "sing", None, None, WEIGHT_AS_WRITTEN) for c in cases]
        if region := region_nominative(lower):
            readings.append(HeadReading("gent", "sing", "neut", region, WEIGHT_REGION))
        for ending, case in STEM_ENDINGS:
            stem = lower.removesuffix(ending)
            if stem != lower and len(stem) >= 3 and CONSONANT_END.search(stem):
                readings.append(HeadReading(case, "sing", "masc", stem, WEIGHT_STEM_GUESS))
    return tuple(dict.fromkeys(readings))  # an indeclinable word's parses repeat


def _agrees(parse: Parse, head: HeadReading) -> bool:
    tag = parse.tag
    if parse_case(parse) != head.case:
        return False
    if head.shared and tag.number == "plur":
        return True  # Сибирском [федеральных округах]: the plural adjective shares the head too
    if tag.number != head.number:
        return False
    return head.number == "plur" or head.gender is None or tag.gender == head.gender


@dataclass(slots=True)
class GroupChoice:
    head: HeadReading
    modifiers: list[Parse | None]  # the agreeing parse of each modifier; None for ordinals
    score: float


def choose_group(tokens: list[Token], group: HeadGroup) -> GroupChoice | None:
    """The head reading its adjectives agree with best, slovnet's features as a hint."""
    assert group.head is not None
    best: GroupChoice | None = None
    adjectives = any(not ORDINAL.fullmatch(tokens[i].text) for i in group.modifiers)
    for head in head_readings(tokens[group.head].text):
        if head.shared and not adjectives:
            continue
        score = head.weight + _hint(tokens[group.head], head.case, head.number)
        # slovnet's X is a word it does not take for Russian: a foreign name, most
        # likely as written (Ла стампа), not an oblique form pymorphy3 guesses (стамп).
        score += HINT_FOREIGN * (head.nominative is None and tokens[group.head].pos == "X")
        score += PRIOR_NOMN * (head.case == NOMN)
        chosen: list[Parse | None] = []
        for index in group.modifiers:
            if ORDINAL.fullmatch(tokens[index].text):
                chosen.append(None)
                continue
            parses = modifier_parses(tokens, index)
            fitting = [(p, w) for p, w in parses if _agrees(p, head)]
            if not fitting:
                break
            parse, weight = max(fitting, key=_preference)
            chosen.append(parse)
            score += weight + _hint(tokens[index], head.case, head.number)
        else:
            # A shared head needs a singular adjective to say one of the things is meant.
            if head.shared and all(p is None or p.tag.number == "plur" for p in chosen):
                continue
            if best is None or score > best.score:
                best = GroupChoice(head, chosen, score)
    return best


def _inflect_modifier(text: str, parse: Parse | None, number: str, gender: str | None) -> str:
    ordinal = ORDINAL.fullmatch(text)
    if ordinal or parse is None:
        ending = ORDINAL_ENDINGS[gender if number == "sing" and gender else "plur"]
        return f"{ordinal.group(1)}-{ending}" if ordinal else text
    wanted = {NOMN, number}
    if number == "sing" and (gender or parse.tag.gender):
        wanted.add(gender or parse.tag.gender)
    word = same_stem(parse, inflect_nominative(parse, wanted))
    return recover_shape(word, text) if word else text


def inflect_group(tokens: list[Token], group: HeadGroup, texts: list[str]) -> HeadReading | None:
    """Put the head and its adjectives in nominative; the chosen head reading, if inflected."""
    assert group.head is not None
    head_index = group.head
    choice = choose_group(tokens, group)
    if choice is None and group.modifiers:
        # The adjectives agree with no reading of the head: inflect the head alone.
        group = HeadGroup([], head_index)
        choice = choose_group(tokens, group)
    # A nominative is left as written, unless it is a plural shared by coordinated names
    # (Тюменская и Свердловская [области] -> Тюменская область).
    if choice is None or (choice.head.case == NOMN and not choice.head.shared):
        return None
    head, head_text = choice.head, tokens[head_index].text
    if is_acronym(head_text):
        texts[head_index] = acronym_stem(head_text)
    elif MIXED_ABBREVIATION.fullmatch(head_text):
        pass  # УрФУ, РАНХиГС do not decline; pymorphy3 reads урфу as a dative of урфа
    elif head.nominative:
        texts[head_index] = recover_shape(head.nominative, head_text)
    gender = head.gender or next((p.tag.gender for p in choice.modifiers if p is not None), None)
    for index, parse in zip(group.modifiers, choice.modifiers):
        texts[index] = _inflect_modifier(tokens[index].text, parse, head.number, gender)
    return head


def _nominative_of(token: Token, parses: list[tuple[Parse, float]]) -> str | None:
    """A word on its own to nominative, keeping the gender and number slovnet saw."""
    case, gender = ud_case(token), ud_gender(token)
    scored = [
        (p, w + HINT_CASE * (parse_case(p) == case) + HINT_CASE * (p.tag.gender == gender))
        for p, w in parses
    ]
    if not scored:
        return None
    parse = max(scored, key=_preference)[0]
    if parse_case(parse) == NOMN:
        return None
    number = parse.tag.number or "sing"
    wanted = {NOMN, number} | ({parse.tag.gender} if parse.tag.gender else set())
    word = inflect_nominative(parse, wanted)
    return recover_shape(word, token.text) if word else None


def inflect_apposition(
    tokens: list[Token], head_index: int, head: HeadReading, texts: list[str]
) -> bool:
    """A place name after a descriptor, in the same case: городе Грозном -> город Грозный.
    Only listed descriptors: others take a genitive that stays (мэрии Москвы).
    True when the word after the head is such a name (inflected, or nominative already)."""
    index = head_index + 1
    if index >= len(tokens) or head.number != "sing":
        return False
    if fold(texts[head_index]) not in apposition_heads():
        return False
    token = tokens[index]
    if not (is_cyrillic_word(token.text) and token.text[:1].isupper()):
        return False
    parses = word_parses(token.text, NOUN_POS | MODIFIER_POS)
    if any(parse_case(p) == NOMN for p, _ in parses) and ud_case(token) != head.case:
        return True  # Республики Казахстан: the name is already nominative
    fitting = [(p, w) for p, w in parses if parse_case(p) == head.case and p.tag.number == "sing"]
    word = _nominative_of(token, fitting)
    if word:
        texts[index] = word
    return word is not None


@dataclass(slots=True)
class PhraseForms:
    """A phrase's words in nominative, and what was found on the way."""

    texts: list[str]
    group: HeadGroup
    apposition: bool = False  # the word after the head is a name agreeing with it


def inflect_phrase(tokens: list[Token]) -> PhraseForms:
    """Each word of an organization or place name in its normal form, capitalization kept."""
    texts = [tok.text for tok in tokens]
    if tokens and is_acronym(tokens[0].text):
        texts[0] = acronym_stem(tokens[0].text)
    group = find_head_group(tokens)
    forms = PhraseForms(texts, group)
    if group.head is not None:
        head = inflect_group(tokens, group, texts)
        if head is not None:
            forms.apposition = inflect_apposition(tokens, group.head, head, texts)
    else:
        for index in group.modifiers:  # adjectives with no noun: each keeps its own gender
            parses = modifier_parses(tokens, index)
            texts[index] = _nominative_of(tokens[index], parses) or texts[index]
    return forms


def normalize_phrase(tokens: list[Token]) -> str:
    """Nominative of an organization or place name, every word kept."""
    return join_tokens(inflect_phrase(tokens).texts, tokens)
