"""The inline SVG charts: marks, scales and escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from rusnews.report.svg import hbar_chart, nice_step, stacked_columns

SVG = "{http://www.w3.org/2000/svg}"


def bars(svg: str) -> list[ET.Element]:
    # Parsing is itself a check: the chart must be well-formed XML to embed safely.
    root = ET.fromstring(svg.replace("<svg ", "<svg xmlns='http://www.w3.org/2000/svg' ", 1))
    return [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]


@pytest.mark.parametrize(
    ("top", "step"), [(3, 1), (8, 2), (19, 5), (28, 10), (191, 50), (1032, 500)]
)
def test_nice_step(top: int, step: int) -> None:
    assert nice_step(top) == step


def test_hbar_widths_are_proportional_and_labels_escaped() -> None:
    svg = hbar_chart([("PER", 60, "#c2569f"), ("<ORG & co>", 30, "#2b9bb8")], "c", "Mentions")
    found = bars(svg)
    assert [b.get("data-value") for b in found] == ["60", "30"]
    widths = [float(b.get("width")) for b in found]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.2)
    assert "&lt;ORG &amp; co&gt;" in svg and "<ORG" not in svg


def test_empty_charts_say_so() -> None:
    assert "nothing to chart" in hbar_chart([], "c", "t")
    assert "no dated events" in stacked_columns([], {}, {}, "c", "t")


def test_stacked_columns_stack_each_bucket_and_skip_zero_segments() -> None:
    svg = stacked_columns(
        ["2025-12-01", "2025-12-02", "2025-12-03"],
        {"MEETING": [2, 0, 1], "STATEMENT": [1, 0, 0]},
        {"MEETING": "#4e79a7", "STATEMENT": "#f28e2b"},
        "c",
        "Events",
    )
    found = bars(svg)
    assert len(found) == 3  # zero counts draw nothing
    first_day = [b for b in found if float(b.get("x")) < 400]
    heights = sorted(float(b.get("height")) for b in first_day[:2])
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.2)
    # The two segments of a day touch: one starts where the other ends.
    (lower, upper) = sorted(first_day[:2], key=lambda b: -float(b.get("y")))
    assert float(upper.get("y")) + float(upper.get("height")) == pytest.approx(
        float(lower.get("y")), abs=0.2
    )
    assert len(re.findall(r">2025-12-0\d<", svg)) == 3  # every bucket labelled when there are few
