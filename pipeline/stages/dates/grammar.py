"""Date grammar as data: word tables and the regular-expression rules built from them.

Spans follow the NEREL DATE convention, measured on nerel-train: a leading
preposition belongs to the date (``в 2009 году``, ``с 2011 года``, ``во вторник``),
so does the year word (``года``, ``году``, ``г`` without its abbreviation dot),
a weekday glued to a date (``в среду, 3 октября 2018 года``) and a whole range
(``с 16 апреля по 19 мая 2019 года``). Bare durations (``10 лет``) are not dates.

Every rule is a named regex; all rules share the group names below, and
``rusnews.stages.dates.stage`` turns a match into a value. Two context checks a regex
cannot make (the tense of a clause, whether a bare number counts something)
close the module; they read pymorphy3 tags. Regexes rather than a yargy
grammar: the cue check plus these patterns run far faster than natasha's
full-text date grammar and keep exact control of the span edges.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rusnews import morphology
from rusnews.lexicon import read_words
from rusnews.resources import MODELS_DIR

# Month number -> (stem, endings). Endings cover every case form, so no morphology
# is needed; 'март'/'август' take no ending in the nominative.
MONTHS: dict[int, tuple[str, str]] = {
    1: ("январ", "ь|я|е|ю|ём|ем"),
    2: ("феврал", "ь|я|е|ю|ём|ем"),
    3: ("март", "а|е|у|ом|"),
    4: ("апрел", "ь|я|е|ю|ем"),
    5: ("ма", "й|я|е|ю|ем"),
    6: ("июн", "ь|я|е|ю|ем"),
    7: ("июл", "ь|я|е|ю|ем"),
    8: ("август", "а|е|у|ом|"),
    9: ("сентябр", "ь|я|е|ю|ём|ем"),
    10: ("октябр", "ь|я|е|ю|ём|ем"),
    11: ("ноябр", "ь|я|е|ю|ём|ем"),
    12: ("декабр", "ь|я|е|ю|ём|ем"),
}

# Weekday index (Monday = 0) -> forms after a preposition. 'среде' is left out on
# purpose: 'в среде' almost always means "in the environment", as does bare 'среды'
# outside 'до среды' / 'со среды', which the preposition requirement already enforces.
WEEKDAYS: dict[int, str] = {
    0: "понедельник(?:а|у|ом)?",
    1: "вторник(?:а|у|ом)?",
    2: "сред(?:у|ы)",
    3: "четверг(?:а|у|ом)?",
    4: "пятниц(?:а|у|ы|ей)",
    5: "суббот(?:а|у|ы|ой)",
    6: "воскресень(?:е|я|ю|ем)",
}

# Days relative to the publication date.
RELATIVE_DAYS: dict[str, int] = {
    "позавчера": -2,
    "вчера": -1,
    "сегодня": 0,
    "завтра": 1,
    "послезавтра": 2,
}

# Adjective stem -> shift in units ('на прошлой неделе' = one week back).
SHIFTS: dict[str, int] = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "прошедш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
}

# Number words counting the units of 'N ... назад', nominative and genitive
# ('около трёх лет назад'). 'полтора' has no whole count and stays unresolved.
NUMBER_WORDS: dict[str, int] = {
    "один": 1,
    "одну": 1,
    "одна": 1,
    "одного": 1,
    "пару": 2,
    "пара": 2,
    "два": 2,
    "две": 2,
    "двух": 2,
    "три": 3,
    "трёх": 3,
    "трех": 3,
    "четыре": 4,
    "четырёх": 4,
    "четырех": 4,
    "пять": 5,
    "пяти": 5,
    "шесть": 6,
    "шести": 6,
    "семь": 7,
    "семи": 7,
    "восемь": 8,
    "восьми": 8,
    "девять": 9,
    "девяти": 9,
    "десять": 10,
    "десяти": 10,
    "одиннадцать": 11,
    "одиннадцати": 11,
    "двенадцать": 12,
    "двенадцати": 12,
    "пятнадцать": 15,
    "пятнадцати": 15,
    "двадцать": 20,
    "двадцати": 20,
    "тридцать": 30,
    "тридцати": 30,
    "сорок": 40,
    "сорока": 40,
    "пятьдесят": 50,
    "пятидесяти": 50,
    "сто": 100,
    "ста": 100,
}
VAGUE_NUMBERS = ("несколько", "нескольких", "полтора", "полутора")

# Anaphoric time phrases: clearly dates, but their value depends on the story
# rather than on the publication date, so they get no value. Vague ones
# ('в настоящее время', 'недавно', 'на днях') are left out: NEREL annotators
# marked them as dates less than one time in five.
# Phrase regex -> granularity name (resolved to the model constant in dates.py).
ANAPHORIC: dict[str, str] = {
    r"(?:в|на)\s+(?:тот|этот)(?:\s+же)?\s+день": "day",
    r"(?:на|в)\s+следующий\s+день": "day",
    r"(?:в|на)\s+(?:том|этом)\s+же\s+году": "year",
    r"в\s+тот\s+же\s+год": "year",
    r"(?:с|до)\s+(?:того|этого)\s+дня": "day",
    r"в\s+(?:последние|ближайшие)\s+(?:годы|месяцы|недели|дни)": "year",
    r"в\s+(?:(?:минувшие|прошлые|прошедшие|эти|ближайшие)\s+)?выходные": "week",
}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _capitalizable(stem: str) -> str:
    return f"[{stem[0].upper()}{stem[0]}]{stem[1:]}"


MONTH = (
    "(?:"
    + "|".join(f"{_capitalizable(stem)}(?:{endings})" for stem, endings in MONTHS.values())
    + r")(?![а-яё])"
)
WEEKDAY = "(?i:" + "|".join(WEEKDAYS.values()) + r")(?![а-яё])"
RELATIVE_DAY = "(?i:" + _alternation(list(RELATIVE_DAYS)) + r")(?![а-яё])"
SHIFT = "(?:" + "|".join(SHIFTS) + ")"

# Prepositions NEREL includes in a date span. 'после' and 'около' are left out:
# annotators kept them outside ('после [19 лет]').
# A Latin 'C' typed for Cyrillic 'С' turns up in the corpora too.
PREP = r"(?:(?P<prep>(?i:в|во|с|со|до|к|ко|на|по|от|за|c))\s+)?"
START = r"(?<![\w./№:-])"
DAY = r"[0-3]?\d(?:-?(?:го|е))?"
YEAR_WORD = r"(?:\s*(?:год(?:а|у|ом|ах|ы|ов)?|гг?)(?![а-яё]))"
YEAR = r"\d{3,4}(?:-?(?:го|м|й))?"
# Part of a period: 'в начале 2017 года', 'до конца мая', 'во второй половине 1950-х'.
PART = (
    r"(?:(?i:начал[аеоу]?|конц[аеу]|конец|середин[аеуы]|течение|"
    r"(?:перв|втор)(?:ой|ую)\s+половин[аеуы]|(?:перв|втор)(?:ом|ого)\s+полугоди[ия]|"
    r"(?:перв|втор|трет|четв[её]рт)(?:ом|ьем|ого|ьего)\s+квартал[ае])\s+)"
)
SEASON = r"(?:(?i:весн(?:ой|а|ы)|лет(?:ом|о|а)|осень(?:ю)?|осени|зим(?:ой|а|ы))\s+)"
REL_YEAR = rf"(?P<yshift>{SHIFT}[а-яё]*)\s+года"
UNIT = (
    r"(?P<unit>(?i:дн(?:я|ей)|день|сут(?:ок|ки)|недел(?:ю|и|ь)|месяц(?:а|ев)?|"
    r"полгода|полугода|год(?:а)?|лет|десятилети[ея]|десятилетий))"
)
NUMBER = "(?i:" + _alternation([*NUMBER_WORDS, *VAGUE_NUMBERS]) + r"|\d+(?:,\d+)?)"

_DATE_TAIL = rf"(?:\s+(?P<year>{YEAR}){YEAR_WORD}?|\s+{REL_YEAR})?"

RULE_PATTERNS: dict[str, str] = {
    # '2 декабря 2025 года', 'в среду, 3 октября',
    # '27-28 сентября 2014 года', 'с 16 апреля по 19 мая 2019 года', '25 июля, в четверг'.
    "day_month": (
        rf"{START}{PREP}"
        rf"(?:(?:(?P<wshift>{SHIFT}[а-яё]*)\s+)?(?P<wd>{WEEKDAY})(?:\s*[,—–]\s*|\s+))?"
        rf"(?P<day>{DAY})(?:\s*(?:[-–—]|по|на)\s*(?P<day2>{DAY}))?"
        rf"\s+(?P<month>{MONTH}){_DATE_TAIL}"
        # A dash between two complete dates ('1 июня 2013 года — 27 июля 2017 года')
        # is annotated as two dates, 'с ... по ...' as one.
        rf"(?:\s*(?(year)(?:по|до)|(?:[-–—]|по|до))\s*(?P<day3>{DAY})\s+(?P<month3>{MONTH})"
        rf"(?:\s+(?P<year3>{YEAR}){YEAR_WORD}?)?)?"
        rf"(?:\s*,\s+(?:в|во)\s+(?P<wd2>{WEEKDAY}))?"
    ),
    # '02.12.2025', '05/08/2008', '5.11.2019 г'.
    "numeric": (
        rf"{START}{PREP}(?P<day>[0-3]?\d)(?P<sep>[./])(?P<mnum>[01]?\d)(?P=sep)(?P<year>\d{{4}})"
        rf"{YEAR_WORD}?(?!\d)"
    ),
    # '2025-12-02'.
    "iso": rf"{START}(?P<year>\d{{4}})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d-])",
    # 'в декабре', 'в декабре 2025 года', 'в конце января', 'в ноябре-декабре',
    # 'в июне прошлого года', 'с сентября 2011 по апрель 2012'.
    "month": (
        rf"{START}{PREP}(?P<part>{PART})?(?P<month>{MONTH})"
        rf"(?:\s+(?P<year>{YEAR}){YEAR_WORD}?)?"
        rf"(?:\s*(?:[-–—]|по|до)\s*(?P<month2>{MONTH})(?:\s+(?P<year2>{YEAR}){YEAR_WORD}?)?)?"
        rf"(?:\s+{REL_YEAR})?"
    ),
    # 'в 2026 году', '2017', 'в начале 2017 года', 'весной 2012 года', 'за 2010 г',
    # and the year of a named event: 'Сочи-2014', 'Олимпиаде-2016'.
    "year": (
        rf"(?:{START}|(?<=[а-яёА-ЯЁa-zA-Z]-)){PREP}(?P<part>{PART}|{SEASON})?(?P<year>{YEAR})"
        rf"(?P<yword>{YEAR_WORD})?(?![\d\w])"
    ),
    # 'с 2007 по 2011 годы', 'в 1998—2010 годах', 'в период с 1988 по 1992 год'.
    # Years joined by 'и' stay apart: NEREL mostly annotates 'в 2009' and '2013 годах'.
    "year_range": (
        rf"{START}(?P<period>(?i:в\s+период)\s+)?{PREP}(?P<part>{PART})?(?P<year>{YEAR})"
        rf"\s*(?:[-–—/]|по|до)\s*(?P<year2>\d{{2,4}})(?P<yword>{YEAR_WORD})?(?!\d)"
    ),
    # 'в 1990-е годы', 'в конце 1980-х', 'начала 90-х'; decades and centuries have
    # no ISO value of our four kinds, so they are found but left without one.
    "decade": (
        rf"{START}{PREP}(?P<part>{PART})?(?P<decade>\d{{3}}0|[1-9]0)-?(?:е|х|ые|ых)(?![а-яё])"
        rf"(?:\s+(?:годы|годах|годов|гг)(?![а-яё]))?"
    ),
    # 'в XIV веке', 'в конце XVIII века', 'ХХ-го века' (Cyrillic Х included).
    "century": (
        rf"{START}{PREP}(?P<part>{PART})?(?P<century>[IVXХ]+)(?:-?го)?"
        r"\s+(?i:век(?:а|е|у|ом)?)(?![а-яё])"
    ),
    # 'сегодня', 'вчера', 'на сегодняшний день', 'с сегодняшнего дня'.
    "relative_day": (
        rf"{START}(?:(?P<rd>{RELATIVE_DAY})|{PREP}(?P<today>(?i:сегодняшн)"
        r"(?:ий\s+день|его\s+дня|ему\s+дню|ем\s+дне)))(?![а-яё])"
    ),
    # 'в понедельник', 'в прошлую пятницу', 'с понедельника'.
    "weekday": (
        rf"{START}(?P<prep>(?i:в|во|с|со|до|к|ко|на|по))\s+"
        rf"(?:(?P<wshift>{SHIFT}[а-яё]*)\s+)?(?P<wd>{WEEKDAY})"
    ),
    # 'на прошлой неделе', 'в этом году', 'в следующем месяце', 'в конце прошлой недели',
    # 'в начале этого года'.
    "shifted_unit": (
        rf"{START}{PREP}(?P<part>{PART})?(?i:(?P<shift>{SHIFT}[а-яё]*)\s+"
        rf"(?P<sunit>недел[еюи]|году|года|месяце|месяца|месяц|год))(?![а-яё])"
    ),
    # 'два года назад', 'около года назад', 'неделю назад', 'через три дня', 'спустя неделю'.
    "ago": (
        rf"{START}(?:(?P<approx>(?i:около|почти|ещё|еще|примерно|более|больше|менее|"
        rf"немногим\s+более|немногим\s+больше|всего))\s+)?"
        rf"(?:(?P<num>{NUMBER})\s+)?"
        rf"{UNIT}\s+(?P<ago>(?:тому\s+)?назад|спустя)(?![а-яё])"
    ),
    "after": (
        rf"{START}(?P<after>(?i:(?:почти\s+)?через|спустя))\s+"
        rf"(?:(?P<num>{NUMBER})\s+)?{UNIT}(?![а-яё])"
    ),
    "anaphoric": rf"{START}(?P<phrase>(?i:{'|'.join(ANAPHORIC)}))(?![а-яё])",
}

RULES: dict[str, re.Pattern[str]] = {name: re.compile(p) for name, p in RULE_PATTERNS.items()}
ANAPHORIC_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(f"(?i:{p})$"), gran) for p, gran in ANAPHORIC.items()
]

# A sentence without any of these cannot hold a date, so the rules are not run on it.
# Matched against lowercased text: Python's case-insensitive alternation was
# 2.7x slower over factRuEval dev's sentences, with the same sentences passing.
CUE = re.compile(
    r"\d|январ|феврал|март|апрел|\bма[йяюе]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"понедельник|вторник|сред[уы]|четверг|пятниц|суббот|воскресень|сегодн|вчера|завтра|"
    r"недел|\bгод|месяц|назад|через|спустя|\bдн|\bден|выходные|век"
)


def has_cue(text: str) -> bool:
    """Whether a date expression can start anywhere in ``text`` (the rules run only then)."""
    return CUE.search(text.lower()) is not None


FUTURE_CUES = MODELS_DIR / "dates" / "future_cues.txt"


def read_future_cues(path: Path = FUTURE_CUES) -> re.Pattern[str]:
    """One pattern for the future cues the verb tense alone misses (see the file)."""
    cues = read_words(path)
    return re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b")


@lru_cache(maxsize=1)
def future_cues() -> re.Pattern[str]:
    return read_future_cues()


# --- context checks a regex cannot make -------------------------------------------

# '2026 человек': a lowercase word after a bare number says it counts something;
# '2009, 2011, 2012 и 2014 годы' is a list of years all the same.
_NEXT_WORD = re.compile(r"\s*([а-яёa-z][а-яёa-z-]*)")
# None: a word pymorphy cannot tag (Latin, 'км'-like abbreviations) counts as a unit.
_COUNTED_POS = {"NOUN", "ADJF", "NUMR", None}
_YEAR_LIST = re.compile(r"\s*(?:и|или)\s+\d")
_WORD = re.compile(r"[А-Яа-яЁё]+")


def _verb_tense(word: str) -> str | None:
    """'past', 'futr' or 'pres' when pymorphy reads ``word`` as a finite verb, else None."""
    tag = morphology.parse(word)[0].tag
    return tag.tense if tag.POS == "VERB" else None


def clause_tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None (unknown or mixed) for the clause around a match.

    The comma-delimited clause speaks first ('Он заявил, что встреча пройдёт
    в пятницу' is about the future); when it has no finite verb, the sentence.
    """
    for stops in (",;:.!?\n—", ".!?\n"):
        left = max(text.rfind(p, 0, start) for p in stops) + 1
        right = min((i for p in stops if (i := text.find(p, end)) >= 0), default=len(text))
        clause = text[left:right]
        future = bool(future_cues().search(clause))
        past = False
        for word in _WORD.findall(clause):
            tense = _verb_tense(word.lower())
            past |= tense == "past"
            future |= tense == "futr"
        if past != future:
            return "past" if past else "future"
        if past:
            return None
    return None


def counts_something(text: str, end: int) -> bool:
    """Whether the word after a bare number is what it counts ('2026 человек').

    A verb or a preposition after it ('в 2001 принят', '2017 у него') leaves the
    number a year; a noun, adjective or numeral makes it a quantity.
    """
    if _YEAR_LIST.match(text, end):
        return False
    word = _NEXT_WORD.match(text, end)
    if word is None:
        return False
    pos = morphology.parse(word.group(1))[0].tag.POS
    return pos in _COUNTED_POS
