"""Overlap questions answered from buckets as a scan over every span would answer them."""

from __future__ import annotations

import random

from rusnews.model import ORG, Mention
from rusnews.overlaps import Overlaps


def scan(spans: list[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in spans if m.start < end and start < m.end]


def test_answers_as_a_scan_while_spans_come_and_go() -> None:
    rng = random.Random(7)
    alive: list[Mention] = []
    index: Overlaps[Mention] = Overlaps()
    for _ in range(3000):
        if alive and rng.random() < 0.3:
            gone = alive.pop(rng.randrange(len(alive)))
            index.remove(gone)
        else:
            start = rng.randrange(5000)
            # Equal spans are distinct mentions: removing one keeps the other.
            span = Mention(start, start + rng.choice((1, 3, 20, 70, 400)), "x", ORG)
            alive.append(span)
            index.add(span)
        start = rng.randrange(5000)
        end = start + rng.choice((0, 1, 10, 200))
        assert index.overlapping(start, end) == scan(alive, start, end)
    assert list(index) == alive and len(index) == len(alive)


def test_a_span_added_again_moves_to_the_end() -> None:
    a, b = Mention(0, 5, "Россия", ORG), Mention(2, 8, "Москва", ORG)
    index = Overlaps([a, b])
    index.add(a)
    assert index.overlapping(0, 10) == [b, a]
