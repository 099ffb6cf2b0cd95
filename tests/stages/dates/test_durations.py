"""Durations and date adjectives (the `nerel` profile): spans of time NEREL marks as DATE."""

from __future__ import annotations

import pytest
from rusnews.model import DATE, Article
from rusnews.pipeline import default_stages
from rusnews.stages.dates.durations import TagDurations, find_durations
from rusnews.stages.dates.stage import TagDates
from rusnews.stages.segment import Segment


def durations(text: str) -> list[str]:
    return [text[a:b] for a, b in find_durations(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Цены росли за последние 70 лет.", ["за последние 70 лет"]),
        ("Он работал там в течение пяти лет.", ["в течение пяти лет"]),
        ("Карантин продлится 30 дней.", ["30 дней"]),
        ("Контракт продлили на два года.", ["на два года"]),
        ("Не менее полугода шли переговоры.", ["Не менее полугода"]),
        ("в ближайшие 30 дней", ["в ближайшие 30 дней"]),
        ("шестимесячный срок", ["шестимесячный"]),
        ("в декабрьском номере журнала", ["декабрьском"]),
        # A court's term: dative years after `к`, without it; years before the penalty.
        ("Суд приговорил его к 24 годам тюрьмы.", ["24 годам"]),
        ("Ему грозит до трёх лет лишения свободы.", ["до трёх лет"]),
        ("Он осуждён на 1 год 5 месяцев.", ["на 1 год 5 месяцев"]),
        ("Он отбывал 23-летний срок.", ["23-летний"]),
        ("иметь 15-летний опыт работы", ["15-летний"]),
        ("Так продолжалось в течение десятилетий.", ["в течение десятилетий"]),
        ("на протяжении многих лет", ["на протяжении многих лет"]),
        ("Годом позже он вернулся.", ["Годом позже"]),
        ("Двумя неделями ранее умерла мать.", ["Двумя неделями ранее"]),
        ("За день до казни он написал письмо.", ["За день"]),
        ("за день до этого", ["за день до этого"]),
    ],
)
def test_spans_of_time_are_found(text: str, expected: list[str]) -> None:
    assert durations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Он умер в возрасте 19 лет.",  # an age: NEREL types it AGE
        "45-летний мужчина задержан.",  # likewise
        "Прошло несколько лет.",  # years with nothing that makes them a span
        "Лето выдалось жарким.",
        "17-летняя стажёрка подала иск.",  # an age before a person
        "Цель достигнута к 2045 году.",  # a point in time, the date grammar's
        "Могильник относится к сороковым годам XIV века.",  # a decade
    ],
)
def test_ages_and_bare_years_are_not_durations(text: str) -> None:
    assert durations(text) == []


def test_durations_come_after_resolvable_dates_and_have_no_value() -> None:
    text = "5 мая 2020 года суд приговорил его к лишению свободы на три года."
    articles = TagDurations()(TagDates()(Segment()([Article("a", text)])))
    dates = [(m.text, m.normal, m.source) for m in articles[0].mentions if m.label == DATE]
    assert dates == [("5 мая 2020 года", "2020-05-05", "dates"), ("на три года", None, "durations")]


def test_durations_are_found_for_every_profile() -> None:
    # Only the nerel view keeps them (rusnews.views); the others filter them out.
    assert any(isinstance(stage, TagDurations) for stage in default_stages("nerel"))
    assert any(isinstance(stage, TagDurations) for stage in default_stages("names"))
