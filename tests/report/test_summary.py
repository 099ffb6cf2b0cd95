"""What the report counts and ranks, on hand-made tables and on the sample run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from rusnews.report.summary import OTHER, parse_event_date, summarize, timeline, top_entities


def entities(*rows: tuple[str, str, str, str, int]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "label", "key", "name", "n_mentions"])


def events(*rows: tuple[str | None, str | None, str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["date", "date_granularity", "event_type"])


def test_top_entities_rank_by_articles_then_mentions_per_key() -> None:
    table = entities(
        ("a1", "PER", "PER:сергей лавров", "Сергей Лавров", 1),
        ("a2", "PER", "PER:сергей лавров", "Сергей Лавров", 1),
        ("a3", "PER", "PER:сергей лавров", "С. Лавров", 1),
        ("a1", "PER", "PER:кая каллас", "Кая Каллас", 9),
        ("a1", "LOC", "LOC:минск", "Минск", 4),
    )
    top = top_entities(table, "PER")
    assert [(t.name, t.articles, t.mentions) for t in top] == [
        ("Сергей Лавров", 3, 3),
        ("Кая Каллас", 1, 9),
    ]
    assert top_entities(table, "ORG") == []


def test_top_entities_count_one_row_per_corpus_entity() -> None:
    # `Путин` and `В. Путин` are other keys but one corpus entity; two ministries of one name
    # and two owners are two rows, each shown with its owner.
    table = entities(
        ("a1", "PER", "PER:владимир путин", "Владимир Путин", 2),
        ("a2", "PER", "PER:в. путин", "В. Путин", 1),
        ("a3", "PER", "PER:путин", "Путин", 1),
        ("a1", "ORG", "ORG:министерство иностранных дел", "Министерство иностранных дел", 1),
        ("a2", "ORG", "ORG:министерство иностранных дел", "Министерство иностранных дел", 1),
    ).assign(corpus_entity_id=[0, 0, 0, 1, 2])
    corpus = pd.DataFrame(
        {
            "corpus_entity_id": [0, 1, 2],
            "name": [
                "Владимир Путин",
                "Министерство иностранных дел",
                "Министерство иностранных дел",
            ],
            "owner": [None, "Россия", "Казахстан"],
        }
    )
    assert [
        (t.name, t.articles, t.mentions) for t in top_entities(table, "PER", corpus=corpus)
    ] == [("Владимир Путин", 3, 4)]
    assert sorted(t.name for t in top_entities(table, "ORG", corpus=corpus)) == [
        "Министерство иностранных дел (Казахстан)",
        "Министерство иностранных дел (Россия)",
    ]
    # Without the corpus entities the ranking is by key, as in runs made before them.
    assert len(top_entities(table, "PER")) == 3


@pytest.mark.parametrize(
    ("value", "granularity", "expected"),
    [
        ("2025-12-03", "day", date(2025, 12, 3)),
        ("2025-W49", "week", date(2025, 12, 1)),  # the Monday of ISO week 49
        ("2025-12", "month", date(2025, 12, 1)),
        ("2026", "year", date(2026, 1, 1)),
        (None, None, None),
        ("2025-13", "month", None),
        ("вчера", "day", None),
    ],
)
def test_parse_event_date(
    value: str | None, granularity: str | None, expected: date | None
) -> None:
    assert parse_event_date(value, granularity) == expected


def test_timeline_by_day_leaves_coarse_and_stray_dates_off_and_says_so() -> None:
    rows = [(f"2025-12-{d:02d}", "day", "MEETING") for d in (1, 1, 2, 5)]
    rows += [
        ("2025-12-03", "day", "STATEMENT"),
        ("2025-12", "month", "MEETING"),
        ("1941", "year", "DEATH"),
        (None, None, "VISIT"),
    ]
    t = timeline(events(*rows))
    assert t.period == "day"
    assert (
        t.buckets[0] == date(2025, 12, 1)
        and t.buckets[-1] == date(2025, 12, 5)
        and len(t.buckets) == 5
    )
    assert t.series == {"MEETING": [2, 1, 0, 0, 1], "STATEMENT": [0, 0, 1, 0, 0]}
    assert (t.drawn, t.too_coarse, t.outside, t.undated) == (5, 1, 1, 1)
    assert t.outside_range == ("1941", "1941")


def test_timeline_picks_months_then_years_for_longer_runs() -> None:
    months = timeline(
        events(("2024-01-15", "day", "A"), ("2024-06", "month", "A"), ("2025-02-01", "day", "B"))
    )
    assert months.period == "month" and len(months.buckets) == 14 and months.drawn == 3
    years = timeline(events(("1990", "year", "A"), ("2011-03-01", "day", "A")))
    assert years.period == "year" and len(years.buckets) == 22 and years.series["A"][0] == 1


def test_timeline_groups_rare_types_as_other() -> None:
    rows = [("2025-12-01", "day", f"T{i}") for i in range(9) for _ in range(9 - i)]
    t = timeline(events(*rows), n_series=3)
    assert list(t.series) == ["T0", "T1", "T2", OTHER]
    assert t.series[OTHER] == [sum(range(1, 7))]


def test_timeline_without_dates() -> None:
    t = timeline(events((None, None, "MEETING")))
    assert t.period is None and t.undated == 1 and t.buckets == []


def test_summary_of_the_sample_run_agrees_with_its_tables(sample_run: Path) -> None:
    s = summarize(sample_run)
    tables = {
        name: pd.read_parquet(sample_run / f"{name}.parquet")
        for name in ("articles", "mentions", "entities", "events", "event_arguments", "errors")
    }
    assert s.n_articles == len(tables["articles"]) == 13
    assert (
        s.mentions_by_label
        == tables["mentions"]["label"].value_counts()[["PER", "ORG", "LOC", "DATE"]].to_dict()
    )
    assert (s.n_entities, s.n_events, s.n_arguments, s.n_errors) == tuple(
        len(tables[name]) for name in ("entities", "events", "event_arguments", "errors")
    )
    assert s.manifest["input"].endswith("sample")
    assert sum(s.events_by_type.values()) == s.n_events
    assert s.published_range == (date(2025, 11, 14), date(2025, 12, 10))
    # Each foreign ministry is a row of its own, shown with its owner.
    assert "Министерство иностранных дел (Казахстан)" in {t.name for t in s.top["ORG"]}
    assert s.top["PER"][0].articles >= s.top["PER"][-1].articles
    # By day for the rules' events alone; a September `одобрил` the learned detector finds
    # stretches the dated span past two months, and months are then the finest that fits.
    assert s.timeline.period in ("day", "month") and s.timeline.drawn > 0


def test_events_without_a_date_of_their_own_are_placed_at_publication() -> None:
    table = pd.DataFrame(
        [
            ("a1", "2025-12-01", "day", False, "MEETING"),  # its own date
            ("a1", "2025-12-03", "day", True, "MEETING"),  # the events stage took the article's
            ("a1", None, None, None, "VISIT"),  # none of its own: the article's, 2025-12-03
            ("a2", "вчера", "day", False, "VISIT"),  # not a date: the article's, 2025-12-05
            ("a3", None, None, False, "STATEMENT"),  # an article without a date: neither
        ],
        columns=["article_id", "date", "date_granularity", "date_from_published", "event_type"],
    )
    published = {"a1": date(2025, 12, 3), "a2": date(2025, 12, 5)}
    t = timeline(table, published=published)
    assert (t.own, t.by_published, t.undated, t.drawn) == (1, 3, 1, 4)
    assert t.buckets[0] == date(2025, 12, 1) and len(t.buckets) == 5
    assert t.series == {"MEETING": [1, 0, 1, 0, 0], "VISIT": [0, 0, 1, 0, 1]}
    # Without publication dates only the events' own dates place them, as before.
    alone = timeline(table)
    assert (alone.own, alone.by_published, alone.undated, alone.drawn) == (1, 1, 3, 2)


def test_the_sample_network_and_map(sample_run: Path) -> None:
    s = summarize(sample_run)
    network = s.network
    assert network.n_joint > 0 and len(network.nodes) >= 2 and network.edges
    keys = {p.key for p in network.nodes}
    assert all(e.a in keys and e.b in keys for e in network.edges)
    # One node per corpus entity: no two nodes of one name.
    assert len({p.name for p in network.nodes}) == len(network.nodes)
    corpus = pd.read_parquet(sample_run / "corpus_entities.parquet")
    locations = corpus[corpus["label"] == "LOC"]
    assert s.places.located == int(locations["latitude"].notna().sum()) > 0
    assert s.places.located + s.places.without == len(locations)
