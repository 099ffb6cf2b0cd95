"""The corpus step on factRuEval dev: names of one thing across its 122 articles."""

from __future__ import annotations

import json

import pytest
from rusnews.corpus import resolve_corpus
from rusnews.eval.evaluate import load_gold
from rusnews.io.tables import tables_of
from rusnews.model import Article

from tests.conftest import SHARED_CORPORA, need_corpus

FACTRU_DEV = SHARED_CORPORA / "factru-dev"
# The pipeline over 122 articles: about 20 s on 2 cores.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def factru(pipe):
    need_corpus(FACTRU_DEV)
    docs = load_gold(FACTRU_DEV, "factru")
    articles = pipe.process([Article(doc.doc_id, doc.text) for doc in docs])
    tables = tables_of(articles)
    result = resolve_corpus(tables)
    return tables["entities"].assign(cid=result.entity_ids), result


def _ids(entities, name: str) -> set[int]:
    found = entities[entities["name"] == name]
    assert len(found) > 0, f"{name} is no entity name on factru-dev"
    return set(found["cid"])


@pytest.mark.parametrize(
    "names",
    [
        ["Россия", "Российская Федерация"],
        ["Путин", "Владимир Путин"],
        ["Лента.ру", "Lenta.ru"],
        ["Соединённые Штаты Америки", "Соединённые Штаты"],
        ["А. Кудрин", "Алексей Кудрин"],
        ["Н. Кан", "Наото Кан"],
    ],
)
def test_names_of_one_thing_are_one_corpus_entity(factru, names: list[str]) -> None:
    entities, _ = factru
    found = set().union(*(_ids(entities, name) for name in names))
    assert len(found) == 1, names


def test_an_initial_joins_only_the_full_name_it_begins(factru) -> None:
    entities, _ = factru
    assert _ids(entities, "Н. Кан").isdisjoint(_ids(entities, "Оливер Кан"))


def test_the_corpus_entity_of_russia_counts_its_aliases(factru) -> None:
    _, result = factru
    corpus = result.corpus_entities
    russia = corpus[corpus["name"] == "Россия"].iloc[0]
    assert russia["n_articles"] > 30
    assert {"Россия", "РФ", "Российская Федерация"} <= set(json.loads(russia["aliases"]))
