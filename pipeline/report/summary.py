"""What the run report shows, computed from a finished run's tables: plain data, no HTML."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd
from rusnews.date_values import date_interval
from rusnews.io.storage import Location, location, read_pointer
from rusnews.io.tables import read_table_at
from rusnews.model import DATE, DAY, LOC, MONTH, NAME_LABELS, ORG, PER, WARNING, WEEK, YEAR
from rusnews.report.naming import corpus_names, most_frequent_names
from rusnews.report.network import Network, meeting_network
from rusnews.report.places import Places, mapped_places
from rusnews.schema import TABLES

TOP_N = 15
# Event types drawn as their own colour over time; the rest are stacked as "other".
TIME_SERIES = 7
OTHER = "other"
# Finest to coarsest: an event can be drawn in a period no finer than its date.
_RANK = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3}
_PERIOD_RANK = {DAY: 0, MONTH: 2, YEAR: 3}


@dataclass(slots=True)
class TopEntity:
    name: str
    key: str
    articles: int
    mentions: int


@dataclass(slots=True)
class Timeline:
    """Events per period and type, and why the others are not on the chart."""

    period: str | None  # day, month or year; None when no event is dated
    buckets: list[date] = field(default_factory=list)
    series: dict[str, list[int]] = field(default_factory=dict)  # type -> count per bucket
    drawn: int = 0
    own: int = 0  # placed by the date their sentence names
    by_published: int = 0  # placed by their article's publication date
    undated: int = 0  # neither: no date of their own, and an article without one
    too_coarse: int = 0
    outside: int = 0
    outside_range: tuple[str, str] | None = None


@dataclass(slots=True)
class RunSummary:
    run_dir: Location
    manifest: dict[str, Any]
    n_articles: int
    n_failed: int
    published_range: tuple[date, date] | None
    mentions_by_label: dict[str, int]
    n_entities: int
    n_keys: int
    n_events: int
    n_arguments: int
    n_occupations: int
    n_ownerships: int
    n_deals: int
    events_by_type: dict[str, int]
    top: dict[str, list[TopEntity]]
    timeline: Timeline
    network: Network
    places: Places
    errors: pd.DataFrame
    errors_by_kind: dict[str, int]

    @property
    def n_mentions(self) -> int:
        return sum(self.mentions_by_label.values())

    @property
    def n_errors(self) -> int:
        """Rows of the errors table, warnings included."""
        return len(self.errors)

    @property
    def n_warnings(self) -> int:
        """Rows of severity warning: articles kept after a repair (bad bytes, a date)."""
        if "severity" not in self.errors.columns:
            return 0
        return int((self.errors["severity"] == WARNING).sum())


# The columns the report reads of each table (every column where not named): a large
# run's article texts and mention rows would otherwise be held whole for a count.
REPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "published", "status"),
    "mentions": ("label",),
    "entities": (
        "article_id",
        "entity_id",
        "label",
        "name",
        "key",
        "n_mentions",
        "corpus_entity_id",
        "latitude",
        "longitude",
        "country",
    ),
    "events": (
        "article_id",
        "event_id",
        "event_type",
        "date",
        "date_granularity",
        "date_from_published",
        "deal_type",
    ),
    "event_arguments": ("article_id", "event_id", "role", "entity_id", "label", "name"),
    "occupations": ("article_id",),
    "ownerships": ("article_id",),
    "corpus_entities": (
        "corpus_entity_id",
        "label",
        "name",
        "owner",
        "n_articles",
        "latitude",
        "longitude",
        "country",
    ),
}


def load_table(folder: Location, name: str, required: bool = False) -> pd.DataFrame:
    """The columns the report reads (`REPORT_COLUMNS`) of a table of the folder that holds a
    run's tables (`read_pointer`); an absent optional table reads as empty, with its columns."""
    columns = REPORT_COLUMNS.get(name)
    try:
        return read_table_at(folder, name, columns=columns)
    except FileNotFoundError:
        if required:
            raise
        names = columns or TABLES[name].names
        return pd.DataFrame({col: pd.Series(dtype=object) for col in names})


def _groups(rows: pd.DataFrame, corpus: pd.DataFrame | None) -> tuple[pd.Series, dict[str, str]]:
    """What one row of the ranking counts: the corpus entity where the run resolved one
    (`Путин` and `В. Путин` are one thing), else the cross-article key; and the names the
    corpus entities go by, a body with its owner (`Министерство иностранных дел (Россия)`)."""
    keys = rows["key"].astype(str)
    if corpus is None or "corpus_entity_id" not in rows or corpus.empty:
        return keys, {}
    ids = pd.to_numeric(rows["corpus_entity_id"], errors="coerce")
    groups = keys.where(ids.isna(), "corpus:" + ids.astype("Int64").astype(str))
    return groups, corpus_names(corpus)


def top_entities(
    entities: pd.DataFrame, label: str, n: int = TOP_N, corpus: pd.DataFrame | None = None
) -> list[TopEntity]:
    """Entities of one label ranked by articles, then mentions, counted per corpus entity
    (`corpus_entities`), or per cross-article key in a run without one."""
    rows = entities[entities["label"] == label]
    if rows.empty:
        return []
    groups, shown = _groups(rows, corpus)
    rows = rows.assign(group=groups.values)
    # A key's name: its most frequent canonical name, ties to the alphabetically first.
    names = most_frequent_names(rows, "group")
    stats = rows.groupby("group").agg(
        articles=("article_id", "nunique"), mentions=("n_mentions", "sum")
    )
    stats["name"] = [shown.get(g, names[g]) for g in stats.index]
    stats = stats.reset_index().sort_values(
        ["articles", "mentions", "name"], ascending=[False, False, True]
    )
    return [
        TopEntity(str(r.name), str(r.group), int(r.articles), int(r.mentions))
        for r in stats.head(n).itertuples()
    ]


def parse_event_date(value: object, granularity: object) -> date | None:
    """The first day an event's ISO value covers: `2025-12-03`, `2025-W49`, `2025-12`, `2025`."""
    if not isinstance(value, str) or not isinstance(granularity, str):
        return None
    return date_interval(value, granularity)[0]


def _fences(days: list[int]) -> tuple[int, int]:
    """Outer fences (3 IQR) on day numbers: a stray `1941` or a misread year must
    not stretch a chart of last month's news over decades."""
    if len(days) < 4:
        return min(days), max(days)
    q1, q3 = pd.Series(days).quantile([0.25, 0.75])
    spread = max(q3 - q1, 7)  # at least a week, or a run from a single day drops its neighbours
    low, high = q1 - 3 * spread, q3 + 3 * spread
    inside = [d for d in days if low <= d <= high]
    return min(inside), max(inside)


def _period(span_days: int) -> str:
    if span_days <= 62:
        return DAY
    if span_days <= 4 * 366:
        return MONTH
    return YEAR


def _bucket(day: date, period: str) -> date:
    if period == DAY:
        return day
    if period == MONTH:
        return day.replace(day=1)
    return date(day.year, 1, 1)


def _next(bucket: date, period: str) -> date:
    if period == DAY:
        return date.fromordinal(bucket.toordinal() + 1)
    if period == MONTH:
        return date(bucket.year + bucket.month // 12, bucket.month % 12 + 1, 1)
    return date(bucket.year + 1, 1, 1)


def _placed(
    events: pd.DataFrame, published: dict[str, date]
) -> list[tuple[date | None, str | None, str, str | None, bool]]:
    """(first day, granularity, type, value as written, by publication date) per event: its own
    date, else its article's publication date, as a day."""
    n = len(events)
    # Runs made before the column: every date there is taken as the event's own.
    from_published = (
        events["date_from_published"].fillna(False).astype(bool)
        if "date_from_published" in events
        else pd.Series(False, index=events.index)
    )
    articles = events["article_id"] if "article_id" in events else pd.Series([None] * n)
    placed = []
    for v, g, t, by_pub, article in zip(
        events["date"], events["date_granularity"], events["event_type"], from_published, articles
    ):
        day = parse_event_date(v, g)
        if day is not None:
            placed.append((day, g, t, v, bool(by_pub)))
        elif (pub := published.get(article)) is not None:
            placed.append((pub, DAY, t, pub.isoformat(), True))
        else:
            placed.append((None, None, t, None, False))
    return placed


def timeline(
    events: pd.DataFrame, n_series: int = TIME_SERIES, published: dict[str, date] | None = None
) -> Timeline:
    """Events by type over time, at the finest period (day, month, year) that fits the run's
    dates. An event without a date of its own is placed at its article's publication date
    (`published`: article id -> day), as the events stage does when the article has one."""
    placed = _placed(events, published or {})
    parsed = [(d, g, t, v) for d, g, t, v, _ in placed]
    own = sum(1 for d, *_, by_pub in placed if d is not None and not by_pub)
    by_published = sum(1 for d, *_, by_pub in placed if d is not None and by_pub)
    undated = sum(1 for d, _, _, _ in parsed if d is None)
    dated = [(d, g, t) for d, g, t, _ in parsed if d is not None]
    if not dated:
        return Timeline(period=None, undated=undated)
    low, high = _fences([d.toordinal() for d, _, _ in dated])
    period = _period(high - low)
    inside = [(d, g, t) for d, g, t in dated if low <= d.toordinal() <= high]
    # Shown as written (`1981-05`, `3797`), not as the first day they cover.
    outside = [
        v
        for d, v in sorted(
            (d, v) for d, _, _, v in parsed if d is not None and not low <= d.toordinal() <= high
        )
    ]
    drawn = [(d, t) for d, g, t in inside if _RANK[g] <= _PERIOD_RANK[period]]
    result = Timeline(
        period=period,
        own=own,
        by_published=by_published,
        undated=undated,
        too_coarse=len(inside) - len(drawn),
        outside=len(outside),
        drawn=len(drawn),
    )
    if outside:
        result.outside_range = (outside[0], outside[-1])
    if not drawn:
        return result
    first, last = (
        _bucket(min(d for d, _ in drawn), period),
        _bucket(max(d for d, _ in drawn), period),
    )
    while first <= last:
        result.buckets.append(first)
        first = _next(first, period)
    index = {b: i for i, b in enumerate(result.buckets)}
    counts = Counter(t for _, t in drawn)
    shown = [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n_series]]
    if len(counts) > len(shown):
        shown.append(OTHER)
    result.series = {t: [0] * len(result.buckets) for t in shown}
    for day, kind in drawn:
        series = kind if kind in result.series else OTHER
        result.series[series][index[_bucket(day, period)]] += 1
    return result


def _counts(values: pd.Series, order: tuple[str, ...] = ()) -> dict[str, int]:
    found = Counter(str(v) for v in values.dropna())
    ordered = {k: found.pop(k, 0) for k in order}
    ordered.update(sorted(found.items(), key=lambda kv: (-kv[1], kv[0])))
    return ordered


def summarize(run_dir: str | Location) -> RunSummary:
    """Every number and list the report shows, from the run folder's tables.

    The manifest is read once, and the tables are taken from where it points
    (`rusnews.io.storage.read_pointer`): all of one run, on a store too.
    """
    run_dir = location(run_dir)
    found, folder = read_pointer(run_dir)
    articles = load_table(folder, "articles", required=True)
    mentions = load_table(folder, "mentions")
    entities = load_table(folder, "entities")
    events = load_table(folder, "events")
    arguments = load_table(folder, "event_arguments")
    # A run made before occupations had their own table reads as having none.
    occupations = load_table(folder, "occupations")
    ownerships = load_table(folder, "ownerships")
    errors = load_table(folder, "errors")
    corpus = load_table(folder, "corpus_entities")
    manifest = found or {}
    # Days are stored as midnight timestamps; the page shows them as dates.
    published_at = pd.to_datetime(articles["published"])
    published = list(published_at.dropna().dt.date)
    published_by_article = {
        str(a): d.date() for a, d in zip(articles["article_id"], published_at) if not pd.isna(d)
    }
    named = entities[entities["label"].isin(NAME_LABELS)]
    return RunSummary(
        run_dir=run_dir,
        manifest=manifest,
        n_articles=len(articles),
        n_failed=int((articles["status"] != "ok").sum()),
        published_range=(min(published), max(published)) if published else None,
        mentions_by_label=_counts(mentions["label"], (PER, ORG, LOC, DATE)),
        n_entities=len(entities),
        n_keys=int(named["key"].nunique()),
        n_events=len(events),
        n_arguments=len(arguments),
        n_occupations=len(occupations),
        n_ownerships=len(ownerships),
        # A run made before deals had a type has no such column: no deal is typed there.
        n_deals=int(events["deal_type"].notna().sum()) if "deal_type" in events else 0,
        events_by_type=_counts(events["event_type"]),
        top={label: top_entities(entities, label, corpus=corpus) for label in (PER, ORG, LOC)},
        timeline=timeline(events, published=published_by_article),
        network=meeting_network(events, arguments, entities, corpus),
        places=mapped_places(corpus, entities),
        errors=errors,
        errors_by_kind=_counts(errors["kind"]),
    )
