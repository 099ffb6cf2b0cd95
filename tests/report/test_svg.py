"""The inline SVG charts: marks, scales and escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from rusnews.report.svg import (
    hbar_chart,
    map_chart,
    map_view,
    network_chart,
    nice_step,
    place_labels,
    stacked_columns,
)

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


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", "<svg xmlns='http://www.w3.org/2000/svg' ", 1))


def marks(svg: str, tag: str, kind: str) -> list[ET.Element]:
    return [e for e in parse(svg).iter(f"{SVG}{tag}") if e.get("class") == kind]


def test_network_draws_a_circle_per_node_and_a_line_per_pair() -> None:
    nodes = [
        ("Сергей Лавров", 3, "#c2569f"),
        ("Кая <Каллас>", 2, "#c2569f"),
        ("ЕС & Co", 1, "#2b9bb8"),
    ]
    svg = network_chart(nodes, [(0, 1, 2), (0, 2, 1)], "net", "Who meets whom")
    circles, lines = marks(svg, "circle", "node"), marks(svg, "line", "edge")
    assert [c.get("data-value") for c in circles] == ["3", "2", "1"]
    radii = [float(c.get("r")) for c in circles]
    assert radii[0] > radii[1] > radii[2]
    # Drawn light first; the heavier pair is the wider line.
    assert [line.get("data-value") for line in lines] == ["1", "2"]
    assert float(lines[1].get("stroke-width")) > float(lines[0].get("stroke-width"))
    assert "Кая &lt;Каллас&gt;" in svg and "ЕС &amp; Co" in svg and "<Каллас>" not in svg
    labels = {t.text for t in parse(svg).iter(f"{SVG}text") if t.get("class") == "node-label"}
    assert labels == {"Сергей Лавров", "Кая <Каллас>", "ЕС & Co"}
    assert "aria-label='Who meets whom'" in svg and "id='net'" in svg


def test_an_empty_network_and_map_say_so() -> None:
    assert "no meetings" in network_chart([], [], "net", "t")
    assert "no meetings" in network_chart([("a", 1, "#000")], [], "net", "t")
    assert "no location with coordinates" in map_chart([], "map", "t")


def test_labels_never_overlap_each_other_or_a_circle() -> None:
    # Ten circles on one spot: one label fits right of them, one left, one below, one above.
    found = place_labels([(f"место {i}", 200.0, 100.0, 6.0) for i in range(10)], 400, 200)
    assert [anchor for _, _, _, anchor in found] == ["start", "end", "middle", "middle"]
    # Near the right edge the first label goes left, inside the chart.
    (only,) = place_labels([("Владивосток", 395.0, 100.0, 4.0)], 400, 200)
    assert only[3] == "end" and only[1] <= 400


@pytest.mark.parametrize(
    ("points", "world"),
    [([(55.75, 37.62), (51.18, 71.45)], False), ([(35.68, 139.69), (38.9, -77.04)], True)],
)
def test_map_view_frames_the_points(points: list[tuple[float, float]], world: bool) -> None:
    (lat0, lat1), (lon0, lon1), step = map_view(points)
    assert all(lat0 < lat < lat1 and lon0 < lon < lon1 for lat, lon in points)
    assert ((lon0, lon1) == (-180, 180)) == world and step == (30 if world else 10)
    assert lat1 - lat0 >= 14 and lon1 - lon0 >= 24


def test_map_view_of_one_point_is_a_region_around_it() -> None:
    (lat0, lat1), (lon0, lon1), step = map_view([(89.0, 179.5)])
    assert -90 <= lat0 < 89 < lat1 <= 90 and -180 <= lon0 < 179.5 < lon1 <= 180
    assert (lat1 - lat0, lon1 - lon0, step) == (14, 24, 10)


def test_map_circles_grow_with_articles_under_a_graticule() -> None:
    places = [
        ("Москва", 55.75, 37.62, 16, "#4f9a3c"),
        ("Минск", 53.9, 27.57, 4, "#4f9a3c"),
        ("<Нарын>", 41.43, 76.0, 1, "#4f9a3c"),
    ]
    svg = map_chart(places, "map", "Where")
    circles = {c.find(f"{SVG}title").text.split(":")[0]: c for c in marks(svg, "circle", "place")}
    assert set(circles) == {"Москва", "Минск", "<Нарын>"}
    area = {name: float(c.get("r")) - 3 for name, c in circles.items()}
    # The radius above its floor grows with the square root of the articles.
    assert area["Москва"] == pytest.approx(2 * area["Минск"], abs=0.2)
    # East is right, north is up.
    assert float(circles["Москва"].get("cx")) > float(circles["Минск"].get("cx"))
    assert float(circles["<Нарын>"].get("cy")) > float(circles["Москва"].get("cy"))
    lines = marks(svg, "line", "graticule")
    assert len(lines) >= 4 and ">30°E<" in svg and ">50°N<" in svg
    assert "&lt;Нарын&gt;" in svg and "<Нарын>" not in svg


def test_map_labels_only_the_first_places() -> None:
    places = [(f"P{i}", 40.0 + i, 20.0 + 5 * i, 10 - i, "#4f9a3c") for i in range(8)]
    svg = map_chart(places, "map", "Where", n_labels=3)
    labels = [t.text for t in parse(svg).iter(f"{SVG}text") if t.get("class") == "place-label"]
    assert labels == ["P0", "P1", "P2"]
