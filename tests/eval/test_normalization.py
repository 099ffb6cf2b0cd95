from pathlib import Path

import pytest
from rusnews.eval.conventions import quote_closed
from rusnews.eval.factru import load_factru
from rusnews.eval.gold import GoldDoc
from rusnews.eval.jsonl import load_jsonl
from rusnews.eval.normalization import (
    date_targets,
    factru_targets,
    jsonl_targets,
    name_key,
    person_forms,
    score_normals,
)
from rusnews.model import Mention


@pytest.fixture(scope="module")
def factru(fixtures: Path) -> dict[str, GoldDoc]:
    return {doc.doc_id: doc for doc in load_factru(fixtures / "factru")}


def mention(doc: GoldDoc, label: str, text: str, normal: str | None, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return Mention(start=start, end=start + len(text), text=text, label=label, normal=normal)


@pytest.mark.parametrize(
    ("label", "a", "b", "equal"),
    [
        ("PER", "Юрий Лужков", "Лужков юрий", True),  # order-free, case-insensitive
        ("PER", "Сергей Королёв", "Сергей Королев", True),  # ё = е
        ("PER", "Жан-Мари Ле Пен", "Жан Мари Ле Пен", True),  # hyphen splits parts
        ("PER", "А. Кудрин", "А Кудрин", True),  # the dot of an initial
        ("PER", "Юрий Лужков", "Юрия Лужкова", False),
        ("LOC", "Тверская  площадь", "тверская площадь", True),
        ("ORG", "мэрия Москвы", "Москвы мэрия", False),  # order matters for other names
    ],
)
def test_name_key(label: str, a: str, b: str, equal: bool) -> None:
    assert (name_key(label, a) == name_key(label, b)) is equal


def test_person_forms_follow_the_parts_the_mention_has(factru: dict[str, GoldDoc]) -> None:
    objects = {obj.obj_id: obj for obj in factru["kazan_forum"].objects}
    assert person_forms(objects["23"]) == ("Ильсур Метшин",)  # `Ильсура Метшина`
    assert person_forms(objects["25"]) == ("Метшин",)  # `Метшин`: a surname only
    person = next(obj for obj in factru["press_service"].objects if obj.label == "Person")
    # firstname1 is an optional further part
    assert person_forms(person) == ("Жан Ле Пен", "Жан Мари Ле Пен")


def test_factru_targets(factru: dict[str, GoldDoc]) -> None:
    doc = factru["kazan_forum"]
    targets = [(t.label, t.text, t.forms) for t in factru_targets(doc, quote_closed)]
    assert targets == [
        ("ORG", "Мэрия Казани", ("мэрия Казани",)),
        ("LOC", "Казани", ("Казань",)),
        ("PER", "Ильсура Метшина", ("Ильсур Метшин",)),
        ("ORG", "компании «Таткран»", ("Таткран",)),
        ("PER", "Метшин", ("Метшин",)),
        ("LOC", "Казань", ("Казань",)),
    ]
    [person] = [t for t in factru_targets(factru["press_service"]) if t.label == "PER"]
    assert person.forms == ("Жан Мари Ле Пен",)  # as many parts as `Жан-Мари Ле Пен` shows


def test_score_normals(factru: dict[str, GoldDoc]) -> None:
    doc = factru["kazan_forum"]
    predictions = {
        doc.doc_id: [
            mention(doc, "ORG", "Мэрия Казани", "Мэрия Казани"),  # right, case aside
            mention(doc, "LOC", "Казани", "Казань"),  # right
            mention(doc, "PER", "Ильсура Метшина", "Метшин Ильсур"),  # right, order aside
            mention(doc, "PER", "Метшина", "Метшин"),  # no gold object has this span
            mention(doc, "ORG", "компании «Таткран»", "компания «Таткран»"),  # wrong
            mention(doc, "LOC", "Казань", "Казанью"),  # wrong
        ]
    }
    result = score_normals([doc], [factru_targets(doc, quote_closed)], predictions, quote_closed)
    assert result["per_type"] == {
        "PER": {"accuracy": 1.0, "correct": 1, "n": 1},
        "ORG": {"accuracy": 0.5, "correct": 1, "n": 2},
        "LOC": {"accuracy": 0.5, "correct": 1, "n": 2},
    }
    assert result["all"] == {"accuracy": 0.6, "correct": 3, "n": 5}
    assert [example["predicted"] for example in result["examples"]] == [
        "компания «Таткран»",
        "Казанью",
    ]


def test_nothing_compared_is_absent(factru: dict[str, GoldDoc]) -> None:
    doc = factru["kazan_forum"]
    result = score_normals([doc], [factru_targets(doc)], {})
    assert result["per_type"] == {}
    assert result["all"]["accuracy"] is None


def test_jsonl_names_and_date_values(fixtures: Path) -> None:
    doc = next(load_jsonl(fixtures / "jsonl" / "gold.jsonl"))
    assert [t.text for t in jsonl_targets(doc)] == [
        "МИД Казахстана",
        "Казахстана",
        "Ермек Кошербаев",
        "Брюсселе",
        "Каей Каллас",
    ]
    [date] = date_targets(doc)
    assert (date.text, date.forms) == ("3 декабря", ("2025-12-03",))
    predictions = {doc.doc_id: [mention(doc, "DATE", "3 декабря", "2025-12-03")]}
    result = score_normals([doc], [date_targets(doc)], predictions, labels=("DATE",))
    assert result["all"] == {"accuracy": 1.0, "correct": 1, "n": 1}
