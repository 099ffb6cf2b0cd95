"""Which spans of a changing set overlap a range, without a scan over the whole set.

Stages that check each candidate against every mention of the article did
work in the square of its length. Here spans sit in buckets of a fixed width
of text, so a question looks only at the spans near its range.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, Protocol, TypeVar


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)

# Wider than most names and dates, so that a span lies in one or two buckets.
BUCKET = 64


class Overlaps(Generic[S]):
    """A set of spans, in the order they were added, that answers overlap questions."""

    def __init__(self, spans: Iterable[S] = ()) -> None:
        self._order: dict[int, int] = {}  # id of a span -> when it was added
        self._spans: dict[int, S] = {}
        self._buckets: dict[int, list[S]] = {}
        self._added = 0
        for span in spans:
            self.add(span)

    @staticmethod
    def _bucket_range(start: int, end: int) -> range:
        # An empty span still lies at its offset.
        return range(start // BUCKET, max(start, end - 1) // BUCKET + 1)

    def add(self, span: S) -> None:
        key = id(span)
        if key in self._spans:
            self.remove(span)
        self._spans[key], self._order[key] = span, self._added
        self._added += 1
        for b in self._bucket_range(span.start, span.end):
            self._buckets.setdefault(b, []).append(span)

    def remove(self, span: S) -> None:
        key = id(span)
        del self._spans[key], self._order[key]
        for b in self._bucket_range(span.start, span.end):
            bucket = self._buckets[b]
            # By identity: two mentions with equal fields are still two mentions.
            bucket.pop(next(i for i, other in enumerate(bucket) if other is span))
            if not bucket:
                del self._buckets[b]

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans sharing a character with [start, end), in the order they were added."""
        found: dict[int, S] = {}
        for b in self._bucket_range(start, end):
            for span in self._buckets.get(b, ()):
                if span.start < end and start < span.end:
                    found[id(span)] = span
        return sorted(found.values(), key=lambda span: self._order[id(span)])

    def __iter__(self) -> Iterator[S]:
        """Every span, in the order it was added (added again: at its last addition)."""
        return iter(sorted(self._spans.values(), key=lambda span: self._order[id(span)]))

    def __len__(self) -> int:
        return len(self._spans)
