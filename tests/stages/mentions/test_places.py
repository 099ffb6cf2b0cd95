"""Adjectival place mentions (the `nerel` profile) on real morphology."""

from __future__ import annotations

import pytest
from rusnews.model import Article
from rusnews.stages.entities import LinkEntities
from rusnews.stages.mentions.places import INSIDE_NAMES, AdjectivalPlaces, place_adjectives
from rusnews.stages.normalize.stage import Normalize

from tests.stages.helpers import tagged_article as _article


def test_an_adjective_made_from_a_place_is_a_place() -> None:
    article = _article(
        "Принц Филипп, супруг британской королевы, сдал права.", [("PER", "Принц Филипп")]
    )
    AdjectivalPlaces()([article])
    assert ("LOC", "британской") in [(m.label, m.text) for m in article.mentions]


def test_inside_an_organization_the_adjective_is_a_nested_place() -> None:
    text = "Он окончил Московский государственный университет и уехал."
    article = _article(text, [("ORG", "Московский государственный университет")])
    AdjectivalPlaces(INSIDE_NAMES)([article])
    assert [(m.label, m.text) for m in article.mentions] == [
        ("ORG", "Московский государственный университет"),
        ("LOC", "Московский"),
    ]


def test_inside_names_only_leaves_free_adjectives_alone() -> None:
    article = _article("Это британская традиция.", [])
    AdjectivalPlaces(INSIDE_NAMES)([article])
    assert article.mentions == []


def test_the_table_maps_adjectives_to_places() -> None:
    assert place_adjectives()["британский"] == "Великобритания"
    with pytest.raises(ValueError):
        AdjectivalPlaces("somewhere")


def _keyed(text: str, spans: list[tuple[str, str]], stage: AdjectivalPlaces) -> Article:
    article = _article(text, spans)
    for step in (stage, Normalize(), LinkEntities()):
        step([article])
    return article


def test_the_adjective_is_named_and_keyed_by_its_place() -> None:
    article = _keyed(
        "Принц Филипп, супруг британской королевы, сдал права.", [], AdjectivalPlaces()
    )
    (mention,) = [m for m in article.mentions if m.text == "британской"]
    assert mention.normal == "Великобритания"
    assert article.entities[mention.entity_id].key == "LOC:великобритания"


def test_the_adjective_joins_its_place_named_in_the_article() -> None:
    text = "Великобритания ответила. Британский посол уехал."
    article = _keyed(text, [("LOC", "Великобритания")], AdjectivalPlaces())
    assert [(m.text, m.entity_id) for m in article.mentions] == [
        ("Великобритания", 0),
        ("Британский", 0),
    ]
    assert [e.name for e in article.entities] == ["Великобритания"]


def test_a_place_table_handed_to_the_stage_is_used() -> None:
    stage = AdjectivalPlaces(places={"британский": "Британия"})
    article = _keyed("Это британская традиция.", [], stage)
    assert [(m.text, m.normal) for m in article.mentions] == [("британская", "Британия")]
