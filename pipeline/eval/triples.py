"""What the record scorer compares: `(record, role, filler)` triples over character spans.

Gold readers (`record_gold.py`) and the predictions (`records.py`) both build
these; the matching rule is in `records.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Span = tuple[int, int]
EVENT, OCCUPATION_KIND = "event", "occupation"
OWNERSHIP_KIND, DEAL_KIND, DEAL_TYPE_KIND = "ownership", "deal", "deal_type"
EVENT_ROLES = ("agent", "participant", "time", "location")
OCCUPATION_ROLES = ("position", "workplace")
# An ownership triple is (owner, property, what is owned); a deal's are (deal, participant, X).
PROPERTY = "property"
# A deal type triple names the type as its role and repeats the anchor as its filler, so
# the one matching rule scores it: the records correspond and the type is the same.


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
