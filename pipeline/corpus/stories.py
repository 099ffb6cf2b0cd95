"""`stories`: events of one type about the same corpus entities within a few days.

An event's participants are the corpus entities of its `agent` and
`participant` arguments; its day is its own date when the text gives a day
(`date_granularity` day, not taken from the publication date), else its
article's publication date. Two events of one type are in one story when
their days are at most `window` days apart and they share their participants:
the one participant of an event that has one, at least two of an event that
has more (so `Россия`, party to most meetings, does not make one story of
them all). Stories chain: a story may span more than `window` days when its
events follow each other closely.

Events are grouped by (type, participant) and (type, pair of participants),
sorted by day within each group, and neighbours joined: the cost is the sort,
never a comparison of all pairs. Every event with a day and a participant is
in exactly one story, a story of one event included; others get no story.
"""

from __future__ import annotations

import json
from itertools import combinations

import numpy as np
import pandas as pd
from rusnews.corpus.rules import DEFAULT_WINDOW_DAYS

STORY_ROLES = ("agent", "participant")
# Participants an event is grouped by: the pairs of more would grow as their square.
MAX_PARTICIPANTS = 8
DAY = "day"


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def event_participants(
    arguments: pd.DataFrame, corpus_of: dict[tuple[str, int], int]
) -> dict[tuple[str, int], list[int]]:
    """(article, event id) -> the corpus entities of its agents and participants, sorted."""
    chosen = arguments[arguments["role"].isin(STORY_ROLES) & arguments["entity_id"].notna()]
    found: dict[tuple[str, int], set[int]] = {}
    for article, event, entity in zip(
        chosen["article_id"].tolist(),
        chosen["event_id"].tolist(),
        chosen["entity_id"].astype("int64").tolist(),
    ):
        cid = corpus_of.get((article, entity))
        if cid is not None:
            found.setdefault((article, int(event)), set()).add(cid)
    return {key: sorted(cids) for key, cids in found.items()}


def event_days(events: pd.DataFrame, published: dict[str, int | None]) -> list[int | None]:
    """Each event's day (days since 1970): its own date when it names a day, else its
    article's publication date."""
    own = events["date_start"].to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
    dated = (events["date_granularity"] == DAY).fillna(False).to_numpy(dtype=bool) & ~(
        events["date_from_published"].fillna(False).to_numpy(dtype=bool)
    )
    days = []
    for article, day, use in zip(events["article_id"].tolist(), own, dated):
        days.append(
            int(day.astype(np.int64)) if use and not np.isnat(day) else published.get(article)
        )
    return days


def _blocks(participants: list[int]) -> list[tuple[int, ...]]:
    if len(participants) == 1:
        return [tuple(participants)]
    return list(combinations(participants[:MAX_PARTICIPANTS], 2))


def build_stories(
    events: pd.DataFrame,
    arguments: pd.DataFrame,
    corpus_of: dict[tuple[str, int], int],
    names: list[str],
    published: dict[str, int | None],
    window: int = DEFAULT_WINDOW_DAYS,
) -> tuple[pd.DataFrame, list[int | None]]:
    """(the stories table, the story_id of every `events` row)."""
    by_event = event_participants(arguments, corpus_of)
    days = event_days(events, published)
    types = events["event_type"].tolist()
    articles = events["article_id"].tolist()
    keys = list(zip(articles, events["event_id"].astype("int64").tolist()))
    members = [by_event.get(key, []) for key in keys]
    blocks: dict[tuple, list[tuple[int, int]]] = {}
    for i, (kind, day, parts) in enumerate(zip(types, days, members)):
        if day is None or not parts:
            continue
        for block in _blocks(parts):
            blocks.setdefault((kind, block), []).append((day, i))
    parent = list(range(len(keys)))
    for dated in blocks.values():
        dated.sort()
        for (day_a, a), (day_b, b) in zip(dated, dated[1:]):
            if day_b - day_a <= window:
                ra, rb = _find(parent, a), _find(parent, b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    story_of: dict[int, int] = {}
    groups: list[list[int]] = []
    ids: list[int | None] = [None] * len(keys)
    for i in range(len(keys)):
        if days[i] is None or not members[i]:
            continue
        root = _find(parent, i)
        if root not in story_of:
            story_of[root] = len(groups)
            groups.append([])
        groups[story_of[root]].append(i)
        ids[i] = story_of[root]
    rows = [
        _story_row(sid, group, types, articles, days, members, names, published)
        for sid, group in enumerate(groups)
    ]
    return pd.DataFrame(rows, columns=list(STORY_COLUMNS)), ids


STORY_COLUMNS = (
    "story_id",
    "event_type",
    "participant_ids",
    "participants",
    "n_events",
    "n_articles",
    "first_published",
    "last_published",
    "first_date",
    "last_date",
    "article_ids",
)


def _day(number: int | None) -> pd.Timestamp | None:
    return None if number is None else pd.Timestamp(np.datetime64(number, "D"))


def _story_row(sid, group, types, articles, days, members, names, published) -> dict:
    counts: dict[int, int] = {}
    for i in group:
        for cid in members[i]:
            counts[cid] = counts.get(cid, 0) + 1
    ranked = sorted(counts, key=lambda cid: (-counts[cid], cid))
    in_order = list(dict.fromkeys(articles[i] for i in group))
    dates = [published.get(a) for a in in_order if published.get(a) is not None]
    event_days_ = [days[i] for i in group]
    return {
        "story_id": sid,
        "event_type": types[group[0]],
        "participant_ids": json.dumps(ranked),
        "participants": json.dumps([names[cid] for cid in ranked], ensure_ascii=False),
        "n_events": len(group),
        "n_articles": len(in_order),
        "first_published": _day(min(dates)) if dates else None,
        "last_published": _day(max(dates)) if dates else None,
        "first_date": _day(min(event_days_)),
        "last_date": _day(max(event_days_)),
        "article_ids": json.dumps(in_order, ensure_ascii=False),
    }
