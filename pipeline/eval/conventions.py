"""Which gold annotations count as PER/ORG/LOC/DATE spans, and how.

A convention turns a `GoldDoc` into `(label, start, end)` spans and says which
prediction labels it scores. Numbers are only comparable under the same
convention, so every reported metric names one:

- `object` (factRuEval): each Person/Org/Location/LocOrg object's whole extent
  (the union of its spans). Objects stop before a closing quote
  (`ЗАО «Ренова`), and plain Natasha, trained on such data, does too, while
  other taggers close the quote. So spans are compared modulo that quote: on
  both sides, a span holding an unmatched opening quote that is immediately
  followed by its closing quote is extended over it. The reader's offsets
  stay untouched; this is part of the comparison.
- `naeval` (factRuEval): the Naeval benchmark's rules, so users can compare
  with its published tables. Person = object extent; Org = its `org_name`
  spans; Location/LocOrg = their `loc_name` spans; overlapping gold spans
  removed; spans not aligned with razdel tokens dropped from gold *and*
  predictions.
- `nerel` (brat): NEREL types mapped to our four, outermost of nested spans
  of one mapped type kept.
- `collection5` (brat): Collection5's flat PER, ORG (and MEDIA), LOC (and
  GEOPOLIT) spans; compared modulo a closing quote, as `object`, since its
  spans stop before one as often as after.
- `jsonl`: the project's own labels as they are.

Each convention also names the view (rusnews.views) that picks its spans from
the mentions of a run, so that one run of the pipeline is scored under all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rusnews.eval.gold import GoldDoc
from rusnews.model import DATE, LABELS, LOC, NAME_LABELS, ORG, PER, Mention
from rusnews.views import ALL, COLLECTION5, fill_kinds, view
from rusnews.views import NAEVAL as NAEVAL_VIEW
from rusnews.views import NEREL as NEREL_VIEW
from rusnews.views import OBJECT as OBJECT_VIEW

Span = tuple[str, int, int]  # (label, start, end), end exclusive
Bounds = tuple[int, int]

FACTRU_TYPES: dict[str, str] = {"Person": PER, "Org": ORG, "Location": LOC, "LocOrg": LOC}
# Project (`Вечерний Ургант`, `КВН`) has no counterpart among our labels.

NEREL_TYPES: dict[str, str] = {
    "PERSON": PER,
    "ORGANIZATION": ORG,
    "CITY": LOC,
    "COUNTRY": LOC,
    "STATE_OR_PROVINCE": LOC,
    "LOCATION": LOC,
    "DISTRICT": LOC,
    "DATE": DATE,
}

# The copy in ../shared/corpora writes Collection5's types as NEREL's (MEDIA as
# ORGANIZATION, GEOPOLIT as LOCATION); the originals are read as well.
COLLECTION5_TYPES: dict[str, str] = {
    "PER": PER,
    "PERSON": PER,
    "ORG": ORG,
    "MEDIA": ORG,
    "ORGANIZATION": ORG,
    "LOC": LOC,
    "GEOPOLIT": LOC,
    "LOCATION": LOC,
}

# Naeval takes an Org's name spans and a place's name spans, not descriptors
# (`мэрии`, `площади`), so `мэрии Москвы` is scored as LOC `Москвы` only.
NAEVAL_NAME_SPANS: dict[str, str] = {
    "Org": "org_name",
    "Location": "loc_name",
    "LocOrg": "loc_name",
}


@lru_cache(maxsize=4096)
def tokenize(text: str) -> tuple[Bounds, ...]:
    """razdel token bounds: the tokenization natasha's Segmenter and Naeval use."""
    from razdel import tokenize as razdel_tokenize

    return tuple((token.start, token.stop) for token in razdel_tokenize(text))


def keep_outermost(spans: Iterable[Span]) -> list[Span]:
    """Drop spans nested in a span of the same label (and duplicates).

    Gold nests same-type spans (`московского отделения движения Солидарность`
    holds `движения Солидарность`); a flat tagger can only find one of them,
    and the outer one is the name of the thing.
    """
    ordered = sorted(set(spans), key=lambda span: (span[1], -span[2], span[0]))
    kept: list[Span] = []
    # Per label, the end of the widest span kept so far that started earlier.
    reach: dict[str, int] = {}
    for label, start, end in ordered:
        if reach.get(label, -1) >= end:
            continue
        kept.append((label, start, end))
        reach[label] = max(reach.get(label, -1), end)
    return sorted(kept, key=lambda span: (span[1], span[2], span[0]))


def drop_overlapping(spans: Sequence[Span]) -> list[Span]:
    """Naeval's overlap rule, whatever the labels: walking by start (longest
    first), a span that overlaps the last kept one is dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda span: (span[1], -span[2])):
        if kept and kept[-1][2] > span[1]:
            continue
        kept.append(span)
    return kept


def drop_misaligned(spans: Iterable[Span], tokens: Sequence[Bounds]) -> list[Span]:
    """Keep spans that start at a token start and end at a token end."""
    starts = {start for start, _ in tokens}
    ends = {end for _, end in tokens}
    return [span for span in spans if span[1] in starts and span[2] in ends]


QUOTE_PAIRS: dict[str, str] = {"«": "»", "„": "“", "“": "”", '"': '"'}


def close_quote(text: str, start: int, end: int) -> int:
    """`end`, moved past a closing quote that the span's own opening quote needs."""
    if end >= len(text):
        return end
    chunk, following = text[start:end], text[end]
    for opening, closing in QUOTE_PAIRS.items():
        if following != closing:
            continue
        if opening == closing:
            unmatched = chunk.count(opening) % 2 == 1
        else:
            unmatched = chunk.count(opening) > chunk.count(closing)
        if unmatched:
            return end + 1
    return end


def quote_closed(span: Span, text: str) -> Span:
    label, start, end = span
    return (label, start, close_quote(text, start, end))


def as_annotated(span: Span, text: str) -> Span:
    return span


def close_quotes(spans: Iterable[Span], text: str) -> list[Span]:
    return [quote_closed(span, text) for span in spans]


def object_spans(doc: GoldDoc) -> list[Span]:
    spans = (
        (FACTRU_TYPES[obj.label], obj.start, obj.end)
        for obj in doc.objects
        if obj.label in FACTRU_TYPES
    )
    return keep_outermost(close_quotes(spans, doc.text))


def naeval_spans(doc: GoldDoc) -> list[Span]:
    spans: list[Span] = []
    for obj in doc.objects:
        label = FACTRU_TYPES.get(obj.label)
        if label is None:
            continue
        if obj.label == "Person":
            spans.append((label, obj.start, obj.end))
            continue
        wanted = NAEVAL_NAME_SPANS[obj.label]
        names = [(label, span.start, span.end) for span in obj.spans if span.label == wanted]
        spans.extend(drop_overlapping(names))
    spans = drop_overlapping(spans)  # `мид Грузии`: ORG over LOC, the ORG stays
    return drop_misaligned(spans, tokenize(doc.text))


def nerel_spans(doc: GoldDoc) -> list[Span]:
    return keep_outermost(
        (NEREL_TYPES[span.label], span.start, span.end)
        for span in doc.spans
        if span.label in NEREL_TYPES
    )


def collection5_spans(doc: GoldDoc) -> list[Span]:
    spans = (
        (COLLECTION5_TYPES[span.label], span.start, span.end)
        for span in doc.spans
        if span.label in COLLECTION5_TYPES
    )
    return keep_outermost(close_quotes(spans, doc.text))


def jsonl_spans(doc: GoldDoc) -> list[Span]:
    return keep_outermost(
        (span.label, span.start, span.end) for span in doc.spans if span.label in LABELS
    )


def _as_is(spans: list[Span], text: str) -> list[Span]:
    return spans


def object_predictions(spans: list[Span], text: str) -> list[Span]:
    return close_quotes(spans, text)


def naeval_predictions(spans: list[Span], text: str) -> list[Span]:
    return drop_misaligned(drop_overlapping(spans), tokenize(text))


@dataclass(frozen=True, slots=True)
class Convention:
    name: str
    description: str
    labels: tuple[str, ...]
    gold_spans: Callable[[GoldDoc], list[Span]]
    # What is done to predictions before scoring, besides keeping `labels`.
    adapt_predictions: Callable[[list[Span], str], list[Span]] = _as_is
    # How one gold span and one prediction are put side by side (normal forms).
    span_key: Callable[[Span, str], Span] = as_annotated
    # Which of a run's mentions the convention counts, bounded its way (rusnews.views).
    view: str = ALL

    def gold(self, doc: GoldDoc) -> list[Span]:
        return self.gold_spans(doc)

    def select(self, mentions: Sequence[Mention], text: str) -> list[Mention]:
        """The mentions of a run this convention scores; a run or baseline that gives no
        kinds has them filled as the pipeline would (rusnews.views.kind_of)."""
        fill_kinds(mentions)
        return view(self.view)(mentions, text)

    def predictions(self, spans: Iterable[Span], text: str) -> list[Span]:
        wanted = sorted(
            {span for span in spans if span[0] in self.labels}, key=lambda s: (s[1], s[2], s[0])
        )
        return self.adapt_predictions(wanted, text)


OBJECT = Convention(
    "object",
    "factRuEval objects, whole extent (union of spans); Person→PER, Org→ORG, "
    "Location/LocOrg→LOC, Project dropped; outermost of nested same-type spans; "
    "compared modulo a closing quote the span's opening quote needs",
    NAME_LABELS,
    object_spans,
    object_predictions,
    quote_closed,
    OBJECT_VIEW,
)
NAEVAL = Convention(
    "naeval",
    "Naeval benchmark rules: Person = object extent, Org = org_name spans, "
    "Location/LocOrg = loc_name spans; overlaps removed; spans not aligned with "
    "razdel tokens dropped from gold and predictions",
    NAME_LABELS,
    naeval_spans,
    naeval_predictions,
    view=NAEVAL_VIEW,
)
NEREL = Convention(
    "nerel",
    "NEREL: PERSON→PER, ORGANIZATION→ORG, CITY/COUNTRY/STATE_OR_PROVINCE/"
    "LOCATION/DISTRICT→LOC, DATE→DATE; outermost of nested same-type spans",
    LABELS,
    nerel_spans,
    view=NEREL_VIEW,
)
COLLECTION5 = Convention(
    "collection5",
    "Collection5: PER→PER, ORG/MEDIA→ORG, LOC/GEOPOLIT→LOC, flat spans; "
    "compared modulo a closing quote the span's opening quote needs",
    NAME_LABELS,
    collection5_spans,
    object_predictions,
    quote_closed,
    COLLECTION5,
)
JSONL = Convention("jsonl", "project gold labels as annotated", LABELS, jsonl_spans)

CONVENTIONS: dict[str, tuple[Convention, ...]] = {
    "factru": (OBJECT, NAEVAL),
    "brat": (NEREL, COLLECTION5),
    "jsonl": (JSONL,),
}


BY_NAME: dict[str, Convention] = {c.name: c for group in CONVENTIONS.values() for c in group}


def convention_named(name: str) -> Convention:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(
            f"unknown convention {name!r}; expected one of {', '.join(BY_NAME)}"
        ) from None


def conventions_for(fmt: str) -> tuple[Convention, ...]:
    try:
        return CONVENTIONS[fmt]
    except KeyError:
        raise ValueError(
            f"unknown gold format {fmt!r}; expected one of {', '.join(CONVENTIONS)}"
        ) from None
