"""The output tables: columns and Arrow types in one place (rusnews.rows fills them)."""

from __future__ import annotations

from typing import Any

import pyarrow as pa
from rusnews.model import BOUND_FIELDS
from rusnews.pandas_meta import for_pandas
from rusnews.views import CONVENTIONS

S, I32, I64, F64, B = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
# Days are timestamps at midnight: pandas reads Arrow dates as objects, timestamps as datetime64.
DAY = pa.timestamp("ms")

ARTICLES = pa.schema(
    [
        ("article_id", S),
        ("path", S),
        ("title", S),
        ("url", S),
        ("published", DAY),
        ("encoding", S),
        ("n_sentences", I32),
        ("n_tokens", I32),
        ("n_mentions", I32),
        ("n_entities", I32),
        ("n_events", I32),
        ("n_occupations", I32),
        ("status", S),
        ("text", S),
    ]
)
MENTIONS = pa.schema(
    [
        ("article_id", S),
        ("mention_id", I32),
        ("sentence_idx", I32),
        ("start", I64),
        ("end", I64),
        ("text", S),
        ("label", S),
        ("normal", S),
        ("core", S),
        ("first", S),
        ("middle", S),
        ("last", S),
        ("granularity", S),
        ("relative", B),
        ("entity_id", I32),
        ("source", S),
        # Nullable, at the end: what each convention picks by (rusnews.model.Mention).
        ("kind", S),
        *((name, I64) for name in BOUND_FIELDS),
        # The learned probability that each convention counts the mention as a name.
        *((f"confidence_{c}", pa.float64()) for c in CONVENTIONS),
    ]
)
ENTITIES = pa.schema(
    [
        ("article_id", S),
        ("entity_id", I32),
        ("label", S),
        ("name", S),
        ("key", S),
        ("n_mentions", I32),
        ("first", S),
        ("middle", S),
        ("last", S),
        ("value", S),
        ("granularity", S),
        # Knowledge-base links (rusnews.kb): null where the name was not linked.
        ("wikidata", S),
        ("geonames", I64),
        ("latitude", F64),
        ("longitude", F64),
        ("country", S),
        ("corpus_entity_id", I32),  # set by the corpus step (rusnews.corpus); none for DATE
    ]
)
EVENTS = pa.schema(
    [
        ("article_id", S),
        ("event_id", I32),
        ("event_type", S),
        ("cameo_root", S),
        ("trigger", S),
        ("trigger_lemma", S),
        ("sentence_idx", I32),
        ("start", I64),
        ("end", I64),
        ("date", S),
        ("date_granularity", S),
        ("date_start", DAY),
        ("date_end", DAY),
        ("date_from_published", B),
        ("modality", S),
        ("negated", B),
        ("sentence", S),
        ("content", S),
        ("content_kind", S),
        ("content_start", I64),
        ("content_end", I64),
        ("deal_type", S),
        ("story_id", I32),  # filled by the corpus step; joins `stories`
    ]
)
EVENT_ARGUMENTS = pa.schema(
    [
        ("article_id", S),
        ("event_id", I32),
        ("role", S),
        ("entity_id", I32),
        ("label", S),
        ("name", S),
        ("start", I64),
        ("end", I64),
        # The ISO 3166-1 country of the argument's entity, from the knowledge-base links: a
        # place's own, an organization's or person's where the text or the tables say
        # (GDELT's actor country codes).
        ("country", S),
    ]
)
OCCUPATIONS = pa.schema(
    [
        ("article_id", S),
        ("occupation_id", I32),
        ("person_entity_id", I32),
        ("person", S),
        ("position", S),
        ("position_text", S),
        ("organization_entity_id", I32),
        ("organization", S),
        ("place_entity_id", I32),
        ("place", S),
        ("phase", S),
        ("sentence_idx", I32),
        ("start", I64),
        ("end", I64),
        ("person_start", I64),
        ("person_end", I64),
        ("sentence", S),
    ]
)
OWNERSHIPS = pa.schema(
    [
        ("article_id", S),
        ("ownership_id", I32),
        ("owner_entity_id", I32),
        ("owner", S),
        ("property_entity_id", I32),
        ("property", S),
        ("cue", S),
        ("sentence_idx", I32),
        ("start", I64),
        ("end", I64),
        ("owner_start", I64),
        ("owner_end", I64),
        ("property_start", I64),
        ("property_end", I64),
        ("sentence", S),
    ]
)
ERRORS = pa.schema(
    [
        ("path", S),
        ("article_id", S),
        ("stage", S),
        ("kind", S),
        ("severity", S),
        ("message", S),
    ]
)

# The corpus step's tables (rusnews.corpus); lists are JSON text, which CSV holds too.
# fmt: off
CORPUS_ENTITIES = pa.schema([
    ("corpus_entity_id", I32), ("label", S), ("name", S), ("owner", S), ("aliases", S),
    ("n_articles", I32), ("n_mentions", I32), ("first_published", DAY), ("last_published", DAY),
    ("wikidata", S), ("geonames", I64), ("latitude", F64), ("longitude", F64), ("country", S),
])
STORIES = pa.schema([
    ("story_id", I32), ("event_type", S), ("participant_ids", S), ("participants", S),
    ("n_events", I32), ("n_articles", I32), ("first_published", DAY), ("last_published", DAY),
    ("first_date", DAY), ("last_date", DAY), ("article_ids", S),
])
# fmt: on
# Tables every shard writes parts of, and tables the corpus step makes from them.
SHARD_TABLES: dict[str, pa.Schema] = {
    name: for_pandas(name, schema)
    for name, schema in {
        "articles": ARTICLES,
        "mentions": MENTIONS,
        "entities": ENTITIES,
        "events": EVENTS,
        "event_arguments": EVENT_ARGUMENTS,
        "occupations": OCCUPATIONS,
        "ownerships": OWNERSHIPS,
        "errors": ERRORS,
    }.items()
}
CORPUS_TABLES = {"corpus_entities": CORPUS_ENTITIES, "stories": STORIES}
CORPUS_TABLES = {name: for_pandas(name, schema) for name, schema in CORPUS_TABLES.items()}
TABLES: dict[str, pa.Schema] = {**SHARD_TABLES, **CORPUS_TABLES}
# Shard tables whose last column the corpus step fills; they are assembled after it.
CORPUS_COLUMNS: dict[str, str] = {"entities": "corpus_entity_id", "events": "story_id"}

Row = dict[str, Any]
