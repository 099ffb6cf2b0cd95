"""The evaluation's F1 chart: an SVG file whose bars are the report's F1 values."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from rusnews.eval import score_systems, write_reports
from rusnews.eval.gold import GoldDoc, GoldSpan
from rusnews.model import Mention

SVG = "{http://www.w3.org/2000/svg}"
TEXT = "Юрий Лужков посетил Казань <b>&</b>."


def _report() -> dict:
    doc = GoldDoc(
        "a",
        TEXT,
        spans=[
            GoldSpan("PER", 0, 11, "Юрий Лужков", normal="Юрий Лужков"),
            GoldSpan("LOC", 20, 26, "Казань", normal="Казань"),
        ],
    )
    found = {
        "rusnews <1>": {
            "a": [Mention(0, 11, "Юрий Лужков", "PER"), Mention(20, 26, "Казань", "LOC")]
        },
        "natasha": {"a": [Mention(0, 11, "Юрий Лужков", "PER")]},
    }
    return score_systems([doc], "jsonl", found, {})


def test_chart_bars_are_the_reports_f1(tmp_path: Path) -> None:
    report = _report()
    paths = write_reports(report, tmp_path)
    assert paths["chart"].endswith("f1.svg")
    root = ET.parse(paths["chart"]).getroot()  # well-formed: the system name's `<` is escaped
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    expected = [
        f"{scores['f1']:.3f}"
        for by_metric in report["scores"].values()
        for by_system in by_metric.values()
        for system in report["systems"]
        for scores in by_system.get(system, {}).values()
        if scores and scores.get("f1") is not None
    ]
    assert sorted(bar.get("data-value") for bar in bars) == sorted(expected)
    titles = [bar.find(f"{SVG}title").text for bar in bars]
    assert "jsonl · exact · rusnews <1> · LOC: 1.000" in titles
    assert "jsonl · exact · natasha · LOC: 0.000" in titles
