from pathlib import Path

import pytest
from rusnews.eval.brat import load_brat
from rusnews.eval.conventions import (
    NAEVAL,
    OBJECT,
    close_quote,
    conventions_for,
    drop_misaligned,
    drop_overlapping,
    jsonl_spans,
    keep_outermost,
    nerel_spans,
    tokenize,
)
from rusnews.eval.factru import load_factru
from rusnews.eval.gold import GoldDoc
from rusnews.eval.jsonl import load_jsonl


def texts(doc: GoldDoc, spans: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
    return [(label, doc.text[start:end]) for label, start, end in spans]


@pytest.fixture(scope="module")
def factru(fixtures: Path) -> dict[str, GoldDoc]:
    return {doc.doc_id: doc for doc in load_factru(fixtures / "factru")}


def test_keep_outermost_only_within_a_label() -> None:
    spans = [("ORG", 0, 25), ("ORG", 13, 25), ("LOC", 19, 25), ("ORG", 13, 25), ("ORG", 20, 30)]
    # the nested ORG goes, the LOC inside it stays, a crossing ORG stays
    assert keep_outermost(spans) == [("ORG", 0, 25), ("LOC", 19, 25), ("ORG", 20, 30)]


def test_drop_overlapping_keeps_the_earlier_longer_span_whatever_the_label() -> None:
    # Naeval: `мид Грузии` ORG over LOC `Грузии` -> the ORG stays
    assert drop_overlapping([("LOC", 4, 10), ("ORG", 0, 10), ("PER", 12, 20)]) == [
        ("ORG", 0, 10),
        ("PER", 12, 20),
    ]


def test_drop_misaligned() -> None:
    text = "Москва-Сити, ЗАО «Ренова»"
    spans = [("LOC", 0, 11), ("LOC", 0, 6), ("ORG", 14, 24), ("ORG", 13, 24), ("ORG", 13, 25)]
    # razdel keeps `Москва-Сити` whole and splits the quotes off
    assert drop_misaligned(spans, tokenize(text)) == [
        ("LOC", 0, 11),
        ("ORG", 13, 24),
        ("ORG", 13, 25),
    ]


@pytest.mark.parametrize(
    ("text", "span", "closed"),
    [
        ("ЗАО «Ренова» купило", "ЗАО «Ренова", "ЗАО «Ренова»"),
        ("газета „Правда“ пишет", "газета „Правда", "газета „Правда“"),
        ('ОАО "Газпром" и', 'ОАО "Газпром', 'ОАО "Газпром"'),
        ("ЗАО «Ренова» купило", "ЗАО «Ренова»", "ЗАО «Ренова»"),  # already closed
        ("«Газпром» и «Ренова»", "Газпром", "Газпром"),  # its quote opened outside
        ("ЗАО «Ренова", "ЗАО «Ренова", "ЗАО «Ренова"),  # end of text
    ],
)
def test_close_quote(text: str, span: str, closed: str) -> None:
    start = text.index(span)
    assert text[start : close_quote(text, start, start + len(span))] == closed


def test_object_convention(factru: dict[str, GoldDoc]) -> None:
    doc = factru["kazan_forum"]
    assert texts(doc, OBJECT.gold(doc)) == [
        ("ORG", "Мэрия Казани"),
        ("LOC", "Казани"),
        ("PER", "Ильсура Метшина"),
        ("ORG", "компании «Таткран»"),  # compared modulo the closing quote
        ("PER", "Метшин"),
        ("LOC", "Казань"),
    ]
    # predictions get the same quote rule, and only the convention's labels
    predicted = OBJECT.predictions([("ORG", 49, 66), ("DATE", 0, 5)], doc.text)
    assert texts(doc, predicted) == [("ORG", "компании «Таткран»")]


def test_object_convention_keeps_the_outermost_org(factru: dict[str, GoldDoc]) -> None:
    doc = factru["press_service"]
    assert texts(doc, OBJECT.gold(doc)) == [
        ("ORG", "Пресс-служба мэрии Казани"),  # `мэрии Казани` nested in it: dropped
        ("LOC", "Казани"),
        ("PER", "Жан-Мари Ле Пен"),
        ("LOC", "Казань Арену"),
    ]


def test_naeval_convention(factru: dict[str, GoldDoc]) -> None:
    doc = factru["kazan_forum"]
    # Org = its org_name spans (`Мэрия Казани` has none: no ORG there),
    # Location/LocOrg = their loc_name spans.
    assert texts(doc, NAEVAL.gold(doc)) == [
        ("LOC", "Казани"),
        ("PER", "Ильсура Метшина"),
        ("ORG", "«Таткран"),
        ("PER", "Метшин"),
        ("LOC", "Казань"),
    ]
    doc = factru["press_service"]
    # `Казани` is the LocOrg, while the two Orgs have no org_name span at all
    assert texts(doc, NAEVAL.gold(doc)) == [
        ("LOC", "Казани"),
        ("PER", "Жан-Мари Ле Пен"),
        ("LOC", "Казань Арену"),
    ]


def test_naeval_predictions_drop_overlaps_and_misaligned_spans() -> None:
    text = "мид Грузии и Москва-Сити"
    predicted = [("ORG", 0, 10), ("LOC", 4, 10), ("LOC", 13, 19)]  # `Москва` is half a token
    assert NAEVAL.predictions(predicted, text) == [("ORG", 0, 10)]


def test_nerel_convention(fixtures: Path) -> None:
    [doc] = load_brat(fixtures / "brat")
    assert texts(doc, nerel_spans(doc)) == [
        ("ORG", "Мэрия Казани"),
        ("LOC", "Казани"),
        ("ORG", "Таткран"),
        ("DATE", "5 мая 2024 года"),  # the nested `2024 года` goes
        # the discontinuous entity is scored by its extent, which holds the next one
        ("ORG", "Казанский и Елабужский машиностроительные заводы"),
        ("LOC", "Республике Татарстан"),  # STATE_OR_PROVINCE and LOCATION: one span
    ]


def test_jsonl_convention(fixtures: Path) -> None:
    doc = next(load_jsonl(fixtures / "jsonl" / "gold.jsonl"))
    assert [label for label, _, _ in jsonl_spans(doc)] == [
        "ORG",
        "LOC",
        "PER",
        "DATE",
        "LOC",
        "PER",
    ]


def test_conventions_for() -> None:
    assert [convention.name for convention in conventions_for("factru")] == ["object", "naeval"]
    with pytest.raises(ValueError, match="unknown gold format 'conll'"):
        conventions_for("conll")
