from datetime import date
from pathlib import Path

import pytest
from rusnews.eval.gold import GoldDoc, GoldFormatError
from rusnews.eval.jsonl import load_jsonl, parse_jsonl


@pytest.fixture(scope="module")
def docs(fixtures: Path) -> list[GoldDoc]:
    return list(load_jsonl(fixtures / "jsonl" / "gold.jsonl"))


def test_documents_in_file_order_blank_lines_skipped(docs: list[GoldDoc]) -> None:
    assert [(doc.doc_id, doc.published) for doc in docs] == [
        ("kz-eu-talks", date(2025, 12, 4)),
        ("almaty-metro", None),
    ]


def test_mentions_carry_normals_and_date_values(docs: list[GoldDoc]) -> None:
    spans = {span.text: span for span in docs[0].spans}
    assert spans["Каей Каллас"].normal == "Кая Каллас"
    assert (spans["3 декабря"].value, spans["3 декабря"].granularity) == ("2025-12-03", "day")
    assert spans["Брюсселе"].value is None  # only dates have values


def test_crlf_inside_the_text_keeps_offsets(docs: list[GoldDoc]) -> None:
    doc = docs[1]
    assert doc.text.startswith("Мэрия Алматы\r\n")
    assert [doc.text[span.start : span.end] for span in doc.spans] == [
        "Мэрия Алматы",
        "Алматы",
        "вчера",
        "в 2026 году",
    ]


def test_a_mention_whose_text_does_not_match_is_dropped(docs: list[GoldDoc]) -> None:
    [problem] = docs[1].problems
    assert "mention 4 dropped" in problem and "'лматы\\r'" in problem


def test_broken_json_names_the_line() -> None:
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:2: not JSON"):
        list(parse_jsonl(['{"id": "a", "text": ""}', '{"id": '], "gold.jsonl"))


def test_bad_published_date() -> None:
    with pytest.raises(GoldFormatError, match="published"):
        list(parse_jsonl(['{"id": "a", "text": "", "published": "вчера"}']))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no gold JSONL"):
        list(load_jsonl(tmp_path / "absent.jsonl"))
