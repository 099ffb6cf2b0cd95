"""What each gold convention counts as a name, picked from one set of mentions.

The pipeline finds every kind of mention any convention wants, each with its
`kind`, its core and its extent (rusnews.model.Mention); a view keeps the kinds
a convention counts and bounds each mention the way it does. The profiles
(`names`, `nerel`) are views applied to the output; `rusnews eval` scores each
gold corpus under its own view of the same run.

- `names` (factRuEval, Naeval): proper names and acronyms, the press and web
  platforms as organizations; an ORG inside a longer ORG is left to the longer.
- `naeval` (Naeval's reading of factRuEval): the mentions of `names`, an organization
  without the owner place that ends it (`Верховный суд` + `Бангладеша`) and a place
  without the descriptor before its name (`Острове Уайт` -> `Уайт`), as its
  `org_name` and `loc_name` spans are drawn.
- `nerel`: also bodies named by a common noun, places named by an adjective and
  durations; an acronym spans its owner (`МИД России`), a place the part of it
  before it (`юге Москвы`); a web platform spoken of as a service is no
  organization.
- `object` (factRuEval's whole objects): the names of `names` and bodies named by a
  common noun, an organization with all its extent and the descriptor before it
  (`партии «Яблоко»`, `ОАО «Газпром»`, `мэрии Москвы`).
- `collection5`: flat spans; an organization without its owner or a place
  adjective before it (`Генпрокуратуры` + `РФ`) but with its legal form
  (`ОАО "Мечел"`); a bracketed second spelling or acronym inside the name it
  follows (`Майкла Стила (Michael Steele)`); `СМИ` an organization (MEDIA);
  `Кремль`, `Белый дом`, `ЕС` places (GEOPOLIT), listed in
  `models/conventions/collection5_places.txt`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from rusnews.lexicon import read_words
from rusnews.model import (
    ACRONYM,
    BODY,
    DATE,
    DURATION,
    LOC,
    MEDIA,
    ORG,
    PER,
    PLACE_ADJECTIVE,
    PLATFORM,
    POINT,
    PROPER,
    Mention,
)
from rusnews.overlaps import Overlaps
from rusnews.resources import MODELS_DIR
from rusnews.text import CLOSING_QUOTES, fold_spaced, is_acronym

NAMES, NEREL, COLLECTION5, OBJECT, ALL = "names", "nerel", "collection5", "object", "all"
NAEVAL = "naeval"
View = Callable[[Sequence[Mention], str], list[Mention]]
WORD_STARTS = re.compile(r"\S+")
COLLECTION5_PLACES = MODELS_DIR / "conventions" / "collection5_places.txt"
# The conventions the learned confidence scores (the object view reads names').
CONVENTIONS = (NAMES, NEREL, COLLECTION5)
CONFIDENCE_MODEL = MODELS_DIR / "mentions" / "mention_confidence.npz"


@lru_cache(maxsize=1)
def confidence_thresholds(path: Path = CONFIDENCE_MODEL) -> dict[str, float]:
    """Convention -> the confidence below which its view leaves a mention out, as stored
    with the model by `rusnews train names`; none without a model."""
    if not path.is_file():
        return {}
    with np.load(path) as data:
        return {
            str(c): float(v) for c, v in zip(data["threshold_classes"], data["threshold_values"])
        }


def confident(mention: Mention, convention: str) -> bool:
    """Whether the convention counts the mention as a name, as far as the learned layer
    says: a mention it did not score (a date, a run without the model) is kept."""
    p = mention.confidence.get(convention)
    return p is None or p >= confidence_thresholds().get(convention, 0.0)


def kind_of(mention: Mention) -> str:
    """The kind of a mention no stage gave one: a date, an acronym or a proper name."""
    if mention.label == DATE:
        return POINT
    return ACRONYM if is_acronym(mention.text) else PROPER


def fill_kinds(mentions: Iterable[Mention]) -> None:
    for m in mentions:
        if m.kind is None:
            m.kind = kind_of(m)


def rebound(mention: Mention, start: int, end: int, text: str, label: str | None = None) -> Mention:
    """The mention with other bounds (and label), or itself when nothing changes."""
    label = label or mention.label
    if (start, end, label) == (mention.start, mention.end, mention.label):
        return mention
    return replace(mention, start=start, end=end, text=text[start:end], label=label)


def drop_swallowed(mentions: Sequence[Mention]) -> list[Mention]:
    """An ORG inside a longer ORG (`Совета Федерации` in `комитета Совета Федерации по
    ...`) is left to the longer one; places and persons inside stay, as both factRuEval
    and NEREL count them."""
    orgs = Overlaps(m for m in mentions if m.label == ORG)
    return [
        m
        for m in mentions
        if not (
            m.label == ORG
            and any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and (o.start, o.end) != (m.start, m.end)
                # One character wider on each side: what holds `m` overlaps this, even if empty.
                for o in orgs.overlapping(m.start - 1, m.end + 1)
            )
        )
    ]


NAMES_KINDS = frozenset({PROPER, ACRONYM, PLATFORM, POINT})
NEREL_KINDS = frozenset({PROPER, ACRONYM, BODY, PLACE_ADJECTIVE, POINT, DURATION})
COLLECTION5_KINDS = frozenset({PROPER, ACRONYM, MEDIA, PLATFORM})


def names_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    return drop_swallowed([m for m in mentions if m.kind in NAMES_KINDS and confident(m, NAMES)])


def naeval_span(mention: Mention, text: str, places: frozenset[tuple[int, int]]) -> Mention:
    """factRuEval's `org_name`: an organization without the owner place that ends it
    (`Верховный суд` of `Верховный суд Бангладеша`; the place is a name of its own).
    A place inside the name stays (`Бюро США по патентам и товарным знакам`)."""
    if mention.label == LOC:
        return _without_leading_descriptor(mention, text)
    if mention.label != ORG:
        return mention
    core_end = mention.core_span[1]
    rest = text[core_end : mention.end]
    if not rest[:1].isspace() or (mention.end - len(rest.lstrip()), mention.end) not in places:
        return mention
    return rebound(mention, mention.start, core_end, text)


def _without_leading_descriptor(mention: Mention, text: str) -> Mention:
    """factRuEval's `loc_name` leaves out the descriptor before a place's name (`Уайт` of
    `Острове Уайт`, `Аризона` of `штата Аризона`): the words the normal form has and its
    core lacks."""
    normal, core = mention.normal or "", mention.core or ""
    dropped = len(normal.split()) - len(core.split())
    if not core or dropped <= 0 or not fold_spaced(normal).endswith(fold_spaced(core)):
        return mention
    words = list(WORD_STARTS.finditer(mention.text))
    if len(words) <= dropped:
        return mention
    return rebound(mention, mention.start + words[dropped].start(), mention.end, text)


def naeval_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    names = names_view(mentions, text)
    places = frozenset((m.start, m.end) for m in names if m.label == LOC)
    return [naeval_span(m, text, places) for m in names]


def _owner_follows(text: str, end: int, extent_end: int) -> bool:
    """The extent goes on with a word (`МИД России`), not a quote or a bracket."""
    following = text[end:extent_end] if extent_end > end else ""
    return following[:1].isspace() and following.lstrip()[:1].isalnum()


def nerel_span(mention: Mention, text: str) -> Mention:
    if mention.label == LOC and mention.extent_start >= 0:  # `юге Москвы`
        return rebound(mention, mention.extent_start, mention.end, text)
    if (
        mention.label != ORG
        or mention.kind != ACRONYM
        or not _owner_follows(text, mention.end, mention.extent_end)
    ):
        return mention
    return rebound(mention, mention.start, mention.extent_end, text)


def nerel_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    return drop_swallowed(
        [nerel_span(m, text) for m in mentions if m.kind in NEREL_KINDS and confident(m, NEREL)]
    )


OBJECT_KINDS = NAMES_KINDS | {BODY}


def object_span(mention: Mention, text: str) -> Mention:
    if mention.label != ORG:
        return mention
    start, end = mention.extent_span
    if mention.descriptor_start >= 0:
        start = min(start, mention.descriptor_start)
    return rebound(mention, start, end, text)


def object_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    return drop_swallowed(
        [object_span(m, text) for m in mentions if m.kind in OBJECT_KINDS and confident(m, NAMES)]
    )


@lru_cache(maxsize=1)
def collection5_places() -> frozenset[str]:
    return frozenset(fold_spaced(word) for word in read_words(COLLECTION5_PLACES))


def _closes_name(text: str, end: int, extent_end: int, quoted: bool) -> bool:
    """What the extent adds after the core is a bracketed second name, or the closing quote
    of a name whose opening quote the span holds."""
    following = text[end:extent_end] if extent_end > end else ""
    if following.lstrip().startswith("("):
        return True
    return quoted and bool(following) and set(following) <= CLOSING_QUOTES


def collection5_span(mention: Mention, text: str) -> Mention:
    core_start, core_end = mention.core_span
    extent_start, extent_end = mention.extent_span
    if mention.label == PER:
        return rebound(mention, extent_start, extent_end, text)
    if mention.label != ORG:
        return mention
    # A legal form before the name is kept; a place adjective grown over is not.
    start = extent_start if mention.start == core_start else core_start
    quoted = start == extent_start < core_start
    end = extent_end if _closes_name(text, core_end, extent_end, quoted) else core_end
    places = collection5_places()
    place = any(fold_spaced(name) in places for name in (mention.normal, mention.text) if name)
    return rebound(mention, start, end, text, LOC if place else ORG)


def keep_outermost(mentions: Sequence[Mention]) -> list[Mention]:
    """Flat annotation: a mention inside another (whatever its label) is left out."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    reach = -1
    for m in ordered:
        if m.end <= reach and kept and kept[-1].start <= m.start:
            continue
        kept.append(m)
        reach = max(reach, m.end)
    return kept


def collection5_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    names = [
        m
        for m in mentions
        if m.kind in COLLECTION5_KINDS and m.label in (PER, ORG, LOC) and confident(m, COLLECTION5)
    ]
    return keep_outermost([collection5_span(m, text) for m in names])


def all_view(mentions: Sequence[Mention], text: str) -> list[Mention]:
    return list(mentions)


VIEWS: dict[str, View] = {
    NAMES: names_view,
    NAEVAL: naeval_view,
    NEREL: nerel_view,
    COLLECTION5: collection5_view,
    OBJECT: object_view,
    ALL: all_view,
}


def view(name: str) -> View:
    try:
        return VIEWS[name]
    except KeyError:
        raise ValueError(f"unknown view {name!r}; choose from {', '.join(VIEWS)}") from None
