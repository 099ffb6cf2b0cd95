import io
from pathlib import Path

import pytest
from rich.console import Console
from rusnews.eval import print_report, score_systems, write_reports
from rusnews.eval.gold import GoldDoc, GoldSpan
from rusnews.eval.report import fmt, render_markdown, score_rows
from rusnews.model import Mention

TEXT = "Юрий Лужков посетил Казань."


@pytest.fixture(scope="module")
def report() -> dict:
    doc = GoldDoc(
        "a",
        TEXT,
        spans=[
            GoldSpan("PER", 0, 11, "Юрий Лужков", normal="Юрий Лужков"),
            GoldSpan("LOC", 20, 26, "Казань", normal="Казань"),
        ],
    )
    rusnews = {
        "a": [
            Mention(0, 11, "Юрий Лужков", "PER", normal="Юрий Лужков"),
            Mention(20, 26, "Казань", "LOC", normal="Казань"),
        ]
    }
    natasha = {"a": [Mention(0, 11, "Юрий Лужков", "PER", normal="Юрий Лужков")]}
    return score_systems([doc], "jsonl", {"rusnews": rusnews, "natasha": natasha}, {"natasha": 2.0})


def test_fmt() -> None:
    assert (fmt(None), fmt(0.5), fmt(0.25, signed=True)) == ("—", "0.500", "+0.250")


def test_score_rows_show_both_systems_and_the_difference(report: dict) -> None:
    header, rows = score_rows(report, "jsonl", "exact")
    assert header == [
        "type",
        "rusnews P",
        "rusnews R",
        "rusnews F1",
        "natasha P",
        "natasha R",
        "natasha F1",
        "ΔF1",
        "gold",
    ]
    assert rows == [
        ["PER", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "+0.000", "1"],
        # natasha predicted no LOC: its precision is absent, not zero
        ["LOC", "1.000", "1.000", "1.000", "—", "0.000", "0.000", "+1.000", "1"],
        ["micro", "1.000", "1.000", "1.000", "1.000", "0.500", "0.667", "+0.333", "2"],
    ]


def test_print_report(report: dict) -> None:
    out = io.StringIO()
    print_report(report, Console(file=out, width=100))
    printed = out.getvalue()
    assert "jsonl · exact" in printed and "normal forms" in printed
    assert "natasha: 2.0 s" in printed


def test_the_profile_is_stated(report: dict) -> None:
    stated = {**report, "profile": "nerel"}
    out = io.StringIO()
    print_report(stated, Console(file=out, width=100))
    assert "rusnews profile: nerel" in out.getvalue()
    assert "rusnews profile: `nerel`." in render_markdown(stated)
    assert "profile" not in render_markdown(report)  # scores from a system of unknown profile


def test_markdown_and_files(report: dict, tmp_path: Path) -> None:
    markdown = render_markdown(report)
    assert "| LOC | 1.000 | 1.000 | 1.000 | — | 0.000 | 0.000 | +1.000 | 1 |" in markdown
    assert "## natasha: most frequent errors" in markdown
    files = write_reports(report, tmp_path / "out")
    assert sorted(files) == ["chart", "json", "markdown"]
    assert all(Path(path).stat().st_size > 0 for path in files.values())
