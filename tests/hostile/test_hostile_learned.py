"""Input the learned event components were not trained for still yields well-formed events."""

from __future__ import annotations

import pytest

TEXTS = [
    # Words navec does not know, symbols and invisible characters between names.
    "Ыщъхзв \u200bкрякозябра 🚀🚀 Пожар\u00ad в Новосибирске ‼ произошёл 12 марта ∑∑.",
    # A sentence dense with names and dates, where every pair is scored.
    ", ".join(["Москва", "Казань", "Иван Петров", "3 мая", "ООН"] * 40)
    + " встретились на саммите в Сочи.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_events_point_inside_the_text(pipe, text):
    article = pipe(text, published="2025-12-03")
    for event in article.events:
        assert 0 <= event.start < event.end <= len(text)
        for arg in event.arguments:
            assert arg.start == -1 or 0 <= arg.start < arg.end <= len(text)
