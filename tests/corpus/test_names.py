"""Comparison forms of names across articles (rusnews.corpus.names)."""

from __future__ import annotations

import pytest
from rusnews.corpus.names import (
    country_code,
    latin_skeleton,
    official_form,
    person_gender,
    read_name_tables,
    surname_gender,
)
from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR


@pytest.mark.parametrize(
    ("names", "code"),
    [
        (["Россия", "Российская Федерация", "РФ", "Российская федерация"], "RU"),
        (["США", "Соединённые Штаты Америки", "Соединенные Штаты", "Америка"], "US"),
        (["Казахстан", "Республика Казахстан", "РК"], "KZ"),
        (["Киргизия", "Кыргызстан", "Кыргызская Республика"], "KG"),
        (["Великобритания", "Британия", "Соединённое Королевство"], "GB"),
    ],
)
def test_a_countrys_names_share_its_code(names: list[str], code: str) -> None:
    assert {country_code(name) for name in names} == {code}
    assert len({official_form(name) for name in names}) == 1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Республика Татарстан", "Татарстан"),
        ("Минфин", "Министерство финансов"),
        ("МИД", "Министерство иностранных дел"),
        ("Евросоюз", "Европейский союз"),
    ],
)
def test_official_names_meet(a: str, b: str) -> None:
    assert official_form(a) == official_form(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Англия", "Великобритания"), ("СССР", "Россия"), ("Австрия", "Австралия")]
)
def test_other_places_stay_apart(a: str, b: str) -> None:
    assert official_form(a) != official_form(b)


def test_every_country_code_names_a_listed_country_and_has_iso_shape() -> None:
    tables = read_name_tables()
    listed = {
        name.casefold().replace("ё", "е")
        for name, *_ in read_lexicon(
            MODELS_DIR / "gazetteers" / "countries.txt", ("name", "how"), 1
        )
    }
    official_only = {
        "рк",
        "республика узбекистан",
        "кыргызская республика",
        "киргизская республика",
        "республика таджикистан",
        "чешская республика",
        "китайская народная республика",
    }
    assert set(tables.codes) - listed == official_only
    for code in tables.codes.values():
        assert code.isupper() and (len(code) == 2 or code.startswith("GB-")), code


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Лента.ру", "Lenta.ru"),
        ("Газета.ру", "Gazeta.ru"),
        ("Коммерсантъ", "Kommersant"),
        ("РИА Новости", "RIA Novosti"),
        ("Регнум", "Regnum"),
        ("Яндекс", "Yandex"),
    ],
)
def test_transliterations_share_a_skeleton(a: str, b: str) -> None:
    assert latin_skeleton(a) == latin_skeleton(b)


def test_different_media_keep_different_skeletons() -> None:
    assert latin_skeleton("Лента.ру") != latin_skeleton("Газета.ру")
    assert latin_skeleton("Интерфакс") != latin_skeleton("Invest-Foresight")


@pytest.mark.parametrize(
    ("first", "last", "gender"),
    [
        (None, "Путин", "masc"),
        (None, "Захарова", "femn"),
        (None, "Поклонская", "femn"),
        (None, "Толстой", "masc"),
        (None, "Каллас", None),
        ("Анна", "Каллас", "femn"),
        ("Кая", "Каллас", None),  # pymorphy3 reads `Кая` as a form of `Кай` only
        ("Сергей", "Шойгу", "masc"),
        ("В.", "Шойгу", None),
    ],
)
def test_gender_from_the_surname_else_the_first_name(first, last, gender) -> None:
    assert person_gender(first, last) == gender


def test_a_foreign_surname_says_no_gender() -> None:
    assert surname_gender("Мохаммед") is None
