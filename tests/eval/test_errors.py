import pytest
from rusnews.eval.errors import analyze, classify, shape
from rusnews.eval.gold import GoldDoc


def test_classify_every_kind() -> None:
    gold = [("PER", 0, 11), ("ORG", 20, 30), ("LOC", 40, 46), ("LOC", 50, 56)]
    pred = [("PER", 0, 11), ("LOC", 20, 30), ("LOC", 40, 44), ("ORG", 60, 65)]
    found = [(kind, label, detail) for kind, label, detail, _, _ in classify(gold, pred)]
    assert found == [
        ("wrong type", "ORG→LOC", "same span"),
        ("wrong boundary", "LOC", "prediction shorter"),
        ("spurious", "ORG", ""),
        ("missed", "LOC", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("правительство", "starts lowercase"),
        ("МИД", "all caps"),
        ("«Яблоко»", "starts with a quote"),
        ("Москва", "one word"),
        ("Юрий Лужков", "several words"),
    ],
)
def test_shape(text: str, expected: str) -> None:
    assert shape(text) == expected


def test_analyze_ranks_kinds_with_examples() -> None:
    text = "правительство и правительство, МИД и Москва"
    doc = GoldDoc(doc_id="d1", text=text)
    gold = [("ORG", 0, 13), ("ORG", 16, 29), ("ORG", 31, 34), ("LOC", 37, 43)]
    pred = [("ORG", 31, 34), ("ORG", 37, 43)]
    result = analyze([doc], [gold], [pred])
    assert result["totals"] == {"missed": 2, "spurious": 0, "wrong type": 1, "wrong boundary": 0}
    top = result["top"][0]
    assert (top["kind"], top["label"], top["detail"], top["count"]) == (
        "missed",
        "ORG",
        "starts lowercase",
        2,
    )
    assert top["examples"] == [{"text": "правительство", "count": 2, "doc_id": "d1"}]
