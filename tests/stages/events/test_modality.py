"""Modality read off the verb: asserted, planned, possible, and negation beside them."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-12-03"


@pytest.mark.parametrize(
    "text, event_type, modality, negated",
    [
        ("Соглашения могут быть подписаны в марте.", "AGREEMENT", "possible", False),
        ("Иванов может возглавить министерство.", "APPOINTMENT", "possible", False),
        ("Возможно, Путин посетит Минск.", "VISIT", "possible", False),
        ("Путин, вероятно, встретится с Лукашенко.", "MEETING", "possible", False),
        ("Путин не может посетить Минск.", "VISIT", "possible", True),
        ("Путин посетит Минск.", "VISIT", "planned", False),
        ("Кремль анонсировал визит Путина в Минск.", "VISIT", "planned", False),
        ("Лавров посетил Пекин.", "VISIT", "asserted", False),
    ],
)
def test_modality(pipe, text: str, event_type: str, modality: str, negated: bool) -> None:
    [event] = [e for e in pipe(text, published=PUBLISHED).events if e.event_type == event_type]
    assert (event.modality, event.negated) == (modality, negated)
