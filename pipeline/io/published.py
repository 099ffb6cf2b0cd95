"""Publication dates as users write them: one value in, a calendar day (or a reason) out.

Accepted: ISO dates and datetimes (`2025-12-03`, `2025-12-03 10:15`,
`2025-12-03T10:15:00+05:00`), `03.12.2025` (day first, as Russian sites write
it), `2025/12/03`, Russian dates (`3 декабря 2025`, `среда, 3 дек. 2025 г.,
10:15`), RFC 2822 feed dates (`Wed, 03 Dec 2025 10:15:00 +0300`) and, in JSON,
epoch seconds. A time or offset is read past, never converted: the day is the
one the source printed. The publication date is what relative dates (`вчера`)
resolve against, so a value that names no real day raises ValueError and the
reader keeps the article without a date instead of guessing.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from rusnews.stages.dates.grammar import MONTHS

_TIME = r"(?:,?[ \t]+(?:в[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?)?"
_ISO_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:[ \t]*(?:Z|[+-]\d{2}:?\d{2}))?"
ISO = rf"(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}){_ISO_TIME}"
DOTTED = rf"(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?P<dy>\d{{4}}){_TIME}"
SLASHED = rf"(?P<sy>\d{{4}})/(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}}){_TIME}"
_WEEKDAY = r"(?:(?i:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье),?[ \t]+)?"
RUSSIAN = (
    rf"{_WEEKDAY}(?P<rd>\d{{1,2}})[ \t]+(?P<rm>[А-Яа-яЁё]{{3,}})\.?,?[ \t]+(?P<ry>\d{{4}})"
    rf"(?:[ \t]*(?:года|г\.?)(?![А-Яа-яЁё]))?{_TIME}"
)
# One date as it may stand in a text marker (`date 2025-12-03 10:15`, `Дата: 3
# декабря 2025`); an atomic group, so that a time is never left behind as text.
DATE_TEXT = rf"(?>{ISO}|{DOTTED}|{SLASHED}|{RUSSIAN})"
_DATE = re.compile(DATE_TEXT)
# Epoch values this large count milliseconds (JavaScript's Date.now()): as
# seconds they would lie beyond the year 5000.
_MILLISECONDS = 1e11
EXPECTED = "expected e.g. 2025-12-03, 03.12.2025 or 3 декабря 2025"


def month_number(word: str) -> int | None:
    """`декабря`, `декабрь`, `дек` -> 12; None for a word that names no month."""
    word = word.casefold()
    for number, (stem, endings) in MONTHS.items():
        genitive = stem + ("а" if endings.startswith("а") else "я")
        if re.fullmatch(f"{stem}(?:{endings})", word) or genitive.startswith(word):
            return number
    return None


def _day(year: str, month: int | str, day: str, value: str) -> date:
    try:
        return date(int(year), int(month), int(day))
    except ValueError as exc:
        raise ValueError(f"{value!r} names no calendar day ({exc})") from None


def _from_text(value: str) -> date | None:
    m = _DATE.fullmatch(value)
    if not m:
        return None
    if m["iy"]:
        return _day(m["iy"], m["im"], m["id"], value)
    if m["dy"]:
        return _day(m["dy"], m["dm"], m["dd"], value)
    if m["sy"]:
        return _day(m["sy"], m["sm"], m["sd"], value)
    month = month_number(m["rm"])
    return _day(m["ry"], month, m["rd"], value) if month else None


def _from_feed(value: str) -> date | None:
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _from_epoch(value: float) -> date:
    if not math.isfinite(value):
        raise ValueError(f"publication date {value!r} is not a number of seconds")
    seconds = value / 1000 if abs(value) >= _MILLISECONDS else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"epoch {value!r} is out of the calendar's range") from None


def parse_published(value: object) -> date | None:
    """The publication day `value` names; None for no value; ValueError when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(value)
    if not isinstance(value, str):
        raise ValueError(
            f"publication date must be a string or epoch seconds, got {type(value).__name__}"
        )
    text = " ".join(value.split())
    for parse in (_from_text, _from_feed):
        found = parse(text)
        if found is not None:
            return found
    raise ValueError(f"unrecognized publication date {value!r} ({EXPECTED})")
