"""Each rule of identity alone, then the rules together (rusnews.corpus.rules)."""

from __future__ import annotations

import pytest
from rusnews.corpus.names import name_tables, official_form, person_gender
from rusnews.corpus.rules import (
    RULES,
    Links,
    Record,
    full_name,
    initials_to_full_name,
    link,
    official_name,
    same_name,
    same_partial_name,
    same_wikidata,
    surname_to_full_name,
    transliteration,
)


def person(name: str, first=None, last=None, day=None, middle=None) -> Record:
    return Record("PER", name, first, middle, last, person_gender(first, last), day)


def place(name: str, label: str = "LOC", **fields) -> Record:
    return Record(label, name, **fields)


def body(name: str, base: str, owner: str | None, **fields) -> Record:
    return Record("ORG", name, body=base, owner=owner, **fields)


def groups(records: list[Record], rules=RULES, window: int = 3) -> list[set[int]]:
    links = link(records, name_tables(), window, rules)
    found: dict[int, set[int]] = {}
    for i in range(len(records)):
        found.setdefault(links.find(i), set()).add(i)
    return sorted(found.values(), key=min)


def joined(records: list[Record], rule) -> set[tuple[int, int]]:
    links = Links(records)
    return {tuple(sorted(pair)) for pair in rule(records, links, name_tables(), 3)}


def test_same_name_joins_across_labels_but_not_persons_named_in_part() -> None:
    records = [
        place("Казахстан"),
        place("Казахстан", "ORG"),
        person("Путин", last="Путин"),
        person("Путин", last="Путин"),
    ]
    assert joined(records, same_name) == {(0, 1)}


def test_same_name_of_a_body_includes_its_owner() -> None:
    base = "министерство иностранных дел"
    records = [
        body("МИД", base, official_form("Российская Федерация")),
        body("Министерство иностранных дел", base, official_form("Россия")),
        body("МИД", base, official_form("Казахстан")),
        body("МИД", base, None),
    ]
    assert joined(records, same_name) == {(0, 1)}


def test_full_name_joins_with_or_without_patronymic() -> None:
    records = [
        person("Дмитрий Медведев", "Дмитрий", "Медведев"),
        person("Дмитрий Анатольевич Медведев", "Дмитрий", "Медведев", middle="Анатольевич"),
        person("Сергей Медведев", "Сергей", "Медведев"),
    ]
    assert joined(records, full_name) == {(0, 1)}


@pytest.mark.parametrize(
    "names",
    [
        ["Россия", "Российская Федерация", "РФ"],
        ["США", "Соединённые Штаты Америки", "Соединенные Штаты"],
        ["Республика Татарстан", "Татарстан"],
    ],
)
def test_official_name(names: list[str]) -> None:
    records = [place(name) for name in names]
    assert joined(records, official_name) == {(0, i) for i in range(1, len(names))}


def test_official_name_keeps_the_uk_and_england_apart() -> None:
    assert joined([place("Великобритания"), place("Англия")], official_name) == set()


def test_transliteration_joins_across_scripts_only() -> None:
    records = [
        place("Лента.ру", "ORG"),
        place("Lenta.ru", "ORG"),
        place("Газета.ру", "ORG"),
        place("Лента", "LOC"),  # places are not transliterated
    ]
    assert joined(records, transliteration) == {(0, 1)}
    assert joined([place("Лента.ру", "ORG"), place("Лэнта.ру", "ORG")], transliteration) == set()


def test_surname_joins_the_only_full_name() -> None:
    records = [
        person("Владимир Путин", "Владимир", "Путин"),
        person("Путин", last="Путин"),
        person("Захарова", last="Захарова"),
    ]
    assert joined(records, surname_to_full_name) == {(0, 1)}


def test_surname_of_two_people_joins_neither_unless_the_window_tells() -> None:
    records = [
        person("Дмитрий Медведев", "Дмитрий", "Медведев", day=100),
        person("Сергей Медведев", "Сергей", "Медведев", day=200),
        person("Медведев", last="Медведев", day=150),  # between both: ambiguous
        person("Медведев", last="Медведев", day=199),  # within 3 days of Сергей only
    ]
    assert joined(records, surname_to_full_name) == {(1, 3)}


def test_surname_needs_the_same_gender() -> None:
    records = [
        person("Кира Каллас", "Кира", "Каллас"),
        Record("PER", "Каллас", last="Каллас", gender="masc"),
    ]
    assert records[0].gender == "femn"
    assert joined(records, surname_to_full_name) == set()


def test_initials_join_a_full_name_they_begin() -> None:
    records = [
        person("Владимир Путин", "Владимир", "Путин"),
        person("В. Путин", "В.", "Путин"),
        person("А. Путин", "А.", "Путин"),
    ]
    assert joined(records, initials_to_full_name) == {(0, 1)}


def test_partial_names_no_full_name_took_stay_one_per_spelling() -> None:
    records = [
        person("Дмитрий Медведев", "Дмитрий", "Медведев", day=100),
        person("Сергей Медведев", "Сергей", "Медведев", day=100),
        person("Медведев", last="Медведев"),
        person("Медведев", last="Медведев"),
    ]
    assert groups(records) == [{0}, {1}, {2, 3}]
    assert joined(records[2:], same_partial_name) == {(0, 1)}


def test_same_wikidata_joins_other_spellings() -> None:
    records = [
        person("Майкл Стил", "Майкл", "Стил"),
        person("Michael Steele", "Michael", "Steele"),
    ]
    assert groups(records) == [{0}, {1}]
    records[0].wikidata = records[1].wikidata = "Q1234"
    assert joined(records, same_wikidata) == {(0, 1)}
    assert groups(records) == [{0, 1}]


def test_no_rule_merges_bodies_of_two_owners() -> None:
    base = "министерство иностранных дел"
    records = [
        body("МИД России", base, "country:RU", wikidata="Q1"),
        body("МИД Казахстана", base, "country:KZ", wikidata="Q1"),  # a wrong link
    ]
    links = link(records, name_tables())
    assert links.find(0) != links.find(1)
    assert links.refused == {"same_wikidata/owner": 1}


def test_two_wikidata_ids_are_two_things() -> None:
    records = [place("Барселона", wikidata="Q1492"), place("Барселона", wikidata="Q7156")]
    assert groups(records) == [{0}, {1}]


def test_a_shared_surname_does_not_merge_two_full_names() -> None:
    records = [
        person("Дмитрий Медведев", "Дмитрий", "Медведев"),
        person("Медведев", last="Медведев"),
        person("Сергей Медведев", "Сергей", "Медведев"),
    ]
    links = link(records, name_tables(), trace=True)
    assert links.find(0) != links.find(2)
    assert all(rule != "same_partial_name" for rule, _, _ in links.trace)
