"""Durations and date adjectives as DATE mentions, as NEREL annotates them (the `nerel` profile).

NEREL's DATE covers more than points in time: spans of time (`за последние
70 лет`, `в течение пяти лет`, `30 дней`, `полгода`), terms as adjectives
(`шестимесячный`) and adjectives of a month or day
(`декабрьском`, `сегодняшнего`), a court's term (`к 24 годам`, `до трёх лет` лишения
свободы) and spans counted from an event (`годом позже`, `за день` до казни).
factRuEval does not, and the seed article's `10 лет` is no date under the default
profile, so only the `nerel` profile runs this stage. The mentions have no value: a
duration is not a date on the calendar. They are added where no other mention is; the date grammar's
resolvable dates come first.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rusnews.model import DATE, Article, Mention
from rusnews.model import DURATION as DURATION_KIND
from rusnews.overlaps import Overlaps
from rusnews.stages.base import DATES, MENTIONS, SENTENCES
from rusnews.stages.dates.grammar import NUMBER

# A count of years is an age as often as a span of time (`в возрасте 19 лет`,
# `45-летний`), and NEREL types ages as AGE: years count as a duration only
# after a word that makes them one (`за`, `в течение`, `последние`); days,
# weeks and months need none.
_LEAD = r"(?:(?:около|более|менее|почти|свыше|не\s+менее|не\s+более|чуть\s+более|примерно)\s+)?"
_SPAN_LEAD = r"(?:за|в\s+течение|на\s+протяжении|на|более\s+чем\s+за|почти\s+за)\s+"
_QUALIFIER = r"(?:в\s+)?(?:последн|ближайш|прошедш|минувш|перв|следующ)(?:ие|их)\s+"
_NUMBER = rf"{NUMBER}(?:\s*[-–]\s*\d+)?"  # the date grammar's counts, and ranges (`2-3 года`)
_YEARS = r"(?:лет|год(?:а|у)?|десятилети(?:е|я|й)|столети(?:е|я|й)|век(?:а|ов)?)"
_SHORT = r"(?:месяц(?:а|ев)?|недел(?:я|ю|и|ь)|недель|дн(?:я|ей)|день|сут(?:ок|ки))"
_HALF = r"(?:полгода|полугода|полвека|полтора\s+года|полутора\s+лет)"
_TERM = (
    r"(?:\d+-|одно|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти)"
    r"(?:месячн|дневн|недельн)"
)
_MONTH_ADJECTIVE = (
    r"(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|"
    r"октябрьск|ноябрьск|декабрьск|сегодняшн|вчерашн|завтрашн)"
)

# A term of years in an adjective is an age as often (`55-летний премьер`): it is a
# span of time before a noun that names one (`пятилетний срок`, `15-летний опыт`).
_YEARS_TERM = (
    r"(?:\d+-|одно|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|"
    r"пятнадцати|двадцати|тридцати|сорока|пятидесяти)летн[а-яё]*"
)
_TERM_NOUN = (
    r"(?=\s+(?:[а-яё]+(?:ой|ий|ый|ую|ее|ое|ей|его|ого)\s+)?"
    r"(?:(?:срок|стаж|опыт|период|запрет|заключени|гаранти|карантин|контракт|служб|перерыв|"
    r"правлени|моратори|пребывани)[а-яё]{0,2}(?![а-яё])))"
)
# A sentence's term: years and months a court gives (`приговорил к 24 годам`, without
# the `к`; `грозит до трёх лет лишения свободы`) whatever precedes them.
_PENALTY = (
    r"(?=\s+(?:лишени|тюрьм|тюремн|колони|заключени|ограничени|строгого|исправительн|"
    r"принудительн))"
)
_SENTENCED = r"(?<=(?<![\w-])к\s)"
_DATIVE_TERM = r"(?:годам|году|месяцам|месяцу)"
# Dative counts; not a year: `к 2045 году` is a point, `к сороковым годам` a decade.
_COUNT = (
    r"(?:\d{1,2}(?:,\d+)?|одному|двум|трём|трем|четырём|четырем|пяти|шести|семи|восьми|"
    r"девяти|десяти|одиннадцати|двенадцати|пятнадцати|двадцати|тридцати)"
)
# `1 год 5 месяцев`: the months go with the years.
_AND_MONTHS = rf"(?:\s+(?:и\s+)?{NUMBER}\s+{_SHORT})?"
_UNIT_GENITIVE = (
    r"(?:лет|года|месяца|месяцев|недели|недель|дня|дней|суток|"
    r"десятилетий|десятилетия|веков|века)"
)
_SPAN_NUMERAL = (
    r"(?:многих|нескольких|последних|ближайших|долгих|целого|целой|всего|двух|трёх|трех)"
)
# `в течение десятилетий`, `на протяжении многих лет`: the words make a span without a number.
_THROUGH = rf"(?:в\s+течение|на\s+протяжении)\s+(?:{_SPAN_NUMERAL}\s+)?{_UNIT_GENITIVE}"
# `годом позже`, `двумя неделями ранее`: a span counted from the story's time.
_LATER = (
    r"(?:годом|месяцем|неделей|днём|днем|(?:двумя|тремя|несколькими|пятью)\s+"
    r"(?:годами|месяцами|неделями|днями))\s+(?:позже|позднее|ранее|раньше)"
)
# `за день до казни`: the span before an event, without the event (`до этого` kept).
_BEFORE = (
    r"(?:(?:более|менее)\s+чем\s+)?за\s+(?:день|неделю|месяц|год|сутки)"
    r"(?:\s+до\s+(?:этого|того)(?![\w-])|(?=\s+до(?![\w-])))"
)

START = r"(?<![\w-])"
END = r"(?![\w-])"
DURATION = re.compile(
    rf"(?i:{START}(?:"
    rf"(?:{_SPAN_LEAD})?{_LEAD}(?:{_QUALIFIER})?{_NUMBER}\s+{_SHORT}"
    rf"|(?:{_SPAN_LEAD}{_LEAD}(?:{_QUALIFIER})?|{_LEAD}{_QUALIFIER}){_NUMBER}\s+{_YEARS}{_AND_MONTHS}"
    rf"|(?:до\s+)?{_LEAD}{_NUMBER}\s+{_YEARS}{_AND_MONTHS}{_PENALTY}"
    rf"|{_SENTENCED}{_COUNT}\s+{_DATIVE_TERM}"
    rf"|(?:{_SPAN_LEAD})?{_LEAD}(?:{_QUALIFIER})?{_HALF}"
    rf"|{_THROUGH}|{_LATER}|{_BEFORE}"
    rf"|{_TERM}[а-яё]*|{_YEARS_TERM}{_TERM_NOUN}|{_MONTH_ADJECTIVE}[а-яё]*"
    rf"){END})"
)


def find_durations(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in DURATION.finditer(text)]


class TagDurations:
    """Stage: DATE mentions without a value for durations and date adjectives (see the module
    docstring)."""

    name: ClassVar[str] = "durations"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, DATES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            # The mentions before this stage: durations found here do not block each other.
            taken = Overlaps(list(article.mentions))
            for idx, sentence in enumerate(article.sentences):
                for start, end in find_durations(sentence.text):
                    start, end = sentence.start + start, sentence.start + end
                    if not taken.overlapping(start, end):
                        article.mentions.append(
                            Mention(
                                start,
                                end,
                                article.text[start:end],
                                DATE,
                                sentence_idx=idx,
                                source="durations",
                                kind=DURATION_KIND,
                            )
                        )
        return articles
