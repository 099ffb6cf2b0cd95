"""Stories: events of one type about the same corpus entities within a few days."""

from __future__ import annotations

import json

import pandas as pd
from rusnews.corpus.stories import build_stories, event_days

DAY0 = pd.Timestamp(2025, 12, 1)
NAMES = ["Россия", "Сергей Лавров", "Максим Рыженков", "Кая Каллас", "Ван И"]


def _frames(events: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame, dict, dict]:
    """events: (article, type, day offset, corpus ids); one entity per participant."""
    event_rows, argument_rows, corpus_of = [], [], {}
    for idx, (article, kind, offset, participants) in enumerate(events):
        event_rows.append(
            {
                "article_id": article,
                "event_id": idx,
                "event_type": kind,
                "date_start": DAY0 + pd.Timedelta(days=offset),
                "date_granularity": "day",
                "date_from_published": False,
            }
        )
        for role, cid in zip(["agent"] + ["participant"] * 9, participants):
            entity = 100 * idx + cid
            corpus_of[(article, entity)] = cid
            argument_rows.append(
                {"article_id": article, "event_id": idx, "role": role, "entity_id": entity}
            )
    published = {article: 20423 for article, *_ in events}  # 2025-12-01
    return pd.DataFrame(event_rows), pd.DataFrame(argument_rows), corpus_of, published


def _stories(events: list[tuple], window: int = 3):
    frames = _frames(events)
    return build_stories(frames[0], frames[1], frames[2], NAMES, frames[3], window)


def test_events_of_one_type_about_the_same_people_within_the_window_are_one_story() -> None:
    stories, ids = _stories(
        [
            ("a", "NEGOTIATION", 0, [1, 2]),
            ("b", "NEGOTIATION", 2, [2, 1]),
            ("c", "NEGOTIATION", 9, [1, 2]),  # a week later: another story
            ("d", "STATEMENT", 1, [1, 2]),  # another type
        ]
    )
    assert ids == [0, 0, 1, 2]
    first = stories.iloc[0]
    assert (first["n_events"], first["n_articles"]) == (2, 2)
    assert json.loads(first["article_ids"]) == ["a", "b"]
    assert json.loads(first["participants"]) == ["Сергей Лавров", "Максим Рыженков"]
    assert (first["first_date"], first["last_date"]) == (DAY0, DAY0 + pd.Timedelta(days=2))


def test_stories_chain_through_close_events() -> None:
    _, ids = _stories(
        [("a", "MEETING", 0, [3]), ("b", "MEETING", 3, [3]), ("c", "MEETING", 6, [3])]
    )
    assert ids == [0, 0, 0]
    _, ids = _stories([("a", "MEETING", 0, [3]), ("c", "MEETING", 6, [3])])
    assert ids == [0, 1]
    _, ids = _stories([("a", "MEETING", 0, [3]), ("c", "MEETING", 6, [3])], window=6)
    assert ids == [0, 0]


def test_a_party_to_every_meeting_does_not_join_them() -> None:
    _, ids = _stories(
        [
            ("a", "MEETING", 0, [0, 1]),  # Россия and Лавров
            ("b", "MEETING", 1, [0, 3]),  # Россия and Каллас
            ("c", "MEETING", 1, [0, 3, 4]),  # Россия, Каллас and Ван И
            ("d", "MEETING", 2, [0]),  # Россия alone
        ]
    )
    assert ids == [0, 1, 1, 2]


def test_events_without_a_day_or_a_participant_have_no_story() -> None:
    events, arguments, corpus_of, published = _frames(
        [("a", "VISIT", 0, [1]), ("b", "VISIT", 0, [])]
    )
    events.loc[0, ["date_start", "date_granularity"]] = [pd.NaT, None]
    stories, ids = build_stories(events, arguments, corpus_of, NAMES, {"a": None, "b": 1}, 3)
    assert ids == [None, None] and stories.empty


def test_an_event_without_a_day_of_its_own_takes_the_publication_date() -> None:
    events, *_ = _frames([("a", "VISIT", 5, [1]), ("b", "VISIT", 5, [1]), ("c", "VISIT", 5, [1])])
    events.loc[1, "date_granularity"] = "month"
    events.loc[2, "date_from_published"] = True
    assert event_days(events, {"a": 7, "b": 7, "c": 7}) == [20428, 7, 7]
