"""Plain Natasha on real text: the models ship in the wheel, nothing is mocked."""

import pytest
from rusnews.eval.baseline import adapt_date, get_baseline, predict_natasha, tag_natasha
from rusnews.eval.gold import GoldDoc


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ((2010, 6, 28), ("2010-06-28", "day")),
        ((2024, 3, None), ("2024-03", "month")),
        ((2025, None, None), ("2025", "year")),
        ((None, 12, 3), (None, "day")),  # no year: plain Natasha does not resolve it
        ((None, 12, None), (None, "month")),
    ],
)
def test_adapt_date(fields: tuple, expected: tuple) -> None:
    assert adapt_date(*fields) == expected


def test_tag_natasha(natasha_models) -> None:
    text = (
        "Мэр Москвы Юрий Лужков встретился 28 июня 2010 года с Борисом Громовым "
        "в Министерстве иностранных дел."
    )
    found = [(m.label, m.text, m.normal, m.granularity) for m in tag_natasha(text, natasha_models)]
    assert found == [
        ("LOC", "Москвы", "Москва", None),
        ("PER", "Юрий Лужков", "Юрий Лужков", None),
        ("DATE", "28 июня 2010 года", "2010-06-28", "day"),
        ("PER", "Борисом Громовым", "Борис Громов", None),
        ("ORG", "Министерстве иностранных дел", "Министерство иностранных дел", None),
    ]


def test_predict_natasha_by_document(natasha_models) -> None:
    crlf = "Путин прилетел в Казань.\r\nМедведев остался в Москве."
    docs = [GoldDoc("a", "В марте 2024 года."), GoldDoc("b", ""), GoldDoc("c", crlf)]
    predictions = predict_natasha(docs)
    assert [(m.label, m.text, m.normal) for m in predictions["a"]] == [
        ("DATE", "марте 2024 года", "2024-03")
    ]
    assert predictions["b"] == []
    # offsets index the text as given, CRLF included
    found = [(m.text, crlf[m.start : m.end], m.sentence_idx) for m in predictions["c"]]
    assert found == [("Казань", "Казань", 0), ("Медведев", "Медведев", 1), ("Москве", "Москве", 1)]


def test_unknown_baseline() -> None:
    with pytest.raises(ValueError, match="unknown baseline 'spacy'"):
        get_baseline("spacy")
