"""The document model: plain dataclasses with character offsets into the article text.

Every unit carries ``start``/``end`` (Python string indices, end exclusive) into
``Article.text`` exactly as read, so gold annotations, razdel output, spaCy views
and the writers share one coordinate system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from rusnews.offsets import Layout

PER = "PER"
ORG = "ORG"
LOC = "LOC"
DATE = "DATE"
NAME_LABELS = (PER, ORG, LOC)
LABELS = (PER, ORG, LOC, DATE)

DAY = "day"
MONTH = "month"
YEAR = "year"
WEEK = "week"

# What kind of name a mention is, so that each gold convention can pick its own
# (rusnews.stages.mentions.views): a proper name, an acronym, a body named by a
# common noun (`полиция`, `правительство Японии`), a place named by an adjective
# (`британской`), the press as a whole (`СМИ`), a web platform spoken of as a
# service (`написал в Twitter`); dates are points on the calendar or durations.
PROPER = "proper"
ACRONYM = "acronym"
BODY = "body"
PLACE_ADJECTIVE = "place_adjective"
MEDIA = "media"
PLATFORM = "platform"
POINT = "date"
DURATION = "duration"
KINDS = (PROPER, ACRONYM, BODY, PLACE_ADJECTIVE, MEDIA, PLATFORM, POINT, DURATION)
BOUND_FIELDS = ("core_start", "core_end", "extent_start", "extent_end", "descriptor_start")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    # The word as the models and normal forms see it: the exact text[start:end]
    # less invisible format characters (rusnews.text.visible), which change
    # nothing a reader sees but would make another word of it.
    text: str
    pos: str | None = None
    feats: dict[str, str] = field(default_factory=dict)
    lemma: str | None = None
    # Syntax, filled by the syntax stage: 1-based index of the head inside the
    # sentence (0 for the root) and the Universal Dependencies relation.
    head: int | None = None
    rel: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    sentence_idx: int = -1
    normal: str | None = None
    # ORG/LOC: the name alone in nominative, without the descriptor or legal form before it
    # and the quotes around it (`газета «Ведомости»` -> `Ведомости`); `normal` is the whole.
    core: str | None = None
    # PER name parts in nominative.
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    # DATE: ISO value (2025-12-03, 2025-12, 2025, 2025-W49) and its granularity;
    # ``relative`` says the value was computed from the publication date.
    granularity: str | None = None
    relative: bool = False
    entity_id: int | None = None
    source: str = "ner"
    # The mention this one names again, written right after it in parentheses: an acronym
    # (`Министерство иностранных дел (МИД)`) or another spelling (`Билл Гейтс (Bill Gates)`).
    alias_of: Mention | None = field(default=None, compare=False, repr=False)
    # One of KINDS; None until the stage that finds the mention or the kinds stage says.
    kind: str | None = None
    # The conventions bound a name differently; -1 means "the mention's own bound".
    # core: the name alone, without legal form, place adjective, owner or a bracketed
    # second spelling (`Верховный суд` of `Верховный суд Испании`); extent: all of
    # them (`ОАО «Газпром»`, `МИД России`, `Майкла Стила (Michael Steele)`).
    core_start: int = -1
    core_end: int = -1
    extent_start: int = -1
    extent_end: int = -1
    # Where the common noun saying what kind of body it is begins, when it stands before
    # the extent (`партии` of `партии «Яблоко»`): factRuEval's objects hold it, the other
    # conventions do not.
    descriptor_start: int = -1
    # Convention -> the learned probability that the convention counts this mention as a
    # name (rusnews.stages.mentions.confidence); empty where no model scored it.
    confidence: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def span(self) -> tuple[str, int, int]:
        return (self.label, self.start, self.end)

    def name_fields(self) -> dict[str, str | int | None]:
        """The kind and the bounds as the mentions table holds them: null for -1."""
        bounds = {name: getattr(self, name) for name in BOUND_FIELDS}
        return {"kind": self.kind, **{k: None if v < 0 else v for k, v in bounds.items()}}

    @property
    def core_span(self) -> tuple[int, int]:
        return (
            self.start if self.core_start < 0 else self.core_start,
            self.end if self.core_end < 0 else self.core_end,
        )

    @property
    def extent_span(self) -> tuple[int, int]:
        return (
            self.start if self.extent_start < 0 else min(self.extent_start, self.start),
            self.end if self.extent_end < 0 else max(self.extent_end, self.end),
        )


@dataclass(slots=True)
class Entity:
    entity_id: int
    label: str
    name: str
    key: str
    mention_ids: list[int] = field(default_factory=list)
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    value: str | None = None
    granularity: str | None = None
    # Knowledge-base links (rusnews.kb), set by the link stage: a Wikidata item (`Q159`), a
    # GeoNames id and coordinates for a place, and an ISO 3166-1 alpha-2 country.
    wikidata: str | None = None
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None


@dataclass(slots=True)
class Argument:
    role: str
    entity_id: int | None
    label: str | None
    name: str | None
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Event:
    event_id: int
    event_type: str
    trigger: str
    trigger_lemma: str
    sentence_idx: int
    start: int
    end: int
    cameo_root: str | None = None
    date: str | None = None
    date_granularity: str | None = None
    date_from_published: bool = False
    modality: str = "asserted"
    negated: bool = False
    arguments: list[Argument] = field(default_factory=list)
    # What a STATEMENT says: the quotation (direct) or the `что`-clause (indirect).
    content_start: int = -1
    content_end: int = -1
    content_kind: str | None = None
    # A deal's kind in factRuEval's terms (`купля/продажа`, `займ/возвращение займа` ...),
    # read off the trigger in `models/events/deals.tsv`; None for every other event.
    deal_type: str | None = None


# An occupation's phase: the text reports the person taking the post, or leaving it.
START = "start"
END = "end"
PHASES = (START, END)


@dataclass(slots=True)
class Occupation:
    """Who holds which position where: a fact about a person, kept apart from the events.

    ``start``/``end`` cover the position phrase as written; ``position`` is its
    nominative. ``phase`` is None when the text only says the post is held.
    """

    occupation_id: int
    sentence_idx: int
    start: int
    end: int
    position: str
    person: Argument
    organization: Argument | None = None
    place: Argument | None = None
    phase: str | None = None


@dataclass(slots=True)
class Ownership:
    """Who owns, founded or controls what: like an occupation, a state and not an event.

    ``start``/``end`` cover the word that says so (`владелец`, `принадлежащий`,
    `доля`), ``cue`` is its lemma.
    """

    ownership_id: int
    sentence_idx: int
    start: int
    end: int
    cue: str
    owner: Argument
    property: Argument


@dataclass(slots=True)
class Article:
    article_id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    source: str | None = None
    encoding: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    occupations: list[Occupation] = field(default_factory=list)
    ownerships: list[Ownership] = field(default_factory=list)
    status: str = "ok"
    _layout: Layout | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # `Article(id, text, published="2025-12-03")` reads the string as the
        # readers read a publication date, so Python callers and input files
        # agree; a datetime keeps its day, the granularity of `published`.
        if isinstance(self.published, str):
            from rusnews.io.readers import parse_published  # the readers import this module

            self.published = parse_published(self.published)
        elif isinstance(self.published, datetime):
            self.published = self.published.date()

    @property
    def n_tokens(self) -> int:
        return sum(len(s.tokens) for s in self.sentences)

    def layout(self) -> Layout:
        """Offsets of the sentences and tokens, rebuilt when a stage sets new sentences."""
        if self._layout is None or not self._layout.describes(self.sentences):
            self._layout = Layout(self.sentences)
        return self._layout

    def sentence_of(self, start: int) -> int:
        """Index of the sentence holding character ``start`` (-1 when none)."""
        return self.layout().sentence_of(start)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens a character span covers: derived from offsets, never stored twice."""
        return self.layout().tokens_in(start, end)


# How bad a Problem is: an error cost the input (or article) its output; a
# warning says the article was kept but something in it was repaired or left out.
ERROR = "error"
WARNING = "warning"


@dataclass(slots=True)
class Problem:
    """One row of the `errors` table: what went wrong, where, and in which stage."""

    path: str
    stage: str
    kind: str
    message: str
    article_id: str | None = None
    severity: str = ERROR
