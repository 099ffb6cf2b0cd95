"""Corpus entities of real pipeline output: who is one thing across articles."""

from __future__ import annotations

import json

import pandas as pd
from rusnews.corpus import resolve_corpus


def _corpus_id(tables: dict, result, article: str, name: str) -> int:
    entities = tables["entities"].assign(cid=result.entity_ids)
    found = entities[(entities["article_id"] == article) & (entities["name"] == name)]
    assert len(found) == 1, (article, name, entities[["article_id", "name"]].to_string())
    return int(found["cid"].iloc[0])


def test_putin_by_full_name_initial_and_surname_is_one(corpus_tables) -> None:
    result = resolve_corpus(corpus_tables)
    ids = {
        _corpus_id(corpus_tables, result, "putin-1", "Владимир Путин"),
        _corpus_id(corpus_tables, result, "putin-2", "В. Путин"),
        _corpus_id(corpus_tables, result, "putin-3", "Путин"),
    }
    assert len(ids) == 1
    row = result.corpus_entities.iloc[ids.pop()]
    assert row["name"] == "Владимир Путин" and row["n_articles"] == 3
    assert json.loads(row["aliases"]) == {"Владимир Путин": 1, "В. Путин": 1, "Путин": 1}
    assert row["first_published"] == pd.Timestamp(2025, 12, 1)
    assert row["last_published"] == pd.Timestamp(2025, 12, 2)


def test_russia_and_the_russian_federation_are_one(corpus_tables) -> None:
    result = resolve_corpus(corpus_tables)
    assert _corpus_id(corpus_tables, result, "putin-1", "Россия") == _corpus_id(
        corpus_tables, result, "putin-3", "Российская Федерация"
    )


def test_lenta_in_both_scripts_is_one(corpus_tables) -> None:
    result = resolve_corpus(corpus_tables)
    assert _corpus_id(corpus_tables, result, "media", "Lenta.ru") == _corpus_id(
        corpus_tables, result, "media-2", "Лента.ру"
    )


def test_foreign_ministries_keep_their_owners(corpus_tables, unlinked_tables) -> None:
    mfa = "Министерство иностранных дел"
    for tables in (unlinked_tables, corpus_tables):
        result = resolve_corpus(tables)
        russia = _corpus_id(tables, result, "mfa-ru", mfa)
        named = _corpus_id(tables, result, "mfa-kz-2", mfa)  # `МИД Казахстана`
        bare = _corpus_id(tables, result, "mfa-kz", mfa)  # `В МИД` in an article on Kazakhstan
        assert russia != named and named == bare
        owners = result.corpus_entities.set_index("corpus_entity_id")["owner"]
        assert (owners[russia], owners[named]) == ("Россия", "Казахстан")
    # The article names only Astana: no owner without the links, whose `country` of Astana
    # makes the ministry Kazakhstan's.
    plain = resolve_corpus(unlinked_tables)
    ids = {_corpus_id(unlinked_tables, plain, a, mfa) for a in ("mfa-ru", "mfa-kz-2")}
    assert _corpus_id(unlinked_tables, plain, "capital", mfa) not in ids
    assert _corpus_id(corpus_tables, result, "capital", mfa) == named


def test_works_without_and_uses_the_knowledge_base_columns(unlinked_tables) -> None:
    corpus_tables = unlinked_tables
    plain = resolve_corpus(corpus_tables)
    spb = _corpus_id(corpus_tables, plain, "spb", "Санкт-Петербург")
    assert spb != _corpus_id(corpus_tables, plain, "leningrad", "Ленинград")
    assert plain.corpus_entities["wikidata"].isna().all()

    entities = corpus_tables["entities"]
    kb = {
        "Санкт-Петербург": ("Q656", 498817, 59.94, 30.31, "RU"),
        "Ленинград": ("Q656", 498817, 59.94, 30.31, "RU"),
        "Астана": ("Q1520", 1526273, 51.18, 71.45, "KZ"),
    }
    columns = {
        name: [kb.get(n, (None,) * 5)[i] for n in entities["name"]]
        for i, name in enumerate(("wikidata", "geonames", "latitude", "longitude", "country"))
    }
    linked = {**corpus_tables, "entities": entities.assign(**columns)}
    result = resolve_corpus(linked)
    spb = _corpus_id(linked, result, "spb", "Санкт-Петербург")
    assert spb == _corpus_id(linked, result, "leningrad", "Ленинград")
    row = result.corpus_entities.iloc[spb]
    assert (row["wikidata"], row["geonames"], row["country"]) == ("Q656", 498817, "RU")
    assert abs(row["latitude"] - 59.94) < 1e-9
    # Astana's country gives the bare МИД of its article an owner: Kazakhstan's.
    assert _corpus_id(linked, result, "capital", "Министерство иностранных дел") == (
        _corpus_id(linked, result, "mfa-kz-2", "Министерство иностранных дел")
    )
    assert result.stats["rules"]["fired"]["same_wikidata"] >= 1


def test_dates_get_no_corpus_entity(corpus_tables) -> None:
    result = resolve_corpus(corpus_tables)
    labels = corpus_tables["entities"]["label"].tolist()
    assert all((cid is None) == (label == "DATE") for cid, label in zip(result.entity_ids, labels))
    assert set(result.corpus_entities["label"]) <= {"PER", "ORG", "LOC"}
