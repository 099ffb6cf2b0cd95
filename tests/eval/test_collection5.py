"""The Collection5 convention: its gold read as flat PER/ORG/LOC spans, scored from the
`all` profile's run through the Collection5 view, alone and in `rusnews eval-all`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rusnews.cli import app
from rusnews.eval.all_corpora import evaluate_all
from rusnews.eval.conventions import COLLECTION5, collection5_spans
from rusnews.eval.evaluate import evaluate, load_gold
from typer.testing import CliRunner

# Collection5's own types; the shared copy writes them as NEREL's, which read the same.
TEXT = (
    'Генпрокуратуры РФ проверит ОАО "Мечел", сообщили СМИ.\n'
    "В Кремле заявили, что Майкл Стил (Michael Steele) приедет в Москву.\n"
)
ANN = [
    ("ORG", "Генпрокуратуры"),
    ("GEOPOLIT", "РФ"),
    ("ORG", 'ОАО "Мечел'),  # Collection5 often stops before the closing quote
    ("MEDIA", "СМИ"),
    ("GEOPOLIT", "Кремле"),
    ("PER", "Майкл Стил (Michael Steele)"),
    ("LOC", "Москву"),
]


def write_collection5(folder: Path, name: str = "001") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    lines, pos = [], 0
    for number, (label, piece) in enumerate(ANN, 1):
        start = TEXT.index(piece, pos)
        pos = start + len(piece)
        lines.append(f"T{number}\t{label} {start} {pos}\t{piece}")
    (folder / f"{name}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_collection5_gold_is_flat_with_its_types_mapped(tmp_path: Path) -> None:
    doc = load_gold(write_collection5(tmp_path / "c5"), "brat")[0]
    spans = [(label, doc.text[start:end]) for label, start, end in collection5_spans(doc)]
    assert spans == [
        ("ORG", "Генпрокуратуры"),
        ("LOC", "РФ"),
        ("ORG", 'ОАО "Мечел"'),  # closed, as predictions are: compared modulo the quote
        ("ORG", "СМИ"),
        ("LOC", "Кремле"),
        ("PER", "Майкл Стил (Michael Steele)"),
        ("LOC", "Москву"),
    ]


def test_the_collection5_view_of_one_run_finds_every_span(tmp_path: Path) -> None:
    report = evaluate(write_collection5(tmp_path / "c5"), "brat", profile="all", records=False)
    exact = report["scores"][COLLECTION5.name]["exact"]["rusnews"]
    assert (exact["micro"]["tp"], exact["micro"]["n_pred"], exact["micro"]["n_gold"]) == (7, 7, 7)
    # The same run under NEREL's view keeps the owner inside and no `СМИ`.
    nerel = report["scores"]["nerel"]["exact"]["rusnews"]
    assert nerel["ORG"]["tp"] < exact["ORG"]["tp"]


def test_eval_all_scores_what_it_finds_and_says_what_is_missing(tmp_path: Path) -> None:
    corpora = tmp_path / "corpora"
    write_collection5(corpora / "collection5-dev")
    out = tmp_path / "report"
    result = CliRunner().invoke(app, ["eval-all", "--corpora", str(corpora), "--report", str(out)])
    assert result.exit_code == 0, result.output
    assert "collection5" in result.output and "factru-dev not found" in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["missing"] == ["factru-dev", "nerel-dev"]
    [row] = summary["summary"]
    assert (row["corpus"], row["convention"], row["micro"]) == (
        "collection5-dev",
        "collection5",
        1.0,
    )
    assert (out / "collection5-dev" / "report.json").is_file()
    assert "| collection5-dev | collection5 | exact |" in (out / "summary.md").read_text("utf-8")


def test_eval_all_without_any_corpus_says_where_it_looked(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="collection5-dev"):
        evaluate_all(tmp_path)


def test_collection5_dev_scores_higher_under_its_own_view(corpora: Path) -> None:
    # The first 60 documents: enough to show what the view is for, quick enough for the suite.
    report = evaluate(corpora / "collection5-dev", "brat", profile="all", records=False, limit=60)
    own = report["scores"]["collection5"]["exact"]["rusnews"]
    nerel = report["scores"]["nerel"]["exact"]["rusnews"]
    assert own["ORG"]["f1"] > nerel["ORG"]["f1"] + 0.1
    assert own["PER"]["f1"] > nerel["PER"]["f1"]
