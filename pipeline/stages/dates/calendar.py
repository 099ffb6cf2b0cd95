"""Calendar arithmetic for dates the text leaves open: which year a day or month
without one falls in, given the publication date and the clause's tense."""

from __future__ import annotations

from datetime import date


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_year(offsets: dict[int, int], tense: str | None) -> int | None:
    """The candidate year for a date without one, given ``{year: signed distance}``.

    Past-tense clauses take the latest date on or before publication, future ones
    the earliest on or after; otherwise the nearest, ties going to the past.
    """
    if tense == "past":
        offsets = {y: d for y, d in offsets.items() if d <= 0}
    elif tense == "future":
        offsets = {y: d for y, d in offsets.items() if d >= 0}
    return min(offsets, key=lambda y: (abs(offsets[y]), y), default=None)


def guess_day(month: int, day: int, published: date, tense: str | None) -> date | None:
    offsets = {
        y: (d - published).days
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := safe_date(y, month, day)) is not None
    }
    year = pick_year(offsets, tense)
    return None if year is None else date(year, month, day)


def guess_month_year(month: int, published: date, tense: str | None) -> int:
    offsets = {
        y: (y - published.year) * 12 + month - published.month
        for y in (published.year - 1, published.year, published.year + 1)
    }
    return pick_year(offsets, tense)


def add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    total = year * 12 + month - 1 + shift
    return total // 12, total % 12 + 1


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
