"""rusnews as a spaCy component: `spacy.blank("ru").add_pipe("rusnews")`.

The component runs our own Pipeline on `doc.text` and copies the results onto
the spaCy `Doc`, so spaCy users get displaCy and can put their own components
after ours. spaCy's tokens are only the coordinate system for `doc.ents`: our
mentions are character spans, expanded to whole spaCy tokens where the two
tokenizers disagree.

What the component sets:

- `doc.ents`: PER/ORG/LOC/DATE, outermost mention wins where mentions nest
  (`doc.ents` cannot overlap); `span.kb_id_` is the entity's cross-article key.
- `doc.spans["rusnews"]`: every mention, nested ones included.
- `doc._.rusnews_mentions`, `doc._.rusnews_entities`, `doc._.rusnews_events`,
  `doc._.rusnews_occupations`, `doc._.rusnews_ownerships`: lists of plain dicts
  with the columns of the output tables (JSON-friendly).
- `span._.rusnews_normal`, `span._.rusnews_entity_id` on those spans.

Importing this module registers the factory; spaCy also finds it through the
`spacy_factories` entry point, so it must stay cheap to import (spaCy imports
every such entry point whenever a `Language` is built): the models load only
when the first document arrives.
"""

# No `from __future__ import annotations` here: spaCy validates the factory's
# config against its signature's real annotations.

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from rusnews.model import Article
from rusnews.rows import entity_rows, event_rows, mention_rows, occupation_rows, ownership_rows
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

FACTORY = "rusnews"
DOC_EXTENSIONS = (
    "rusnews_mentions",
    "rusnews_entities",
    "rusnews_events",
    "rusnews_occupations",
    "rusnews_ownerships",
    "rusnews_published",
)
SPAN_EXTENSIONS = ("rusnews_normal", "rusnews_entity_id")
# Columns that locate a value in the text: shifted when a leading marker was skipped.
OFFSET_KEYS = (
    "start",
    "end",
    "content_start",
    "content_end",
    "person_start",
    "person_end",
    "owner_start",
    "owner_end",
    "property_start",
    "property_end",
)

Record = dict[str, Any]


def register_extensions() -> None:
    """Declare the `._.rusnews_*` attributes once per process.

    Defaults are None, never a shared list: spaCy hands the same default object
    to every Doc, and the component always sets fresh lists.
    """
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


def _published(value: date | str | None) -> date | None:
    from rusnews.io.readers import parse_published

    if value is None or isinstance(value, date):
        return value
    return parse_published(value)


def _strip(row: Record, offset: int) -> Record:
    # article_id is the component's internal batch id, meaningless to the caller.
    row = {k: v for k, v in row.items() if k != "article_id"}
    for key in OFFSET_KEYS:
        if isinstance(row.get(key), int) and row[key] >= 0:
            row[key] += offset
    # A table's days (date_start, date_end) are timestamps; a Doc's records stay
    # JSON, so they are ISO dates here, like `date`.
    for key, value in row.items():
        if isinstance(value, datetime):
            row[key] = value.date().isoformat()
    return row


def mention_records(article: Article, offset: int = 0) -> list[Record]:
    return [_strip(row, offset) for row in mention_rows(article)]


def entity_records(article: Article) -> list[Record]:
    rows = [_strip(row, 0) for row in entity_rows(article)]
    for row, entity in zip(rows, article.entities):
        row["mention_ids"] = list(entity.mention_ids)
    return rows


def event_records(article: Article, offset: int = 0) -> list[Record]:
    rows = [_strip(row, offset) for row in event_rows(article)]
    for row, event in zip(rows, article.events):
        row["arguments"] = [
            _strip(
                {
                    "role": a.role,
                    "entity_id": a.entity_id,
                    "label": a.label,
                    "name": a.name,
                    "start": a.start,
                    "end": a.end,
                },
                offset,
            )
            for a in event.arguments
        ]
    return rows


def occupation_records(article: Article, offset: int = 0) -> list[Record]:
    return [_strip(row, offset) for row in occupation_rows(article)]


def ownership_records(article: Article, offset: int = 0) -> list[Record]:
    return [_strip(row, offset) for row in ownership_rows(article)]


class RusnewsComponent:
    """Runs the rusnews Pipeline on each Doc's text and fills ents, spans and extensions."""

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        published: str | None = None,
        batch_size: int = 32,
        markers: bool = True,
        overwrite_ents: bool = True,
        spans_key: str = FACTORY,
    ) -> None:
        register_extensions()
        self.name = name
        self.published = _published(published)
        self.batch_size = batch_size
        self.markers = markers
        self.overwrite_ents = overwrite_ents
        self.spans_key = spans_key
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        """Our Pipeline, built on first use: loading the models takes a second or two."""
        if self._pipeline is None:
            from rusnews.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    @pipeline.setter
    def pipeline(self, value: Any) -> None:
        # Lets a caller share one already-built Pipeline between components.
        self._pipeline = value

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        """`nlp.pipe` calls this: many Docs go through `Pipeline.process` at once."""
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            prepared = [self._article(idx, doc) for idx, doc in enumerate(batch)]
            processed = self.pipeline.process([article for article, _ in prepared])
            for doc, article, (_, offset) in zip(batch, processed, prepared):
                self._fill(doc, article, offset)
                yield doc

    def _article(self, idx: int, doc: Doc) -> tuple[Article, int]:
        """The Article for one Doc and the offset of its body in `doc.text`.

        Text copied from a rusnews input file may open with a marker
        (`date 2025-12-03`); it carries the publication date and is not news
        text, so it is skipped as the readers do, and offsets shifted back.
        """
        text, offset, meta_date = doc.text, 0, None
        if self.markers:
            from rusnews.io.readers import split_markers

            meta, body = split_markers(text)
            offset, text, meta_date = len(doc.text) - len(body), body, meta.get("date")
        # An explicit per-doc date wins over the marker, the marker over the config default.
        published = _published(doc._.rusnews_published) or _published(meta_date) or self.published
        return Article(article_id=f"doc-{idx}", text=text, published=published), offset

    def _fill(self, doc: Doc, article: Article, offset: int) -> None:
        mentions = mention_records(article, offset)
        keys = {e.entity_id: e.key for e in article.entities}
        spans: list[tuple[Span, Record]] = []
        for record in mentions:
            span = doc.char_span(
                record["start"],
                record["end"],
                label=record["label"],
                kb_id=keys.get(record["entity_id"], ""),
                alignment_mode="expand",
            )
            record["token_start"] = span.start if span is not None else None
            record["token_end"] = span.end if span is not None else None
            if span is not None:  # None only for a whitespace-only span: nothing to point at
                spans.append((span, record))
        doc.spans[self.spans_key] = [span for span, _ in spans]
        ents = self._ents(doc, [span for span, _ in spans])
        # spaCy keys span attributes by character offsets alone, so two mentions
        # on one span (a DATE and an ORG on `Вчера`) share them: the one in
        # doc.ents is written last and wins.
        chosen = {id(span) for span in ents}
        for span, record in sorted(spans, key=lambda pair: id(pair[0]) in chosen):
            span._.rusnews_normal = record["normal"]
            span._.rusnews_entity_id = record["entity_id"]
        doc.ents = ents
        doc._.rusnews_mentions = mentions
        doc._.rusnews_entities = entity_records(article)
        doc._.rusnews_events = event_records(article, offset)
        doc._.rusnews_occupations = occupation_records(article, offset)
        doc._.rusnews_ownerships = ownership_records(article, offset)

    def _ents(self, doc: Doc, spans: list[Span]) -> list[Span]:
        # Longest first, so a nested mention (`МИД` inside a longer name) gives way.
        ours = filter_spans(spans)
        if self.overwrite_ents:
            return ours
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        kept = [s for s in ours if not taken.intersection(range(s.start, s.end))]
        return sorted([*doc.ents, *kept], key=lambda s: s.start)


@Language.factory(
    FACTORY,
    default_config={
        "published": None,
        "batch_size": 32,
        "markers": True,
        "overwrite_ents": True,
        "spans_key": FACTORY,
    },
    assigns=[
        "doc.ents",
        "doc.spans",
        "doc._.rusnews_mentions",
        "doc._.rusnews_entities",
        "doc._.rusnews_events",
        "doc._.rusnews_occupations",
        "doc._.rusnews_ownerships",
        "span._.rusnews_normal",
        "span._.rusnews_entity_id",
    ],
)
def make_rusnews(
    nlp: Language,
    name: str,
    published: str | None,
    batch_size: int,
    markers: bool,
    overwrite_ents: bool,
    spans_key: str,
) -> RusnewsComponent:
    return RusnewsComponent(
        nlp,
        name,
        published=published,
        batch_size=batch_size,
        markers=markers,
        overwrite_ents=overwrite_ents,
        spans_key=spans_key,
    )


register_extensions()
