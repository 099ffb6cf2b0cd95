"""Durations and date adjectives as DATE mentions, as NEREL annotates them (the `nerel` profile).

NEREL's DATE covers more than points in time: spans of time (`за последние
70 лет`, `в течение пяти лет`, `30 дней`, `полгода`), terms as adjectives
(`шестимесячный`) and adjectives of a month or day
(`декабрьском`, `сегодняшнего`). factRuEval does not, and the seed article's
`10 лет` is no date under the default profile, so only the `nerel` profile
runs this stage. The mentions have no value: a duration is not a date on the
calendar. They are added where no other mention is; the date grammar's
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

START = r"(?<![\w-])"
END = r"(?![\w-])"
DURATION = re.compile(
    rf"(?i:{START}(?:"
    rf"(?:{_SPAN_LEAD})?{_LEAD}(?:{_QUALIFIER})?{_NUMBER}\s+{_SHORT}"
    rf"|(?:{_SPAN_LEAD}{_LEAD}(?:{_QUALIFIER})?|{_LEAD}{_QUALIFIER}){_NUMBER}\s+{_YEARS}"
    rf"|(?:{_SPAN_LEAD})?{_LEAD}(?:{_QUALIFIER})?{_HALF}"
    rf"|{_TERM}[а-яё]*|{_MONTH_ADJECTIVE}[а-яё]*"
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
