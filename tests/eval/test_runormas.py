import json
from pathlib import Path

import pytest
from rusnews.eval import evaluate, load_gold, score_systems
from rusnews.eval.gold import GoldFormatError
from rusnews.eval.normal_errors import classify
from rusnews.eval.runormas import UNTYPED, load_runormas, parse_runormas
from rusnews.model import Mention

TEXT = "Фрегат прибыл в порт Керкира. Мише Топаловым было не до того. Наталии Поклонской."


def record(text: str = TEXT, spans: list | None = None, doc_id: str = "1") -> str:
    return json.dumps({"id": doc_id, "text": text, "spans": spans or []}, ensure_ascii=False)


def span(text: str, phrase: str, normal: str, fragments=None) -> dict:
    start = text.index(phrase)
    return {
        "start": start,
        "end": start + len(phrase),
        "fragments": fragments,
        "text": phrase,
        "normal": normal,
    }


GOLD = [
    span(TEXT, "порт Керкира", "порт Керкира"),
    span(TEXT, "Наталии Поклонской", "Наталия Поклонская"),
    {
        "start": TEXT.index("Мише"),
        "end": TEXT.index("Топаловым") + 9,
        "fragments": [
            [TEXT.index("Мише"), TEXT.index("Мише") + 4],
            [TEXT.index("Топаловым"), TEXT.index("Топаловым") + 9],
        ],
        "text": "Мише Топаловым",
        "normal": "Миша Топалов",
    },
]


def test_spans_are_untyped_and_keep_their_pieces() -> None:
    [doc] = parse_runormas([record(spans=GOLD)])
    assert doc.doc_id == "1" and not doc.problems
    assert {s.label for s in doc.spans} == {UNTYPED}
    assert [(s.text, s.normal) for s in doc.spans] == [
        ("порт Керкира", "порт Керкира"),
        ("Мише Топаловым", "Миша Топалов"),  # its pieces, joined as the gold writes them
        ("Наталии Поклонской", "Наталия Поклонская"),
    ]
    assert len(doc.spans[1].fragments) == 2


def test_a_span_whose_text_does_not_match_is_dropped_with_the_reason() -> None:
    wrong = {**span(TEXT, "порт Керкира", "порт Керкира"), "text": "порт Корфу"}
    [doc] = parse_runormas([record(spans=[wrong])], "gold_spans.jsonl")
    assert doc.spans == []
    [problem] = doc.problems
    assert "gold_spans.jsonl:1: span 0 dropped" in problem and "'порт Корфу'" in problem


def test_load_from_the_folder_or_the_file(tmp_path: Path) -> None:
    (tmp_path / "gold_spans.jsonl").write_text(
        record(spans=GOLD) + "\n\n" + record(doc_id="2") + "\n", encoding="utf-8"
    )
    for path in (tmp_path, tmp_path / "gold_spans.jsonl"):
        assert [doc.doc_id for doc in load_runormas(path)] == ["1", "2"]
    with pytest.raises(GoldFormatError, match="no RuNormAS gold"):
        list(load_runormas(tmp_path / "absent"))


def test_untyped_gold_is_judged_by_the_label_of_the_mention_on_it() -> None:
    [doc] = parse_runormas([record(spans=GOLD)])
    start = TEXT.index("Наталии")
    port = TEXT.index("порт")
    mentions = [
        Mention(start, start + 18, "Наталии Поклонской", "PER", normal="Наталий Поклонский"),
        Mention(port + 5, port + 12, "Керкира", "LOC", normal="Керкира"),  # not the gold extent
    ]
    report = score_systems([doc], "runormas", {"rusnews": {"1": mentions}})
    result = report["normalization"]["rusnews"]
    assert result["per_type"] == {"PER": {"accuracy": 0.0, "correct": 0, "n": 1}}
    assert result["coverage"] == {"gold_spans": 3, "discontinuous": 1, "matched": 1}
    [wrong] = result["error_classes"]
    assert (wrong["class"], wrong["count"], wrong["per_type"]) == ("gender", 1, {"PER": 1})
    assert report["scores"] == {} and report["errors"] == {}  # untyped: no span scores


@pytest.mark.parametrize(
    ("text", "predicted", "gold", "kind"),
    [
        ("Наталии Поклонской", "Наталий Поклонский", "Наталия Поклонская", "gender"),
        ("Нидерландах", "Нидерландах", "Нидерланды", "left as written"),
        ("РИА «Новости»", "Новости", "РИА «Новости»", "descriptor dropped"),
        ("газеты «Ведомости»", "газета Ведомости", "газета «Ведомости»", "quotes only"),
        ("Милли Меджлиса", "Милли Меджлиса", "Милли Меджлис", "left as written"),
        ("Золотого", "Золотой", "Золотое", "ending"),
        ("Конгрессе", "Конгресс", "Конгресс США", "words dropped"),
        ("Libra", "Facebook", "Libra", "other word"),
        ("Тверской", None, "Тверская", "missing"),
    ],
)
def test_error_classes(text: str, predicted: str | None, gold: str, kind: str) -> None:
    assert classify(text, predicted, gold) == kind


def test_evaluate_runs_the_pipeline_on_runormas_texts(tmp_path: Path) -> None:
    text = "Вчера в Москве выступила Наталья Поклонская. Встреча прошла в Нидерландах."
    spans = [
        span(text, "Москве", "Москва"),
        span(text, "Наталья Поклонская", "Наталья Поклонская"),
        span(text, "Нидерландах", "Нидерланды"),
    ]
    gold = tmp_path / "gold_spans.jsonl"
    gold.write_text(record(text, spans) + "\n", encoding="utf-8")
    report = evaluate(gold, "runormas", report_dir=tmp_path / "report")
    result = report["normalization"]["rusnews"]
    assert result["coverage"]["matched"] == 3
    assert result["all"] == {"accuracy": 1.0, "correct": 3, "n": 3}
    assert "untyped" in report["metrics"]["normalization"]
    markdown = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "3 of 3 gold spans found with their exact extent" in markdown


def test_runormas_train_is_read_whole(corpora: Path) -> None:
    docs = load_gold(corpora / "runormas-train", "runormas")
    assert len(docs) == 2493
    assert sum(len(doc.spans) for doc in docs) == 39575
    assert not any(doc.problems for doc in docs)


def test_a_listed_gold_error_is_scored_both_ways() -> None:
    text = "Канал соединит Тайганское и Симферопольское водохранилища."
    wrong = span(text, "Симферопольское водохранилища", "Симферопольское водохранилищк")
    [doc] = parse_runormas([record(text, [wrong], doc_id="1048973")])
    start = text.index("Симферопольское")
    mention = Mention(
        start, wrong["end"], wrong["text"], "LOC", normal="Симферопольское водохранилище"
    )
    report = score_systems([doc], "runormas", {"rusnews": {"1048973": [mention]}})
    result = report["normalization"]["rusnews"]
    assert result["all"]["accuracy"] == 0.0  # raw: the gold as published
    assert result["corrected"]["all"]["accuracy"] == 1.0
    assert result["corrected"]["gold_fixes"] == 1


def test_every_gold_fix_names_a_format_and_gives_a_form() -> None:
    from rusnews.eval.evaluate import FORMATS
    from rusnews.eval.gold_fixes import gold_fixes

    fixes = gold_fixes()
    assert fixes
    assert all(fmt in FORMATS and normal.strip() for (fmt, _, _), normal in fixes.items())
