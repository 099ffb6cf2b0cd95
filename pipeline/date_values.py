"""The days an ISO date value of a granularity stands for: `2025-W49` is Monday to Sunday."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from rusnews.model import DAY, MONTH, WEEK, YEAR


def _day(value: str) -> tuple[date, date]:
    day = date.fromisoformat(value)
    return day, day


def _week(value: str) -> tuple[date, date]:
    year, _, week = value.partition("-W")
    monday = date.fromisocalendar(int(year), int(week), 1)
    # The last ISO week of year 9999 ends after date.max: the interval stops there.
    sunday = monday + timedelta(days=6) if monday <= date.max - timedelta(days=6) else date.max
    return monday, sunday


def _month(value: str) -> tuple[date, date]:
    year, month = (int(part) for part in value.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year(value: str) -> tuple[date, date]:
    year = int(value)
    return date(year, 1, 1), date(year, 12, 31)


INTERVALS = {DAY: _day, WEEK: _week, MONTH: _month, YEAR: _year}


def date_interval(value: str | None, granularity: str | None) -> tuple[date | None, date | None]:
    """First and last day (both included) of `value`; (None, None) when it names no days.

    A value that does not parse (a decade has none; a hand-edited table may
    hold anything) gives no interval rather than failing the article's rows.
    """
    parse = INTERVALS.get(granularity or "")
    if not value or parse is None:
        return None, None
    try:
        return parse(value)
    except (ValueError, OverflowError):
        return None, None
