"""The rows of the output tables, from processed articles: pure functions, one per table.

The columns and their types are rusnews.schema's; a row here has exactly those keys.
"""

from __future__ import annotations

from datetime import date, datetime, time

from rusnews.date_values import date_interval
from rusnews.model import Article, Event, Occupation, Problem
from rusnews.schema import Row
from rusnews.views import CONVENTIONS


def as_day(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time())


def article_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.article_id,
            "path": article.path,
            "title": article.title,
            "url": article.url,
            "published": as_day(article.published),
            "encoding": article.encoding,
            "n_sentences": len(article.sentences),
            "n_tokens": article.n_tokens,
            "n_mentions": len(article.mentions),
            "n_entities": len(article.entities),
            "n_events": len(article.events),
            "n_occupations": len(article.occupations),
            "status": article.status,
            "text": article.text,
        }
    ]


def mention_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.article_id,
            "mention_id": idx,
            "sentence_idx": m.sentence_idx,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "label": m.label,
            "normal": m.normal,
            "core": m.core,
            "first": m.first,
            "middle": m.middle,
            "last": m.last,
            "granularity": m.granularity,
            "relative": m.relative,
            "entity_id": m.entity_id,
            "source": m.source,
            **m.name_fields(),
            **{f"confidence_{c}": m.confidence.get(c) for c in CONVENTIONS},
        }
        for idx, m in enumerate(article.mentions)
    ]


def entity_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.article_id,
            "entity_id": e.entity_id,
            "label": e.label,
            "name": e.name,
            "key": e.key,
            "n_mentions": len(e.mention_ids),
            "first": e.first,
            "middle": e.middle,
            "last": e.last,
            "value": e.value,
            "granularity": e.granularity,
            "wikidata": e.wikidata,
            "geonames": e.geonames,
            "latitude": e.latitude,
            "longitude": e.longitude,
            "country": e.country,
        }
        for e in article.entities
    ]


def event_rows(article: Article) -> list[Row]:
    return [_event_row(article, ev) for ev in article.events]


def _event_row(article: Article, ev: Event) -> Row:
    first, last = date_interval(ev.date, ev.date_granularity)
    return {
        "article_id": article.article_id,
        "event_id": ev.event_id,
        "event_type": ev.event_type,
        "cameo_root": ev.cameo_root,
        "trigger": ev.trigger,
        "trigger_lemma": ev.trigger_lemma,
        "sentence_idx": ev.sentence_idx,
        "start": ev.start,
        "end": ev.end,
        "date": ev.date,
        "date_granularity": ev.date_granularity,
        "date_start": as_day(first),
        "date_end": as_day(last),
        "date_from_published": ev.date_from_published,
        "modality": ev.modality,
        "negated": ev.negated,
        "sentence": _sentence(article, ev.sentence_idx),
        "content": article.text[ev.content_start : ev.content_end]
        if ev.content_kind is not None
        else None,
        "content_kind": ev.content_kind,
        "content_start": ev.content_start if ev.content_kind is not None else None,
        "content_end": ev.content_end if ev.content_kind is not None else None,
        "deal_type": ev.deal_type,
    }


def _sentence(article: Article, idx: int) -> str | None:
    return article.sentences[idx].text if 0 <= idx < len(article.sentences) else None


def event_argument_rows(article: Article) -> list[Row]:
    countries = {e.entity_id: e.country for e in article.entities}
    return [
        {
            "article_id": article.article_id,
            "event_id": ev.event_id,
            "role": arg.role,
            "entity_id": arg.entity_id,
            "label": arg.label,
            "name": arg.name,
            "start": arg.start,
            "end": arg.end,
            "country": countries.get(arg.entity_id),
        }
        for ev in article.events
        for arg in ev.arguments
    ]


def occupation_rows(article: Article) -> list[Row]:
    return [_occupation_row(article, o) for o in article.occupations]


def _occupation_row(article: Article, o: Occupation) -> Row:
    org, place = o.organization, o.place
    return {
        "article_id": article.article_id,
        "occupation_id": o.occupation_id,
        "person_entity_id": o.person.entity_id,
        "person": o.person.name,
        "position": o.position,
        "position_text": article.text[o.start : o.end],
        "organization_entity_id": org.entity_id if org is not None else None,
        "organization": org.name if org is not None else None,
        "place_entity_id": place.entity_id if place is not None else None,
        "place": place.name if place is not None else None,
        "phase": o.phase,
        "sentence_idx": o.sentence_idx,
        "start": o.start,
        "end": o.end,
        "person_start": o.person.start,
        "person_end": o.person.end,
        "sentence": _sentence(article, o.sentence_idx),
    }


def ownership_rows(article: Article) -> list[Row]:
    return [
        {
            "article_id": article.article_id,
            "ownership_id": o.ownership_id,
            "owner_entity_id": o.owner.entity_id,
            "owner": o.owner.name,
            "property_entity_id": o.property.entity_id,
            "property": o.property.name,
            "cue": o.cue,
            "sentence_idx": o.sentence_idx,
            "start": o.start,
            "end": o.end,
            "owner_start": o.owner.start,
            "owner_end": o.owner.end,
            "property_start": o.property.start,
            "property_end": o.property.end,
            "sentence": _sentence(article, o.sentence_idx),
        }
        for o in article.ownerships
    ]


def error_rows(problem: Problem) -> list[Row]:
    return [
        {
            "path": problem.path,
            "article_id": problem.article_id,
            "stage": problem.stage,
            "kind": problem.kind,
            "severity": problem.severity,
            "message": problem.message,
        }
    ]


ROWS = {
    "articles": article_rows,
    "mentions": mention_rows,
    "entities": entity_rows,
    "events": event_rows,
    "event_arguments": event_argument_rows,
    "occupations": occupation_rows,
    "ownerships": ownership_rows,
}


def rows_of(article: Article) -> dict[str, list[Row]]:
    """Every table's rows for one processed article."""
    return {name: to_rows(article) for name, to_rows in ROWS.items()}
