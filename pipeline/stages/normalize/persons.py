"""Person names to nominative: the case and gender all parts of a name agree on.

Each word of a name is read into candidate nominatives (pymorphy3 parses, its
guesses for unknown words, and the ending rules of
``models/normalize/name_endings.tsv``); then one ``(case, gender)`` is chosen
for the whole name. So ``Каи Каллас`` becomes ``Кая Каллас`` (``Каллас`` does
not decline, so she is a woman and ``Каи`` a genitive) and a lone ``Путина``
stays a man's genitive. How one word is read is in ``name_readings.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rusnews.model import Token
from rusnews.morphology import CASES, FEMN, MASC, NOMN, ud_case, ud_gender
from rusnews.stages.normalize.person_readings import (
    FIRST,
    LAST,
    LISTED,
    MIDDLE,
    Reading,
    join_tokens,
    name_particles,
    name_readings,
    recover_shape,
)
from rusnews.text import fold

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
APOSTROPHES = frozenset("’'`")
# A word may leave the name's agreement (Хамид Карзаем) only on strong evidence.
DISAGREEMENT_PENALTY = 0.25
HINT_CASE, HINT_GENDER = 0.2, 0.1
PRIOR_NOMN, PRIOR_MASC, ROLE_PRIOR = 0.05, 0.03, 0.1
ALL_CASES = frozenset(CASES)


# ---- the agreement of a whole name ----


@dataclass(slots=True)
class NameWord:
    token: Token
    readings: tuple[Reading, ...]
    reading: Reading | None = None
    # slovnet's case and gender of the word in its sentence, read once: `agree`
    # weighs every reading against them for every case and gender it tries.
    tagged_case: str | None = field(init=False)
    tagged_gender: str | None = field(init=False)

    def __post_init__(self) -> None:
        self.tagged_case, self.tagged_gender = ud_case(self.token), ud_gender(self.token)


def _hint(word: NameWord, case: str | None, gender: str | None) -> float:
    """Agreement with slovnet's reading of the word in its sentence."""
    case_hint = case is not None and word.tagged_case == case
    return HINT_CASE * case_hint + HINT_GENDER * (
        gender is not None and word.tagged_gender == gender
    )


def _role_prior(reading: Reading, expected: str) -> float:
    # A listed surname read where a first name stands (Тору -> Тор) is a weaker reading.
    return 0.0 if reading.role is None else ROLE_PRIOR if reading.role == expected else -ROLE_PRIOR


def _word_score(
    word: NameWord, case: str, gender: str, expected: str, cases: frozenset[str]
) -> tuple[float, Reading]:
    score, reading = 0.0, word.readings[0]
    for candidate in word.readings:
        # slovnet's gender backs only a reading that has a gender of its own: an
        # a-declension nominative fits either (Кошта), and a genitive -а of a
        # consonant stem (Эдуардса) must not lose to it on slovnet's say-so.
        fit = (
            candidate.weight
            + _role_prior(candidate, expected)
            + _hint(word, case, candidate.gender)
        )
        if candidate.fits(case, gender) and fit > score:
            score, reading = fit, candidate
    # A word breaks ranks only when its own reading, slovnet agreeing, is much
    # better than the one the other words impose, and in a case the context allows.
    for other in word.readings:
        if other.case is not None and other.case not in cases:
            continue
        # A name may break ranks on its case (Хамид Карзаем), never on its gender: one
        # person is not a woman by her first name and a man by his surname (Арину Бородину).
        if other.gender is not None and other.gender != gender:
            continue
        own = other.weight + _role_prior(other, expected) - DISAGREEMENT_PENALTY
        own += _hint(word, other.case, other.gender)
        if own > score:
            score, reading = own, other
    return score, reading


def _permits(word: NameWord, cases: frozenset[str]) -> bool:
    return any(reading.case is None or reading.case in cases for reading in word.readings)


def _permits_gender(word: NameWord, genders: frozenset[str]) -> bool:
    return any(reading.gender is None or reading.gender in genders for reading in word.readings)


@dataclass(slots=True)
class Agreement:
    case: str
    gender: str
    # How much better the chosen gender scored than the best reading in the other one:
    # what this mention tells the other mentions of the person about the gender.
    margin: float


def expected_roles(n: int) -> list[str]:
    """Where news puts each part: First [Patronymic] Last; a lone word is a surname."""
    return [LAST] if n == 1 else [FIRST, MIDDLE, LAST] if n == 3 else [FIRST] * (n - 1) + [LAST]


def agree(
    words: list[NameWord],
    cases: frozenset[str] | None = None,
    genders: frozenset[str] | None = None,
) -> Agreement:
    """Pick the (case, gender) the name's words agree on best and set each word's reading.

    ``cases`` are those the context allows (after `для` only a genitive), ``genders``
    those it says (a verb that agrees, the person's other mentions); when a word has no
    reading in any of them, the words win over the context."""
    if cases is None or not all(_permits(word, cases) for word in words):
        cases = ALL_CASES
    if genders is None or not all(_permits_gender(word, genders) for word in words):
        genders = frozenset((MASC, FEMN))
    best_score, best_key, best_readings = float("-inf"), (NOMN, MASC), []
    by_gender = {MASC: float("-inf"), FEMN: float("-inf")}
    roles = expected_roles(len(words))
    for case in (c for c in CASES if c in cases):
        for gender in (g for g in (MASC, FEMN) if g in genders):
            scored = [
                _word_score(word, case, gender, role, cases) for word, role in zip(words, roles)
            ]
            score = sum(s for s, _ in scored)
            score += PRIOR_NOMN * (case == NOMN) + PRIOR_MASC * (gender == MASC)
            by_gender[gender] = max(by_gender[gender], score)
            if score > best_score + 1e-9:
                best_score, best_key, best_readings = score, (case, gender), [r for _, r in scored]
    for word, reading in zip(words, best_readings):
        word.reading = reading
    case, gender = best_key
    other = by_gender[FEMN if gender == MASC else MASC]
    return Agreement(case, gender, best_score - other if other > float("-inf") else 1.0)


# ---- parts and roles ----


@dataclass(slots=True)
class NamePart:
    """Tokens of one part of a name: a word with its particles, or an initial with its dot."""

    indexes: list[int]
    word: NameWord | None = None  # None: an initial or a word that does not inflect
    apostrophe: bool = False  # О’Нил, д'Артаньян: a surname

    def has_role(self, role: str) -> bool:
        if self.apostrophe:
            return role == LAST
        reading = self.word.reading if self.word else None
        return reading is not None and (reading.role == role or LISTED[role](reading.nominative))


def assign_roles(parts: list[NamePart]) -> list[str]:
    """Which parts are the first name, the patronymic and the surname.

    News writes First [Patronymic] Last; a patronymic at the end means Last
    First Patronymic. A lone word is a surname unless it is a known first name.
    """
    n = len(parts)
    if n == 1:
        part = parts[0]
        if part.has_role(MIDDLE):
            return [MIDDLE]
        return [FIRST] if part.has_role(FIRST) and not part.has_role(LAST) else [LAST]
    middles = [i for i, part in enumerate(parts) if i > 0 and part.has_role(MIDDLE)]
    if not middles and n == 3 and parts[1].word is None:
        middles = [1]  # В. В. Путин
    if middles:
        m = middles[-1]
        if m == n - 1 and n >= 3:
            return [LAST] + [FIRST] * (n - 2) + [MIDDLE]
        return [FIRST] * m + [MIDDLE] + [LAST] * (n - m - 1)
    first, last = parts[0], parts[-1]
    surname_first = first.has_role(LAST) and not first.has_role(FIRST)
    if n == 2 and surname_first and last.has_role(FIRST) and not last.has_role(LAST):
        return [LAST, FIRST]  # Путин Владимир
    return [FIRST] * (n - 1) + [LAST]


def _is_initial(tokens: list[Token], i: int) -> bool:
    text = tokens[i].text
    return len(text) == 1 and text.isupper() and i + 1 < len(tokens) and tokens[i + 1].text == "."


def _joins_apostrophe(tokens: list[Token], i: int) -> bool:
    """О’Рейли, д'Артаньян: one name written with an apostrophe and no spaces."""
    if tokens[i].text not in APOSTROPHES or not 0 < i < len(tokens) - 1:
        return False
    return tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start


def _name_word(token: Token) -> NameWord | None:
    return NameWord(token, name_readings(fold(token.text))) if token.text[:1].isupper() else None


def group_parts(tokens: list[Token]) -> list[NamePart]:
    """Split a name into parts: an initial takes its dot, a particle (фон, ибн)
    joins the word after it, other punctuation belongs to no part."""
    parts: list[NamePart] = []
    pending: list[int] = []
    i = 0
    while i < len(tokens):
        text = tokens[i].text
        if parts and _joins_apostrophe(tokens, i):
            parts[-1] = NamePart(parts[-1].indexes + [i, i + 1], _name_word(tokens[i + 1]), True)
            i += 1
        elif _is_initial(tokens, i):
            parts.append(NamePart(pending + [i, i + 1]))
            pending = []
            i += 1
        elif (
            WORD.fullmatch(text)
            and i + 1 < len(tokens)
            and (text.islower() or fold(text) in name_particles())
        ):
            pending.append(i)
        elif WORD.fullmatch(text):
            parts.append(NamePart(pending + [i], _name_word(tokens[i])))
            pending = []
        i += 1
    if pending and parts:
        parts[-1].indexes += pending
    return parts


@dataclass(slots=True)
class PersonName:
    normal: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    gender: str | None = None  # None: no word of the name inflects
    margin: float = 0.0  # how sure the gender is (Agreement.margin)


def _join_spaced(texts: list[str], tokens: list[Token], parts: list[NamePart]) -> str:
    """The name with the text's spacing, and a space after an initial written close up
    to the next part (В.Л -> В. Л), as initials are printed."""
    spaced = {part.indexes[-1] + 1 for part in parts if part.word is None}
    out: list[str] = []
    for i, (text, tok) in enumerate(zip(texts, tokens)):
        if i:
            gap = tok.start - tokens[i - 1].end
            out.append(" " * (max(gap, 1) if i in spaced and WORD.match(text) else gap))
        out.append(text)
    return "".join(out)


def normalize_person(
    tokens: list[Token],
    cases: frozenset[str] | None = None,
    genders: frozenset[str] | None = None,
) -> PersonName:
    """Nominative of a person's name, with its first name, patronymic and surname;
    ``cases`` and ``genders``: those the context allows, if it says."""
    texts = [tok.text for tok in tokens]
    parts = group_parts(tokens)
    words = [part.word for part in parts if part.word]
    agreement = agree(words, cases, genders) if words else None
    for part in parts:
        if part.word and part.word.reading:
            index = part.indexes[-1]
            texts[index] = recover_shape(part.word.reading.nominative, tokens[index].text)
    result = PersonName(normal=_join_spaced(texts, tokens, parts))
    if agreement is not None:
        result.gender, result.margin = agreement.gender, agreement.margin
    roles = assign_roles(parts) if parts else []
    for role in (FIRST, MIDDLE, LAST):
        pieces = [
            join_tokens([texts[i] for i in part.indexes], [tokens[i] for i in part.indexes])
            for part, part_role in zip(parts, roles)
            if part_role == role
        ]
        if pieces:
            setattr(result, role, " ".join(pieces))
    return result
