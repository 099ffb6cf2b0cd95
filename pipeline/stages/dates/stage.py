"""Dates stage: find date expressions and resolve them to ISO values.

``find_dates`` runs the named rules of ``date_rules`` over a text, keeps the
longest non-overlapping matches and resolves each one with the small function
named after its rule. Relative expressions are resolved against the publication
date; choices the text leaves open are made as follows:

* a day or month without a year takes the latest such date on or before the
  publication date when its clause is in the past tense (``начались в марте``),
  the earliest on or after it when in the future (``рассмотрит в декабре``,
  ``планирует посетить 4 декабря``), else the nearest one, ties going to the
  past: news mostly reports the recent past and the near future;
* a bare weekday (``в понедельник``) is the latest such day on or before the
  publication date (that day included), unless its clause is in the future
  tense, then the earliest on or after it;
* ``через неделю`` / ``спустя год`` / ``в тот же день`` count from the story's
  own time, not from publication, so they keep no value;
* a range (``с 16 апреля по 19 мая 2019 года``) is one span whose value is its start;
* a relative date and the calendar date after it (``вчера, 9 мая 2019 года``) are one
  span, valued by the calendar date;
* decades and centuries (``в 1990-х``, ``в XIV веке``) are found but have no value.

A match that cannot be resolved (no publication date, an anaphoric phrase)
is still returned, with ``value=None``, because it is clearly a date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import ClassVar

from rusnews.model import DATE, DAY, MONTH, WEEK, YEAR, Article, Mention
from rusnews.stages.base import DATES, MENTIONS, SENTENCES
from rusnews.stages.dates import grammar as rules
from rusnews.stages.dates.calendar import (
    add_months,
    guess_day,
    guess_month_year,
    iso_week,
    safe_date,
)


@dataclass(slots=True)
class DateMatch:
    start: int  # char offsets into the text passed in, end exclusive
    end: int
    value: str | None  # ISO: '2025-12-03', '2025-W49', '2025-12', '2025'; None if unresolved
    granularity: str  # rusnews.model DAY / WEEK / MONTH / YEAR
    relative: bool  # the value was computed from the publication date


# (value, granularity, relative); a resolver returns None to reject the match.
Resolution = tuple[str | None, str, bool]
Resolver = Callable[[re.Match[str], date | None, str], Resolution | None]

_GRANULARITY = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR}
_WEEKDAY_RES = [re.compile(f"(?i:{forms})$") for forms in rules.WEEKDAYS.values()]
# Longest stem first: 'март' must win over 'ма', 'позапрошл' over 'прошл'.
_MONTH_STEMS = sorted(
    ((stem, num) for num, (stem, _) in rules.MONTHS.items()), key=lambda pair: -len(pair[0])
)
_SHIFT_STEMS = sorted(rules.SHIFTS, key=len, reverse=True)
_OF_LIFE = re.compile(r"\s+жизни")
_NUMBER_SIGN = re.compile(r"№\s*$")


# --- value helpers -------------------------------------------------------------


def _number_text(token: str) -> str:
    return re.match(r"\d+", token).group()


def _number(token: str) -> int:
    return int(_number_text(token))


def _month_number(word: str) -> int:
    word = word.lower()
    return next(num for stem, num in _MONTH_STEMS if word.startswith(stem))


def _weekday_number(word: str) -> int:
    return next(i for i, rx in enumerate(_WEEKDAY_RES) if rx.match(word))


def _shift(word: str) -> int:
    word = word.lower()
    return next(rules.SHIFTS[stem] for stem in _SHIFT_STEMS if word.startswith(stem))


# --- one resolver per rule -------------------------------------------------------


def resolve_day_month(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    day, month = _number(m["day"]), _month_number(m["month"])
    year_text = m["year"] or m["year3"]
    if year_text:
        found = safe_date(_number(year_text), month, day)
        return (found.isoformat(), DAY, False) if found else None
    if safe_date(2000, month, day) is None:
        return None  # '31 июня' is a play title, not a date
    if published is None:
        return None, DAY, True
    if m["yshift"]:
        found = safe_date(published.year + _shift(m["yshift"]), month, day)
    else:
        found = guess_day(month, day, published, rules.clause_tense(text, m.start(), m.end()))
    return (found.isoformat() if found else None), DAY, True


def resolve_numeric(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    found = safe_date(int(m["year"]), int(m["mnum"]), int(m["day"]))
    return (found.isoformat(), DAY, False) if found else None


def resolve_month(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    month = _month_number(m["month"])
    year_text = m["year"] or m["year2"]
    if year_text:
        return f"{_number(year_text)}-{month:02d}", MONTH, False
    # A bare month name is a date only when a preposition or 'начале'/'конце' frames it.
    if not (m["prep"] or m["part"] or m["yshift"]) or m["month"][0].isupper():
        return None
    if published is None:
        return None, MONTH, True
    if m["yshift"]:
        year = published.year + _shift(m["yshift"])
    else:
        year = guess_month_year(month, published, rules.clause_tense(text, m.start(), m.end()))
    return f"{year}-{month:02d}", MONTH, True


def resolve_year(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    year, digits = _number(m["year"]), len(_number_text(m["year"]))
    yword = (m["yword"] or "").strip()
    if yword.startswith("г") and not yword.startswith("год") and digits < 4:
        return None  # '3 400 г' is grams
    if _NUMBER_SIGN.search(text, max(0, m.start() - 3), m.start()):
        return None  # 'резолюция № 1747'
    if not yword:
        # A bare number is a year only when it looks like one and is not counting
        # something: '2026 человек', 'в 1600 км' are quantities.
        if not 1600 <= year <= 2099 or digits < 4:
            return None
        if rules.counts_something(text, m.end()):
            return None
    if year < 100 or _OF_LIFE.match(text, m.end()):
        return None  # 'на 102-м году жизни' counts age
    return str(year), YEAR, False


def resolve_year_range(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    # '(2001—2003)' in a career list is annotated as two years, while
    # '(1990—2000 годы)', 'в сезоне 2017—2018' and 'в 1998—2010 годах' are one date.
    bracketed = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
    if bracketed and not m["yword"]:
        return None
    return resolve_year(m, published, text)


def resolve_decade(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    return None, YEAR, False


def resolve_relative_day(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    offset = rules.RELATIVE_DAYS[m["rd"].lower()] if m["rd"] else 0
    if published is None:
        return None, DAY, True
    return (published + timedelta(days=offset)).isoformat(), DAY, True


def resolve_weekday(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    if published is None:
        return None, DAY, True
    target = _weekday_number(m["wd"])
    shift = _shift(m["wshift"]) if m["wshift"] else None
    back = (published.weekday() - target) % 7
    if shift is None:
        forward = (target - published.weekday()) % 7
        future = back and rules.clause_tense(text, m.start(), m.end()) == "future"
        found = published + timedelta(days=forward) if future else published - timedelta(days=back)
    elif shift < 0:
        found = published - timedelta(days=back or 7)
    else:
        # 'в эту пятницу' is this ISO week's, 'в следующую пятницу' next week's.
        monday = published - timedelta(days=published.weekday())
        found = monday + timedelta(days=7 * shift + target)
    return found.isoformat(), DAY, True


def resolve_shifted_unit(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    unit, shift = m["sunit"].lower(), _shift(m["shift"])
    # Genitive 'прошлого года' names a date only when something frames it:
    # 'в начале прошлого года', 'с прошлого года'; 'итоги прошлого года' is not one.
    framed = m["part"] or (m["prep"] or "").lower() in {"с", "со", "до", "от"}
    if unit in {"года", "месяца", "недели"} and not framed:
        return None
    if unit.startswith("недел"):
        gran = WEEK
    elif unit.startswith("месяц"):
        gran = MONTH
    else:
        gran = YEAR
    if published is None:
        return None, gran, True
    if gran == WEEK:
        return iso_week(published + timedelta(weeks=shift)), WEEK, True
    if gran == MONTH:
        year, month = add_months(published.year, published.month, shift)
        return f"{year}-{month:02d}", MONTH, True
    return str(published.year + shift), YEAR, True


def _unit_granularity(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith(("дн", "ден", "сут")):
        return DAY
    if unit.startswith("недел"):
        return WEEK
    if unit.startswith(("месяц", "полгод", "полугод")):
        return MONTH
    return YEAR


def resolve_ago(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    gran = _unit_granularity(m["unit"])
    if m["ago"].lower() == "спустя" or published is None:
        return None, gran, m["ago"].lower() != "спустя"
    num_text = (m["num"] or "").lower()
    if not num_text:
        count = 1
    elif num_text.isdigit():
        count = int(num_text)
    elif num_text in rules.NUMBER_WORDS:
        count = rules.NUMBER_WORDS[num_text]
    else:
        return None, gran, True
    unit = m["unit"].lower()
    if unit.startswith(("полгод", "полугод")):
        count *= 6
    elif unit.startswith("десятилет"):
        count *= 10
    if gran == DAY:
        return (published - timedelta(days=count)).isoformat(), DAY, True
    if gran == WEEK:
        return iso_week(published - timedelta(weeks=count)), WEEK, True
    if gran == MONTH:
        year, month = add_months(published.year, published.month, -count)
        return f"{year}-{month:02d}", MONTH, True
    return str(published.year - count), YEAR, True


def resolve_after(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    return None, _unit_granularity(m["unit"]), False


def resolve_anaphoric(m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    gran = next(g for rx, g in rules.ANAPHORIC_RULES if rx.match(m["phrase"]))
    return None, _GRANULARITY[gran], False


RESOLVERS: dict[str, Resolver] = {
    "day_month": resolve_day_month,
    "numeric": resolve_numeric,
    "iso": resolve_numeric,
    "month": resolve_month,
    "year": resolve_year,
    "year_range": resolve_year_range,
    "decade": resolve_decade,
    "century": resolve_decade,
    "relative_day": resolve_relative_day,
    "weekday": resolve_weekday,
    "shifted_unit": resolve_shifted_unit,
    "ago": resolve_ago,
    "after": resolve_after,
    "anaphoric": resolve_anaphoric,
}


# --- search ----------------------------------------------------------------------


def _resolve(name: str, m: re.Match[str], published: date | None, text: str) -> Resolution | None:
    try:
        return RESOLVERS[name](m, published, text)
    except OverflowError:
        # A publication date at the calendar's edge (`завтра` on 9999-12-31): the
        # day it points to lies past what a date can hold, so, as without a
        # publication date, the expression stays a date with no value.
        return RESOLVERS[name](m, None, text)


def match_rules(text: str, published: date | None) -> list[tuple[int, int, str, Resolution]]:
    """Chosen matches as ``(start, end, rule name, resolution)``: the debug view of find_dates."""
    if not rules.has_cue(text):
        return []
    candidates: list[tuple[int, int, int, str, Resolution]] = []
    for order, (name, pattern) in enumerate(rules.RULES.items()):
        for m in pattern.finditer(text):
            resolved = _resolve(name, m, published, text)
            if resolved is not None:
                candidates.append((m.start(), m.end(), order, name, resolved))
    # Longest match wins an overlap; among equals, the earlier rule.
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int, int, str, Resolution]] = []
    for cand in candidates:
        if all(cand[1] <= t[0] or t[1] <= cand[0] for t in taken):
            taken.append(cand)
    return [(start, end, name, resolved) for start, end, _, name, resolved in sorted(taken)]


# `вчера, 9 мая 2019 года`, `через неделю, 24 февраля`: a relative date and the calendar
# date it names, a comma apart, are one span on nerel-train; a dash keeps them apart
# (`вчера — 17 февраля`). The calendar date gives the value.
_RELATIVE_RULES = frozenset({"relative_day", "ago", "after"})
_CALENDAR_RULES = frozenset({"day_month", "numeric", "year"})
_APPOSITION = re.compile(r",?\s+")


def join_appositions(
    text: str, matches: list[tuple[int, int, str, Resolution]]
) -> list[tuple[int, int, str, Resolution]]:
    joined: list[tuple[int, int, str, Resolution]] = []
    for match in matches:
        if joined:
            start, end, name, _ = joined[-1]
            gap = _APPOSITION.fullmatch(text, end, match[0])
            # Without a comma only a number follows: `сегодня 7 апреля`, not `вчера в 2019 году`.
            glued = gap and ("," in gap.group() or text[match[0] : match[0] + 1].isdigit())
            if glued and name in _RELATIVE_RULES and match[2] in _CALENDAR_RULES:
                joined[-1] = (start, match[1], match[2], match[3])
                continue
        joined.append(match)
    return joined


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Date expressions in ``text``, left to right, with ISO values where resolvable."""
    # Resolvers mark expressions that depend on the publication date; without a
    # value nothing was computed from it, so ``relative`` stays False then.
    return [
        DateMatch(start, end, value, granularity, relative and value is not None)
        for start, end, _, (value, granularity, relative) in join_appositions(
            text, match_rules(text, published)
        )
    ]


class TagDates:
    """Stage: adds DATE Mentions to each article."""

    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES,)
    assigns: ClassVar[tuple[str, ...]] = (DATES, MENTIONS)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            # Per sentence, so no date runs across a sentence boundary and the
            # cheap cue check skips most sentences outright.
            pieces = [(i, s.start, s.end) for i, s in enumerate(article.sentences)]
            for idx, offset, stop in pieces or [(-1, 0, len(article.text))]:
                for found in find_dates(article.text[offset:stop], article.published):
                    start, end = offset + found.start, offset + found.end
                    article.mentions.append(
                        Mention(
                            start,
                            end,
                            article.text[start:end],
                            DATE,
                            sentence_idx=idx,
                            normal=found.value,
                            granularity=found.granularity,
                            relative=found.relative,
                            source="dates",
                        )
                    )
        return articles
