"""What the record scorer compares: `(record, role, filler)` triples over character spans.

Gold readers (`record_gold.py`) and the predictions (`records.py`) both build
these; the matching rule is in `records.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]
EVENT, OCCUPATION_KIND = "event", "occupation"
EVENT_ROLES = ("agent", "participant", "time", "location")
OCCUPATION_ROLES = ("position", "workplace")


@dataclass(frozen=True, slots=True)
class Extent:
    """What fills a slot: alternatives, each a set of character spans."""

    alternatives: tuple[tuple[Span, ...], ...]

    @classmethod
    def of(cls, *spans: Span) -> Extent:
        return cls((tuple(spans),))

    def overlaps(self, spans: Iterable[Span]) -> bool:
        spans = list(spans)
        return any(
            s < e2 and s2 < e for alt in self.alternatives for s, e in alt for s2, e2 in spans
        )

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(span for alt in self.alternatives for span in alt)


@dataclass(frozen=True, slots=True)
class Triple:
    kind: str
    anchor: Extent  # the record: EVENT span, fact fillers, sentence, trigger or person
    role: str
    filler: Extent
