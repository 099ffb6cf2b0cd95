"""Person names to nominative: the case and gender all parts of a name agree on.

Each word of a name is read into candidate nominatives (pymorphy3 parses, its
guesses for unknown words, and the ending rules of
``models/normalize/name_endings.tsv``); then one ``(case, gender)`` is chosen
for the whole name. So ``Каи Каллас`` becomes ``Кая Каллас`` (``Каллас`` does
not decline, so she is a woman and ``Каи`` a genitive) and a lone ``Путина``
stays a man's genitive. The word-level helpers at the top (cached parses, shape
recovery) are shared with ``normalize.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.model import Token
from pipeline.resources import MODELS_DIR, morph_analyzer

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse
    from pymorphy3.tagset import OpencorporaTag

FIRST, MIDDLE, LAST = "first", "middle", "last"
TAG_ROLES = (("Name", FIRST), ("Patr", MIDDLE), ("Surn", LAST))
NOMN = "nomn"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
MASC, FEMN = "masc", "femn"
# pymorphy3's second genitive/locative/accusative; no name needs them apart.
CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
# slovnet (Universal Dependencies) feature values in pymorphy3's vocabulary.
UD_CASES = {
    "Nom": "nomn", "Gen": "gent", "Par": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt",
    "Loc": "loct",
}
UD_GENDERS = {"Masc": MASC, "Fem": FEMN, "Neut": "neut"}

ENDINGS_PATH = MODELS_DIR / "normalize" / "name_endings.tsv"
PARTICLES_PATH = MODELS_DIR / "normalize" / "particles.txt"
PATRONYMIC = re.compile(r"(?:ович|евич|ьич|инич|ична|овна|евна|инична)$")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
CYRILLIC_WORD = re.compile(r"[а-яё]+(?:-[а-яё]+)*")
APOSTROPHES = frozenset("’'`")
# natasha's surname list holds men's forms: a woman's surname is looked up as his.
FEMININE_SURNAMES = (
    ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("ына", "ын"), ("ская", "ский"), ("цкая", "цкий"),
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
# A word may leave the name's agreement (Хамид Карзаем) only on strong evidence.
DISAGREEMENT_PENALTY = 0.25
HINT_CASE, HINT_GENDER = 0.2, 0.1
PRIOR_NOMN, PRIOR_MASC, ROLE_PRIOR = 0.05, 0.03, 0.1


# ---- word-level helpers, shared with normalize.py ----


def canon(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def parse_word(word: str) -> tuple[Parse, ...]:
    """pymorphy3 parses of a lowercased word; names and places repeat, so cache."""
    return tuple(morph_analyzer().parse(word))


def inflect_nominative(parse: Parse, grammemes: set[str]) -> str | None:
    """The nominative with the wanted number/gender, or any nominative pymorphy3 has."""
    form = parse.inflect(grammemes) or parse.inflect({NOMN})
    return form.word if form else None


def parse_case(parse: Parse) -> str | None:
    return CASE_ALIASES.get(parse.tag.case, parse.tag.case)


def ud_case(token: Token) -> str | None:
    return UD_CASES.get((token.feats or {}).get("Case", ""))


def ud_gender(token: Token) -> str | None:
    return UD_GENDERS.get((token.feats or {}).get("Gender", ""))


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


def _words(text: str) -> frozenset[str]:
    lines = (line.split("#")[0].strip() for line in text.splitlines())
    return frozenset(canon(line) for line in lines if line)


def read_word_list(path: Path) -> frozenset[str]:
    """A data file of one word a line; ``#`` starts a comment."""
    return _words(path.read_text(encoding="utf-8"))


# ---- lists and ending rules ----


@cache
def natasha_names(name: str) -> frozenset[str]:
    """natasha's first.txt / last.txt, read where its wheel put them (never copied here)."""
    try:
        path = importlib_resources.files("natasha") / "data" / "dict" / name
        return _words(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()


@cache
def name_particles() -> frozenset[str]:
    return read_word_list(PARTICLES_PATH)


def is_listed_first(nominative: str) -> bool:
    return canon(nominative) in natasha_names("first.txt")


def is_patronymic(nominative: str) -> bool:
    return bool(PATRONYMIC.search(canon(nominative)))


def is_listed_last(nominative: str) -> bool:
    word, last = canon(nominative), natasha_names("last.txt")
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
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        regex, ending, cases, gender, *trust = line.split("\t")
        regex = regex.replace("C", "[бвгджзклмнпрстфхцчшщ]").replace("V", "[аеёиоуыэюя]")
        rule_cases = (None,) if cases == "*" else tuple(cases.split(","))
        rule_gender = None if gender == "*" else gender
        rules.append(EndingRule(re.compile(regex), ending.strip("-"), rule_cases, rule_gender,
                                float(trust[0]) if trust else 1.0))
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
    analyzers = [type(step[0]).__name__ for step in parse.methods_stack]
    if analyzers == ["DictionaryAnalyzer"]:
        return WEIGHT_DICT_NAME if role else WEIGHT_DICT_OTHER
    if "UnknownPrefixAnalyzer" in analyzers:
        return WEIGHT_PREFIX_GUESS  # Кар|заем -> карзаём: an invention
    return WEIGHT_GUESS_NAME if role else WEIGHT_GUESS_OTHER


def dictionary_readings(word: str) -> list[Reading]:
    parses = parse_word(word)
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


# ---- the agreement of a whole name ----


@dataclass(slots=True)
class NameWord:
    token: Token
    readings: tuple[Reading, ...]
    reading: Reading | None = None


def _hint(token: Token, case: str | None, gender: str | None) -> float:
    """Agreement with slovnet's reading of the word in its sentence."""
    case_hint = case is not None and ud_case(token) == case
    return HINT_CASE * case_hint + HINT_GENDER * (gender is not None and ud_gender(token) == gender)


def _role_prior(reading: Reading, expected: str) -> float:
    # A listed surname read where a first name stands (Тору -> Тор) is a weaker reading.
    return 0.0 if reading.role is None else ROLE_PRIOR if reading.role == expected else -ROLE_PRIOR


def _word_score(word: NameWord, case: str, gender: str, expected: str) -> tuple[float, Reading]:
    score, reading = 0.0, word.readings[0]
    for candidate in word.readings:
        # slovnet's gender backs only a reading that has a gender of its own: an
        # a-declension nominative fits either (Кошта), and a genitive -а of a
        # consonant stem (Эдуардса) must not lose to it on slovnet's say-so.
        fit = candidate.weight + _role_prior(candidate, expected) + _hint(word.token, case, candidate.gender)
        if candidate.fits(case, gender) and fit > score:
            score, reading = fit, candidate
    # A word breaks ranks only when its own reading, slovnet agreeing, is much
    # better than the one the other words impose.
    for other in word.readings:
        own = other.weight + _role_prior(other, expected) - DISAGREEMENT_PENALTY
        own += _hint(word.token, other.case, other.gender)
        if own > score:
            score, reading = own, other
    return score, reading


def expected_roles(n: int) -> list[str]:
    """Where news puts each part: First [Patronymic] Last; a lone word is a surname."""
    return [LAST] if n == 1 else [FIRST, MIDDLE, LAST] if n == 3 else [FIRST] * (n - 1) + [LAST]


def agree(words: list[NameWord]) -> tuple[str, str]:
    """Pick the (case, gender) the name's words agree on best and set each word's reading."""
    best_score, best_key, best_readings = float("-inf"), (NOMN, MASC), []
    roles = expected_roles(len(words))
    for case in CASES:
        for gender in (MASC, FEMN):
            scored = [_word_score(word, case, gender, role) for word, role in zip(words, roles)]
            score = sum(s for s, _ in scored)
            score += PRIOR_NOMN * (case == NOMN) + PRIOR_MASC * (gender == MASC)
            if score > best_score + 1e-9:
                best_score, best_key, best_readings = score, (case, gender), [r for _, r in scored]
    for word, reading in zip(words, best_readings):
        word.reading = reading
    return best_key


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
    return NameWord(token, name_readings(canon(token.text))) if token.text[:1].isupper() else None


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
        elif WORD.fullmatch(text) and i + 1 < len(tokens) and (
            text.islower() or canon(text) in name_particles()
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


def normalize_person(tokens: list[Token]) -> PersonName:
    """Nominative of a person's name, with its first name, patronymic and surname."""
    texts = [tok.text for tok in tokens]
    parts = group_parts(tokens)
    words = [part.word for part in parts if part.word]
    if words:
        agree(words)
    for part in parts:
        if part.word and part.word.reading:
            index = part.indexes[-1]
            texts[index] = recover_shape(part.word.reading.nominative, tokens[index].text)
    result = PersonName(normal=join_tokens(texts, tokens))
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
