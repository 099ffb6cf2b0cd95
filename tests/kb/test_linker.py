"""The linker on real pipeline runs: ids, coordinates, countries, and what stays unlinked."""

from __future__ import annotations

import pytest
from rusnews.kb.linker import POPULATION_RATIO, Linker
from rusnews.kb.tables import CITY, Knowledge, knowledge
from rusnews.model import PER, Article, Entity


def _by_name(article: Article) -> dict[str, Entity]:
    return {e.name: e for e in article.entities}


def test_a_president_a_country_and_the_biggest_alexandria(pipe) -> None:
    found = _by_name(pipe("Президент России Владимир Путин прибыл в Александрию."))
    assert found["Владимир Путин"].wikidata == "Q7747"
    assert found["Владимир Путин"].geonames is None  # persons are no places
    russia = found["Россия"]
    assert (russia.wikidata, russia.country, russia.geonames) == ("Q159", "RU", 2017370)
    # Russia names no Alexandria of its own: the most populous one, in Egypt.
    alexandria = found["Александрия"]
    assert alexandria.country == "EG" and alexandria.wikidata == "Q87"
    assert alexandria.latitude == pytest.approx(31.20, abs=0.05)
    assert alexandria.longitude == pytest.approx(29.92, abs=0.05)


def test_the_article_s_country_chooses_among_namesakes(pipe) -> None:
    article = pipe(
        "Мэр Александрии в штате Вирджиния встретился с избирателями. В США прошли выборы."
    )
    alexandria = _by_name(article)["Александрия"]
    assert alexandria.country == "US"
    assert alexandria.latitude == pytest.approx(38.80, abs=0.05)
    assert alexandria.longitude == pytest.approx(-77.05, abs=0.05)
    # The aliases say what `Александрия` usually is (Egypt's): no item for Virginia's.
    assert alexandria.wikidata is None


def test_a_first_name_is_no_place_and_no_item(pipe) -> None:
    found = _by_name(pipe("Георгий Полтавченко встретился с Георгием в Санкт-Петербурге."))
    george = found["Георгий"]
    assert george.label == "PER"
    assert (george.wikidata, george.geonames, george.latitude, george.country) == (None,) * 4
    assert found["Санкт-Петербург"].country == "RU"
    assert found["Санкт-Петербург"].geonames == 498817


def test_an_organization_takes_the_country_of_its_owner(pipe) -> None:
    found = _by_name(pipe("МИД России заявил, что министр посетит Вашингтон и Нью-Йорк."))
    ministry = found["Министерство иностранных дел"]
    assert ministry.country == "RU"
    assert ministry.geonames is None and ministry.latitude is None
    assert found["Вашингтон"].country == "US" and found["Вашингтон"].wikidata == "Q61"
    assert found["Нью-Йорк"].geonames == 5128581


def test_ambiguous_cities_stay_unlinked_without_a_deciding_cue() -> None:
    kb = knowledge()
    # A name two cities of other countries share, neither much more populous.
    form, places = next(
        (form, places)
        for form, places in sorted(kb.cities.items())
        if len(places) == 2
        and form not in kb.countries
        and form not in kb.regions
        and len({p.country for p in places}) == 2
        and max(p.population for p in places) < POPULATION_RATIO * min(p.population for p in places)
    )
    linker = Linker(kb)
    assert linker.place_of(form) is None
    chosen = linker.place_of(form, context={places[1].country: 1})
    assert chosen is not None and chosen.place == places[1] and chosen.place.kind == CITY


def test_the_entities_table_carries_the_links(pipe) -> None:
    from rusnews.rows import entity_rows
    from rusnews.schema import ENTITIES

    article = pipe("Делегация Казахстана прибыла в Брюссель.")
    rows = {row["name"]: row for row in entity_rows(article)}
    assert rows["Брюссель"]["country"] == "BE"
    assert isinstance(rows["Брюссель"]["geonames"], int)
    assert {"wikidata", "geonames", "latitude", "longitude", "country"} <= set(ENTITIES.names)


@pytest.fixture(scope="module")
def unlinked():
    """The pipeline up to the entities, so that a linker over small tables can be tried."""
    from rusnews.pipeline import Pipeline
    from rusnews.stages.entities import LinkEntities
    from rusnews.stages.registry import full_stages

    stages = full_stages(links=False)
    last = next(i for i, s in enumerate(stages) if isinstance(s, LinkEntities))
    return Pipeline(stages[: last + 1])


def _linked(unlinked, text: str, kb: Knowledge) -> dict[str, Entity]:
    article = unlinked(text)
    Linker(kb).link(article)
    return _by_name(article)


def _persons(aliases: dict[str, dict[str, int]], documents: int = 1) -> Knowledge:
    return Knowledge(
        aliases={(form, PER): items for form, items in aliases.items()},
        documents={(form, PER): dict.fromkeys(items, documents) for form, items in aliases.items()},
    )


def test_a_person_is_found_past_a_middle_name_and_by_an_initial(unlinked) -> None:
    kb = _persons({"джон фицджеральд кеннеди": {"Q9696": 2}, "джеймс коми": {"Q167607": 3}})
    found = _linked(unlinked, "Джон Кеннеди и Дж. Коми встретились с Майклом Коми.", kb)
    assert found["Джон Кеннеди"].wikidata == "Q9696"
    coney = [e for e in found.values() if e.last == "Коми"]
    by_first = {e.first.rstrip("."): e.wikidata for e in coney}
    # The initial opens the alias' first name; another first name is another person.
    assert by_first == {"Дж": "Q167607", "Майкл": None}


def test_a_first_name_alone_is_linked_only_when_many_texts_link_it() -> None:
    aliases = {"чарльз": {"Q43274": 5}}
    forms = ["чарльз"]
    assert Linker(_persons(aliases, documents=4)).known_by_first_name(forms, None) == "Q43274"
    # One text's nickname (train links `Владимир` alone to one man in one article).
    assert Linker(_persons(aliases, documents=1)).known_by_first_name(forms, None) is None
    split = {"юлия": {"Q1": 6, "Q2": 5}}
    assert Linker(_persons(split, documents=5)).known_by_first_name(["юлия"], None) is None


def test_a_first_name_alone_in_an_article(unlinked) -> None:
    kb = _persons({"чарльз": {"Q43274": 5}}, documents=4)
    assert _linked(unlinked, "Чарльз посетил Лондон.", kb)["Чарльз"].wikidata == "Q43274"
