"""Bodies and their owners (rusnews.corpus.owners)."""

from __future__ import annotations

from rusnews.corpus.names import name_tables
from rusnews.corpus.owners import (
    Owner,
    adjective_owner,
    article_country,
    is_owned_noun,
    names_an_owner,
    owners_in_text,
    strip_owner,
)


def test_places_inside_an_organizations_mention_or_extent() -> None:
    # `Министерство иностранных дел (МИД) Республики Казахстан`; `МИД` of `МИД России`.
    orgs = [(10, 38, 10, 66, 1), (100, 103, 100, 110, 2), (200, 210, 200, 210, 3)]
    places = [(45, 66, 7, "Республики Казахстан"), (104, 110, 8, "России"), (300, 306, 9, "Москве")]
    found = owners_in_text(orgs, places)
    assert found[1] == {(7, "Республики Казахстан"): 1}
    assert found[2] == {(8, "России"): 1}
    assert 3 not in found


def test_a_place_in_the_nominative_is_part_of_the_name() -> None:
    assert names_an_owner("России", "Россия") and names_an_owner("США", "США")
    assert not names_an_owner("Россия", "Россия")  # `Единая Россия`


def test_strip_owner_and_adjective_owner() -> None:
    tables = name_tables()
    assert strip_owner("Министерство иностранных дел Таджикистана", "Таджикистана") == (
        "министерство иностранных дел"
    )
    assert adjective_owner("японский МИД", tables) == ("МИД", "Япония")
    assert adjective_owner("Европейский союз", tables) is None  # a union is not owned
    assert is_owned_noun("Минфин", tables) and is_owned_noun("посольство", tables)
    assert not is_owned_noun("Всемирный банк", tables)


def test_the_article_country_is_the_one_its_places_point_to_most() -> None:
    tables = name_tables()
    places = [("Казахстан", 3, None), ("Узбекистан", 1, None), ("Астана", 2, "KZ")]
    assert article_country(places, [], tables) == Owner("country:KZ", "Казахстан")
    tie = [("Казахстан", 1, None), ("Узбекистан", 1, None)]
    assert article_country(tie, [], tables) is None
    said = [Owner("country:UZ", "Узбекистан")]
    assert article_country(tie, said, tables).key == "country:UZ"
