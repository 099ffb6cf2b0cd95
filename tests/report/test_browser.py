"""The report in a real headless browser: every chart laid out with visible bars, and a
screenshot."""

from __future__ import annotations

import base64
import json
import re
import struct
from html import unescape
from pathlib import Path

import pytest
from rusnews.report import summarize, write_report

from tests.report.chromium import dump_dom, find_chromium, screenshot

# A headless Chromium started per page.
pytestmark = pytest.mark.slow

CHARTS = {
    "chart-mentions",
    "chart-event-types",
    "chart-events-over-time",
    "chart-network",
    "chart-map",
}

# Injected into a copy of the page (the report itself has no script): measures
# what the browser actually laid out and writes it into the DOM for --dump-dom.
PROBE = """<script>
(() => {
  const charts = [...document.querySelectorAll('svg.chart')].map(svg => {
    const box = svg.getBoundingClientRect();
    // The data marks: bars, the network's nodes, the map's places.
    const bars = [...svg.querySelectorAll('rect.bar, circle.node, circle.place')];
    const drawn = bars.filter(r => { const b = r.getBBox(); return b.width > 0 && b.height > 0; });
    const visible = (selector) => [...svg.querySelectorAll(selector)].filter(
      e => { const b = e.getBoundingClientRect(); return b.width > 0 || b.height > 0; }).length;
    return {id: svg.id, width: box.width, height: box.height, bars: bars.length,
            drawn: drawn.length,
            total: drawn.reduce((sum, r) => sum + Number(r.dataset.value), 0),
            edges: visible('line.edge'), graticule: visible('line.graticule'),
            labels: visible('text.node-label, text.place-label')};
  });
  const images = [...document.images].map(
    img => ({complete: img.complete, width: img.naturalWidth}));
  const out = document.createElement('pre');
  out.id = 'render-check';
  out.textContent = JSON.stringify({charts, images});
  document.body.appendChild(out);
})();
</script>"""


@pytest.fixture(scope="module")
def browser() -> str:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no chromium binary on PATH (Debian: apt-get install -y chromium; .ci/run installs it)"
        )
    return binary


@pytest.fixture(scope="module")
def report(sample_run: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(sample_run, tmp_path_factory.mktemp("report") / "report.html")


# The screenshot's pixels, read by the browser itself: drawn onto a canvas from
# a data: URL (a file:// image would taint the canvas), then counted.
PIXELS = """<!doctype html><img id="shot" src="data:image/png;base64,{png}"><script>
// On `load`: under --virtual-time-budget, the promise of img.decode() never settles.
window.addEventListener('load', () => {{
  const img = document.getElementById('shot');
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set(), sum = [0, 0, 0], squares = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) {{
    colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    for (let c = 0; c < 3; c++) {{
      sum[c] += data[i + c] / 255;
      squares[c] += (data[i + c] / 255) ** 2;
    }}
  }}
  const n = data.length / 4;
  const std = sum.map((s, c) => Math.sqrt(squares[c] / n - (s / n) ** 2));
  const out = document.createElement('pre');
  out.id = 'render-check';
  out.textContent = JSON.stringify({{colours: colours.size, std}});
  document.body.appendChild(out);
}});
</script>"""


def probe(dom: str) -> dict:
    found = re.search(r'<pre id="render-check">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the probe script did not run: " + dom[-500:]
    return json.loads(unescape(found.group(1)))


def test_charts_are_rendered_in_chromium(
    browser: str, report: Path, sample_run: Path, tmp_path: Path
) -> None:
    page = tmp_path / "probed.html"
    page.write_text(
        report.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    dom = dump_dom(browser, page, tmp_path / "profile")
    found = probe(dom)
    charts = {c["id"]: c for c in found["charts"]}
    assert set(charts) == CHARTS
    for chart in charts.values():
        assert chart["width"] > 0 and chart["height"] > 0, chart
        assert chart["bars"] > 0 and chart["drawn"] == chart["bars"], chart
    expected = summarize(sample_run)
    # The bars add up to the run's numbers: nothing lost between the tables and the screen.
    assert charts["chart-mentions"]["total"] == expected.n_mentions
    assert charts["chart-event-types"]["total"] == expected.n_events
    assert charts["chart-events-over-time"]["total"] == expected.timeline.drawn > 0
    network, places = charts["chart-network"], charts["chart-map"]
    assert network["bars"] == len(expected.network.nodes) > 0
    assert network["total"] == sum(p.events for p in expected.network.nodes)
    assert network["edges"] == len(expected.network.edges) > 0 and network["labels"] > 0
    assert places["bars"] == expected.places.located > 0
    assert places["total"] == sum(p.articles for p in expected.places.places)
    assert places["graticule"] >= 2 and places["labels"] > 0
    assert all(img["complete"] and img["width"] > 0 for img in found["images"])
    text = re.sub(r"<[^>]+>", " ", dom)
    assert "Top persons" in text and "Алибек Бакаев" in text and "No errors" in text


def test_screenshot_shows_a_page(browser: str, report: Path, tmp_path: Path) -> None:
    png = screenshot(browser, report, tmp_path / "report.png", tmp_path / "profile")
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert (width, height) == (1280, 2000)
    page = tmp_path / "pixels.html"
    page.write_text(PIXELS.format(png=base64.b64encode(data).decode()), encoding="utf-8")
    pixels = probe(dump_dom(browser, page, tmp_path / "profile"))
    # A blank or error page has a handful of colours; text, charts and cards have many.
    assert pixels["colours"] > 100
    assert any(std > 0.05 for std in pixels["std"])
