"""Argument rules that need a sentence of their own: an event's date comes from its clause."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-12-03"


@pytest.mark.parametrize(
    "text, event_type, date, from_published",
    [
        # the date is when the deliveries began, after the meeting
        (
            "После встречи Путина и Лукашенко 1 января начались поставки газа.",
            "MEETING",
            PUBLISHED,
            True,
        ),
        ("4 декабря Астану планирует посетить Антониу Кошта.", "VISIT", "2025-12-04", False),
    ],
)
def test_the_date_comes_from_the_events_own_clause(
    pipe, text: str, event_type: str, date: str, from_published: bool
) -> None:
    [event] = [e for e in pipe(text, published=PUBLISHED).events if e.event_type == event_type]
    assert (event.date, event.date_from_published) == (date, from_published)
