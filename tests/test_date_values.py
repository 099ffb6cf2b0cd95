"""What an ISO date value of a granularity denotes: its first and last day."""

from __future__ import annotations

from datetime import date

import pytest
from rusnews.date_values import date_interval

CASES = [
    ("2025-12-03", "day", (date(2025, 12, 3), date(2025, 12, 3))),
    ("2025-W49", "week", (date(2025, 12, 1), date(2025, 12, 7))),
    # ISO week 1 of 2025 begins in 2024.
    ("2025-W01", "week", (date(2024, 12, 30), date(2025, 1, 5))),
    ("2024-02", "month", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2025-12", "month", (date(2025, 12, 1), date(2025, 12, 31))),
    ("2026", "year", (date(2026, 1, 1), date(2026, 12, 31))),
    ("9999-W52", "week", (date(9999, 12, 27), date(9999, 12, 31))),
    ("2025-02-30", "day", (None, None)),
    ("2025-W54", "week", (None, None)),
    ("1990s", "year", (None, None)),
    ("2025-12-03", None, (None, None)),
    (None, "day", (None, None)),
]


@pytest.mark.parametrize(("value", "granularity", "expected"), CASES)
def test_date_interval(value: str | None, granularity: str | None, expected: tuple) -> None:
    assert date_interval(value, granularity) == expected
