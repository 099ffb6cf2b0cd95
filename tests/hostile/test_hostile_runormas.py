"""Broken RuNormAS gold: each file must either be read, with what was dropped and why, or
be refused with a message naming the file and line, never crash or shift offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rusnews.eval import evaluate
from rusnews.eval.gold import GoldFormatError
from rusnews.eval.runormas import load_runormas

TEXT = "Мэр Москвы Сергей Собянин"


def line(**record) -> str:
    return json.dumps({"id": "1", "text": TEXT, "spans": [], **record}, ensure_ascii=False)


REFUSED = {
    "not JSON": ('{"id": "1", "text": ', "not JSON"),
    "a list, not a record": ("[1, 2]", "expected an object with a string `text`"),
    "text null": (line(text=None), "expected an object with a string `text`"),
    "no spans": (json.dumps({"id": "1", "text": TEXT}), "expected a list `spans`"),
    "spans an object": (line(spans={"start": 0}), "expected a list `spans`"),
    "span a string": (line(spans=["Москвы"]), "each span must be an object"),
    "offsets not numbers": (
        line(spans=[{"start": "x", "end": 9, "normal": "Москва"}]),
        "integer `start`, `end`",
    ),
    "no normal": (line(spans=[{"start": 4, "end": 10}]), "a `normal`"),
    "fragments garbage": (
        line(spans=[{"start": 4, "end": 10, "normal": "Москва", "fragments": [[4]]}]),
        "`fragments` must be null",
    ),
}

DROPPED = {
    "offsets past the end": ({"start": 20, "end": 99, "normal": "Собянин"}, "outside the text"),
    "start after end": ({"start": 10, "end": 4, "normal": "Москва"}, "outside the text"),
    "negative start": ({"start": -3, "end": 4, "normal": "Мэр"}, "outside the text"),
    "empty normal": ({"start": 4, "end": 10, "normal": "  "}, "no normal form"),
    "normal a number": ({"start": 4, "end": 10, "normal": 5}, "no normal form"),
    "fragment outside": (
        {"start": 4, "end": 10, "normal": "Москва", "fragments": [[4, 6], [90, 99]]},
        "a fragment",
    ),
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_broken_record_is_refused_with_its_line(tmp_path: Path, kind: str) -> None:
    content, message = REFUSED[kind]
    gold = tmp_path / "gold_spans.jsonl"
    gold.write_text(line() + "\n" + content + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as raised:
        list(load_runormas(gold))
    assert "gold_spans.jsonl:2" in str(raised.value)


@pytest.mark.parametrize("kind", list(DROPPED))
def test_a_bad_span_is_dropped_and_the_rest_kept(tmp_path: Path, kind: str) -> None:
    bad, reason = DROPPED[kind]
    good = {"start": 11, "end": 25, "normal": "Сергей Собянин", "text": "Сергей Собянин"}
    gold = tmp_path / "gold_spans.jsonl"
    gold.write_text(line(spans=[bad, good]) + "\n", encoding="utf-8")
    [doc] = load_runormas(gold)
    assert [(s.start, s.end, s.text) for s in doc.spans] == [(11, 25, "Сергей Собянин")]
    [problem] = doc.problems
    assert "span 0 dropped" in problem and reason in problem


def test_a_byte_order_mark_and_crlf_lines_are_read(tmp_path: Path) -> None:
    gold = tmp_path / "gold_spans.jsonl"
    span = {"start": 4, "end": 10, "normal": "Москва", "text": "Москвы"}
    gold.write_text("\ufeff" + line(spans=[span]) + "\r\n" + line(id="2") + "\r\n", "utf-8")
    docs = list(load_runormas(gold))
    assert [doc.doc_id for doc in docs] == ["1", "2"]
    assert docs[0].spans[0].text == "Москвы"


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold_spans.jsonl"
    gold.write_bytes(line().encode("cp1251"))
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        list(load_runormas(gold))


def test_an_empty_file_scores_nothing(tmp_path: Path) -> None:
    gold = tmp_path / "gold_spans.jsonl"
    gold.write_text("\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no gold documents"):
        evaluate(gold, "runormas")


def test_a_folder_without_the_gold_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "other.jsonl").write_text(line(), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="gold_spans.jsonl"):
        list(load_runormas(tmp_path))
