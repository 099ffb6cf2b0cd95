from datetime import date

import pytest
from rusnews.io.published import month_number, parse_published

DAY = date(2025, 12, 3)


@pytest.mark.parametrize(
    "value",
    [
        "2025-12-03",
        "2025-12-03 10:15",
        "2025-12-03T10:15:00",
        "2025-12-03T10:15:00Z",
        "2025-12-03T23:59:59.123+05:00",
        "03.12.2025",
        "3.12.2025",
        "03.12.2025 10:15",
        "2025/12/03",
        "3 декабря 2025",
        "3 декабря 2025 года",
        "3 декабря 2025 г.",
        "3 Декабря 2025 г, 10:15",
        "среда, 3 декабря 2025 в 10:15",
        "3 дек. 2025",
        "  3  декабря\t2025 ",
        "Wed, 03 Dec 2025 10:15:00 +0300",
        1764756900,  # epoch seconds (2025-12-03 10:15 UTC)
        1764756900.25,
        1764756900000,  # milliseconds, as JavaScript writes them
        DAY,
    ],
)
def test_publication_dates_as_users_write_them(value: object) -> None:
    assert parse_published(value) == DAY


@pytest.mark.parametrize("value", [None, ""])
def test_no_value_is_no_date(value: object) -> None:
    assert parse_published(value) is None


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2025-02-30", "names no calendar day"),
        ("31.02.2025", "names no calendar day"),
        ("30 февраля 2025", "names no calendar day"),
        ("вчера вечером", "unrecognized publication date"),
        ("3 мартобря 2025", "unrecognized publication date"),
        (1e300, "out of the calendar's range"),
        (float("nan"), "not a number of seconds"),
        (True, "got bool"),
        (["2025-12-03"], "got list"),
    ],
)
def test_unreadable_dates_say_why(value: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_published(value)


@pytest.mark.parametrize(
    ("word", "number"),
    [("декабря", 12), ("Декабрь", 12), ("дек", 12), ("мая", 5), ("сент", 9), ("марта", 3)],
)
def test_month_words(word: str, number: int) -> None:
    assert month_number(word) == number


def test_a_word_that_is_no_month() -> None:
    assert month_number("мартобря") is None
