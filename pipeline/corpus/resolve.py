"""The corpus step over a run's tables: frames in, the corpus tables and two id columns out.

The engine calls it on the shards' parts once every shard is done
(rusnews.engine.corpus_step), `read_run` on a run folder that lacks its corpus
tables, and `rusnews eval` on the articles it ran; all three give it the
same columns (`COLUMNS`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from rusnews.corpus.entities import ENTITY_COLUMNS, KB_COLUMNS, day_numbers, resolve_entities
from rusnews.corpus.names import NameTables, name_tables
from rusnews.corpus.rules import DEFAULT_WINDOW_DAYS, Links
from rusnews.corpus.stories import build_stories

# What the step reads of each table (entities: and the knowledge-base columns it has).
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "published"),
    "entities": ENTITY_COLUMNS,
    "mentions": (
        "article_id",
        "entity_id",
        "label",
        "start",
        "end",
        "text",
        "normal",
        "core",
        "extent_start",
        "extent_end",
    ),
    "events": (
        "article_id",
        "event_id",
        "event_type",
        "date_start",
        "date_granularity",
        "date_from_published",
    ),
    "event_arguments": ("article_id", "event_id", "role", "entity_id"),
}
OPTIONAL_COLUMNS = {"entities": KB_COLUMNS}


def wanted_columns(name: str, available: list[str]) -> list[str]:
    """The columns of table `name` the step reads, of those `available`."""
    optional = [c for c in OPTIONAL_COLUMNS.get(name, ()) if c in available]
    return [*COLUMNS[name], *optional]


@dataclass
class CorpusResult:
    corpus_entities: pd.DataFrame
    stories: pd.DataFrame
    entity_ids: list[int | None]  # `corpus_entity_id` of every `entities` row, in order
    story_ids: list[int | None]  # `story_id` of every `events` row, in order
    stats: dict[str, Any] = field(default_factory=dict)
    links: Links | None = None  # with `trace`: which rule joined which records


def resolve_corpus(
    tables: Mapping[str, pd.DataFrame],
    window_days: int = DEFAULT_WINDOW_DAYS,
    names: NameTables | None = None,
    trace: bool = False,
) -> CorpusResult:
    """Corpus entities and stories of the run whose tables are given (`COLUMNS` at least).

    `window_days`: how far apart, in days, two events of one story or a surname and the
    only full name it may stand for may be.
    """
    started = time.perf_counter()
    names = names or name_tables()
    articles = tables["articles"]
    published = dict(zip(articles["article_id"].tolist(), day_numbers(articles["published"])))
    corpus, entity_ids, links = resolve_entities(
        published, tables["entities"], tables["mentions"], names, window_days, trace
    )
    entities = tables["entities"]
    corpus_of = {
        (article, int(entity)): cid
        for article, entity, cid in zip(
            entities["article_id"].tolist(), entities["entity_id"].tolist(), entity_ids
        )
        if cid is not None
    }
    stories, story_ids = build_stories(
        tables["events"],
        tables["event_arguments"],
        corpus_of,
        corpus["name"].tolist(),
        published,
        window_days,
    )
    stats = {
        "window_days": window_days,
        "corpus_entities": len(corpus),
        "stories": len(stories),
        "stories_of_several_articles": int((stories["n_articles"] > 1).sum()),
        "rules": {
            "fired": dict(sorted(links.fired.items())),
            "refused": dict(sorted(links.refused.items())),
        },
        "seconds": round(time.perf_counter() - started, 3),
    }
    return CorpusResult(corpus, stories, entity_ids, story_ids, stats, links if trace else None)


def with_ids(frame: pd.DataFrame, column: str, ids: list[int | None]) -> pd.DataFrame:
    """`frame` with `column` set to `ids` (nullable integers)."""
    return frame.assign(**{column: pd.array(ids, dtype="Int64")})
