"""Gazetteer matching and its rules, on real segmentation and morphology."""

from __future__ import annotations

import pytest
from rusnews.stages.mentions.gazetteer import TagGazetteer, load_gazetteer

from tests.stages.helpers import tagged_article as _article


@pytest.mark.parametrize(
    ("text", "tagged", "expected", "rule"),
    [
        # The tagger found the name; the gazetteer says what it is.
        ("Документы проверят эксперты ЕС.", [("LOC", "ЕС")], [("ORG", "ЕС")], "retype_same_span"),
        ("Россия заявила протест.", [("ORG", "Россия")], [("LOC", "Россия")], "retype_same_span"),
        # A city the tagger calls an organization is a club: it stays one.
        (
            "«Барселона» обыграла соперника.",
            [("ORG", "Барселона")],
            [("ORG", "Барселона")],
            "retype_same_span",
        ),
        # A name the tagger missed, in any case form.
        ("Он стал чемпионом Европы.", [], [("LOC", "Европы")], "add_unfound"),
        (
            "Об этом сообщили в Соединённых Штатах.",
            [],
            [("LOC", "Соединённых Штатах")],
            "add_unfound",
        ),
        # The whole known name replaces the part the tagger found.
        # ... and a known place inside an organization's name is a place of its own.
        (
            "Он дал интервью Голосу Америки.",
            [("LOC", "Америки")],
            [("ORG", "Голосу Америки"), ("LOC", "Америки")],
            "replace_parts",
        ),
        # A longer name the tagger found stands.
        (
            "Он выступил в Русской службе «Голоса Америки».",
            [("ORG", "Русской службе «Голоса Америки")],
            [("ORG", "Русской службе «Голоса Америки"), ("LOC", "Америки")],
            "keep_longer_name",
        ),
        # An organization named after its building: `в Кремле` is the place.
        ("Совещание прошло в Кремле.", [("ORG", "Кремле")], [("LOC", "Кремле")], "seat_as_place"),
        ("Кремль опроверг слухи.", [("LOC", "Кремль")], [("ORG", "Кремль")], "retype_same_span"),
    ],
)
def test_rules(
    text: str, tagged: list[tuple[str, str]], expected: list[tuple[str, str]], rule: str
) -> None:
    article = _article(text, tagged)
    stage = TagGazetteer(debug=True)
    stage([article])
    assert [(m.label, m.text) for m in article.mentions] == expected
    assert rule in {fired[0] for fired in stage.fired}
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)


def test_common_words_are_never_added() -> None:
    # `Того` is a country, and a pronoun at the start of a sentence.
    article = _article("Того же мнения придерживается и он.", [])
    TagGazetteer()([article])
    assert article.mentions == []


def test_not_names_are_dropped() -> None:
    article = _article("Об этом сообщают СМИ.", [("ORG", "СМИ")])
    stage = TagGazetteer(debug=True)
    stage([article])
    assert article.mentions == [] and stage.fired == [("not_a_name", "СМИ", "")]


def test_entries_index_their_first_word_forms() -> None:
    gazetteer = load_gazetteer()
    assert any(entry.text == "Голос Америки" for entry in gazetteer.by_first["голос"])
    # Only nominative readings of an entry count: `Мали` is not `малый`.
    assert all(entry.text != "Мали" for entry in gazetteer.by_first.get("малый", []))
