"""The located places of the report's map: from the corpus entities, else from the entities."""

from __future__ import annotations

import pandas as pd
from rusnews.report.places import CORPUS, ENTITIES, mapped_places

CORPUS_TABLE = pd.DataFrame(
    {
        "corpus_entity_id": [0, 1, 2, 3, 4],
        "label": ["LOC", "LOC", "LOC", "PER", "LOC"],
        "name": ["Москва", "Минск", "Нарын", "Сергей Лавров", "Тмутаракань"],
        "n_articles": [2, 5, 1, 9, 3],
        "latitude": [55.75, 53.9, 41.43, None, None],
        "longitude": [37.62, 27.57, 76.0, None, None],
        "country": ["RU", "BY", "KG", None, None],
    }
)


def test_corpus_locations_with_coordinates_most_articles_first() -> None:
    p = mapped_places(CORPUS_TABLE, pd.DataFrame())
    assert [(x.name, x.articles, x.country) for x in p.places] == [
        ("Минск", 5, "BY"),
        ("Москва", 2, "RU"),
        ("Нарын", 1, "KG"),
    ]
    # A person is no location; Тмутаракань is one the knowledge base did not place.
    assert (p.located, p.without, p.source) == (3, 1, CORPUS)


def test_coordinates_off_the_globe_are_not_drawn() -> None:
    table = CORPUS_TABLE.assign(latitude=[55.75, 953.9, 41.43, None, None])
    p = mapped_places(table, pd.DataFrame())
    assert (p.located, p.without) == (2, 2)


def test_a_run_without_corpus_entities_maps_its_entity_keys() -> None:
    entities = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3", "a1", "a1"],
            "label": ["LOC", "LOC", "LOC", "LOC", "PER"],
            "key": ["LOC:минск", "LOC:минск", "LOC:минск", "LOC:тмутаракань", "PER:x"],
            "name": ["Минск", "Минск", "Минск", "Тмутаракань", "Икс"],
            # One article's row was linked, another's not: the key is placed all the same.
            "latitude": [53.9, None, 53.9, None, None],
            "longitude": [27.57, None, 27.57, None, None],
            "country": ["BY", None, "BY", None, None],
        }
    )
    empty_corpus = CORPUS_TABLE.iloc[:0]
    p = mapped_places(empty_corpus, entities)
    assert [(x.name, x.articles) for x in p.places] == [("Минск", 3)]
    assert (p.located, p.without, p.source) == (1, 1, ENTITIES)
    assert mapped_places(empty_corpus, entities.iloc[:0]).located == 0
