"""The debug check of the stage contract: a stage sets what it declares and changes nothing else.

`check_order` trusts each stage's `requires`/`assigns`; this check, run around every
stage (`Pipeline(check=True)`, or RUSNEWS_CHECK_STAGES=1 as the tests set it), tests that
trust on real articles. Each fact has a view of the articles (`VIEWS`): a stage that
changes a view without declaring the fact, or a fact resting on one it declares, fails.
A fact with a promise (`PROMISES`) must hold it after the stage that sets it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from rusnews.model import NAME_LABELS, Article
from rusnews.stages.base import (
    ENTITIES,
    EVENTS,
    LINKS,
    MENTIONS,
    MENTIONS_FINAL,
    MORPH,
    NORMALS,
    SENTENCES,
    SYNTAX,
    Stage,
    resting_on,
)

ENV = "RUSNEWS_CHECK_STAGES"


def wanted() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


def _tokens(article: Article) -> list[Any]:
    return [t for s in article.sentences for t in s.tokens]


VIEWS: dict[str, Callable[[Article], object]] = {
    SENTENCES: lambda a: [
        (s.start, s.end, [(t.start, t.end) for t in s.tokens]) for s in a.sentences
    ],
    MORPH: lambda a: [(t.pos, t.lemma, sorted(t.feats.items())) for t in _tokens(a)],
    SYNTAX: lambda a: [(t.head, t.rel) for t in _tokens(a)],
    # Which spans are mentions, whatever their order; sorting moves none of them.
    MENTIONS: lambda a: sorted(set(m.span for m in a.mentions)),
    MENTIONS_FINAL: lambda a: [m.span for m in a.mentions],
    NORMALS: lambda a: [
        (m.span, m.normal, m.first, m.middle, m.last) for m in a.mentions if m.label in NAME_LABELS
    ],
    ENTITIES: lambda a: (
        [m.entity_id for m in a.mentions],
        [(e.entity_id, e.label, e.key, e.mention_ids) for e in a.entities],
    ),
    LINKS: lambda a: [
        (e.wikidata, e.geonames, e.latitude, e.longitude, e.country) for e in a.entities
    ],
    EVENTS: lambda a: [
        (e.event_id, e.event_type, e.start, e.end, [(x.role, x.entity_id) for x in e.arguments])
        for e in a.events
    ],
}


def _sorted_and_numbered(article: Article) -> str | None:
    keys = [(m.start, -m.end, m.label) for m in article.mentions]
    if keys != sorted(keys):
        return "mentions are not in text order"
    if len(set(keys)) != len(keys):
        return "two mentions have one span"
    return None


def _normalized(article: Article) -> str | None:
    bare = [m.text for m in article.mentions if m.label in NAME_LABELS and m.normal is None]
    return f"names without a normal form: {bare[:3]}" if bare else None


def _linked(article: Article) -> str | None:
    if any(m.entity_id is None for m in article.mentions):
        return "a mention without an entity"
    for i, entity in enumerate(article.entities):
        if entity.entity_id != i:
            return f"entity {entity.entity_id} at position {i}"
        for j in entity.mention_ids:
            if not 0 <= j < len(article.mentions) or article.mentions[j].entity_id != i:
                return f"entity {i} lists mention {j}, which is not one of its own"
    return None


def _numbered_events(article: Article) -> str | None:
    if any(e.event_id != i for i, e in enumerate(article.events)):
        return "event_id is not the position"
    return None


PROMISES: dict[str, Callable[[Article], str | None]] = {
    MENTIONS_FINAL: _sorted_and_numbered,
    NORMALS: _normalized,
    ENTITIES: _linked,
    EVENTS: _numbered_events,
}


def views(articles: list[Article]) -> dict[str, list[object]]:
    return {fact: [view(a) for a in articles] for fact, view in VIEWS.items()}


def check_stage(stage: Stage, before: dict[str, list[object]], articles: list[Article]) -> None:
    """Raise AssertionError when `stage` broke its declaration on `articles`; `before`: their
    views taken just before it ran."""
    allowed = set(stage.assigns) | resting_on(stage.assigns)
    after = views(articles)
    for fact in VIEWS:
        if fact not in allowed and before[fact] != after[fact]:
            changed = next(
                a.article_id for a, x, y in zip(articles, before[fact], after[fact]) if x != y
            )
            raise AssertionError(
                f"stage {stage.name!r} changed {fact} of article {changed!r} "
                f"but declares only {', '.join(stage.assigns) or 'nothing'}"
            )
    for fact in stage.assigns:
        promise = PROMISES.get(fact)
        for article in articles if promise else ():
            broken = promise(article)
            if broken:
                raise AssertionError(
                    f"stage {stage.name!r} sets {fact}, yet in article {article.article_id!r}: "
                    f"{broken}"
                )
