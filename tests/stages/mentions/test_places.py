"""Adjectival place mentions (the `nerel` profile) on real morphology."""

from __future__ import annotations

import pytest
from rusnews.stages.mentions.places import INSIDE_NAMES, AdjectivalPlaces, place_adjectives

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
