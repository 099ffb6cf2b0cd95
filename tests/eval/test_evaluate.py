import json
from pathlib import Path

import pandas as pd
import pytest
from rusnews.eval import evaluate, load_gold, score_systems
from rusnews.eval.gold import GoldDoc
from rusnews.eval.predictions import RunError
from rusnews.model import Mention


def gold_as_run(docs: list[GoldDoc], folder: Path) -> Path:
    """A run whose mentions are the gold ones: what a perfect system writes."""
    rows = [
        {
            "article_id": doc.doc_id,
            "mention_id": index,
            "start": span.start,
            "end": span.end,
            "text": span.text,
            "label": span.label,
            "normal": span.normal,
            "granularity": span.granularity,
        }
        for doc in docs
        for index, span in enumerate(doc.spans)
    ]
    folder.mkdir()
    pd.DataFrame(rows).to_parquet(folder / "mentions.parquet")
    return folder


def test_load_gold_limit_and_errors(fixtures: Path) -> None:
    assert [doc.doc_id for doc in load_gold(fixtures / "factru", "factru", limit=1)] == [
        "kazan_forum"
    ]
    with pytest.raises(ValueError, match="unknown gold format 'conll'"):
        load_gold(fixtures / "factru", "conll")
    with pytest.raises(FileNotFoundError, match="gold not found"):
        load_gold(fixtures / "absent", "brat")


def test_score_systems_side_by_side(fixtures: Path) -> None:
    docs = load_gold(fixtures / "factru", "factru")
    doc = docs[0]  # kazan_forum
    start = doc.text.index("Ильсура")
    good = {
        doc.doc_id: [Mention(start, start + 15, "Ильсура Метшина", "PER", normal="Ильсур Метшин")]
    }
    worse = {doc.doc_id: [Mention(start, start + 7, "Ильсура", "PER", normal="Ильсур")]}
    report = score_systems(docs, "factru", {"rusnews": good, "natasha": worse})
    exact = report["scores"]["object"]["exact"]
    assert exact["rusnews"]["PER"]["tp"] == 1 and exact["natasha"]["PER"]["tp"] == 0
    assert exact["rusnews"]["PER"]["n_gold"] == 3  # two in kazan_forum, one in press_service
    assert report["difference"]["f1"]["object"]["exact"]["PER"] == pytest.approx(0.5)
    # the partial prediction overlaps its gold span
    assert report["scores"]["object"]["partial"]["natasha"]["PER"]["tp"] == 1
    assert report["normalization"]["rusnews"]["all"] == {"accuracy": 1.0, "correct": 1, "n": 1}
    assert report["normalization"]["natasha"]["all"]["n"] == 0
    assert report["date_values"] is None  # factRuEval has no dates
    assert report["errors"]["natasha"]["totals"]["wrong boundary"] == 1
    assert report["gold_problems"]["count"] == 2  # the broken span and its object


def test_evaluate_a_run_beside_natasha(fixtures: Path, tmp_path: Path, natasha_models) -> None:
    gold = fixtures / "jsonl" / "gold.jsonl"
    run = gold_as_run(load_gold(gold, "jsonl"), tmp_path / "run")
    report = evaluate(
        gold, "jsonl", run_dir=run, report_dir=tmp_path / "report", baseline="natasha"
    )

    assert report["systems"] == ["rusnews", "natasha"]
    assert report["n_docs"] == 2
    for metric in ("exact", "partial", "token"):
        assert report["scores"]["jsonl"][metric]["rusnews"]["micro"]["f1"] == 1.0
    assert report["difference"]["f1"]["jsonl"]["exact"]["micro"] > 0
    assert report["normalization"]["rusnews"]["all"]["accuracy"] == 1.0
    assert report["date_values"]["rusnews"]["all"] == {"accuracy": 1.0, "correct": 2, "n": 2}
    assert "natasha" in report["timings"] and "rusnews" not in report["timings"]

    written = json.loads((tmp_path / "report" / "report.json").read_text(encoding="utf-8"))
    assert written["scores"] == report["scores"]
    assert "| PER |" in (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    chart = (tmp_path / "report" / "f1.svg").read_text(encoding="utf-8")
    assert chart.startswith("<svg") and "rusnews · PER: 1.000" in chart


def test_evaluate_without_documents(tmp_path: Path) -> None:
    empty = tmp_path / "gold.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no gold documents"):
        evaluate(empty, "jsonl", run_dir=tmp_path)


# NEREL annotates a body named by a common noun (`Полиция`) and a place named
# by an adjective (`британской`); factRuEval, which `names` follows, neither.
NEREL_STYLE = {
    "id": "police",
    "text": "Полиция задержала сотрудника британской компании в Москве.",
    "mentions": [
        {"start": 0, "end": 7, "label": "ORG", "text": "Полиция"},
        {"start": 29, "end": 39, "label": "LOC", "text": "британской"},
        {"start": 51, "end": 57, "label": "LOC", "text": "Москве"},
    ],
}


@pytest.fixture(scope="module")
def nerel_style_gold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text(json.dumps(NEREL_STYLE, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_evaluate_live_under_each_profile(nerel_style_gold: Path) -> None:
    names = evaluate(nerel_style_gold, "jsonl")
    nerel = evaluate(nerel_style_gold, "jsonl", profile="nerel")
    assert (names["profile"], nerel["profile"]) == ("names", "nerel")
    exact = {
        report["profile"]: report["scores"]["jsonl"]["exact"]["rusnews"]
        for report in (names, nerel)
    }
    assert (exact["names"]["ORG"]["tp"], exact["nerel"]["ORG"]["tp"]) == (0, 1)
    assert (exact["names"]["LOC"]["tp"], exact["nerel"]["LOC"]["tp"]) == (1, 2)


def test_a_run_is_scored_under_the_profile_it_was_made_with(
    nerel_style_gold: Path, tmp_path: Path
) -> None:
    run = gold_as_run(load_gold(nerel_style_gold, "jsonl"), tmp_path / "run")
    assert (
        evaluate(nerel_style_gold, "jsonl", run_dir=run)["profile"] is None
    )  # no manifest: unknown
    (run / "manifest.json").write_text(
        json.dumps({"configuration": {"profile": "nerel"}}), encoding="utf-8"
    )
    assert evaluate(nerel_style_gold, "jsonl", run_dir=run)["profile"] == "nerel"
    with pytest.raises(RunError, match="made with profile 'nerel', not 'names'"):
        evaluate(nerel_style_gold, "jsonl", run_dir=run, profile="names")
