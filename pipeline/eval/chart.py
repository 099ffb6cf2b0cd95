"""The F1 chart of an evaluation as one SVG file: grouped bars per type, a panel per metric.

Drawn as text, like the run report's charts: no plotting library to install,
and the file opens in any browser or Markdown viewer. Every bar is a
`<rect class="bar">` with its F1 in `data-value` and a `<title>` tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from rusnews.report.svg import FONT, PALETTE

PANEL_W, PANEL_H = 300, 210
PLOT_LEFT, PLOT_TOP, PLOT_BOTTOM = 34, 28, 26
COLUMNS = 3
LEGEND_H = 26


def _f1(scores: dict, system: str, label: str) -> float | None:
    return (scores.get(system, {}).get(label) or {}).get("f1")


def _panel(
    title: str, scores: dict, systems: list[str], labels: list[str], x0: float, y0: float
) -> list[str]:
    plot_w = PANEL_W - PLOT_LEFT - 8
    plot_h = PANEL_H - PLOT_TOP - PLOT_BOTTOM
    base = y0 + PLOT_TOP + plot_h
    parts = [
        f"<text x='{x0 + PANEL_W / 2:.1f}' y='{y0 + 16}' text-anchor='middle' {FONT}>"
        f"{escape(title)}</text>"
    ]
    for tick in (0.0, 0.5, 1.0):
        y = base - plot_h * tick
        parts.append(
            f"<line x1='{x0 + PLOT_LEFT}' x2='{x0 + PANEL_W - 8}' y1='{y:.1f}' y2='{y:.1f}' "
            f"stroke='#e3e3e3'/><text x='{x0 + PLOT_LEFT - 4}' y='{y + 4:.1f}' "
            f"text-anchor='end' {FONT} fill='#555'>{tick:.1f}</text>"
        )
    slot = plot_w / max(1, len(labels))
    bar_w = slot * 0.8 / max(1, len(systems))
    for i, label in enumerate(labels):
        left = x0 + PLOT_LEFT + i * slot + slot * 0.1
        for j, system in enumerate(systems):
            value = _f1(scores, system, label)
            if value is None:  # not scored: no bar, rather than a bar of zero
                continue
            h = plot_h * max(0.0, min(1.0, value))
            x = left + j * bar_w
            parts.append(
                f"<rect class='bar' data-value='{value:.3f}' x='{x:.1f}' y='{base - h:.1f}' "
                f"width='{bar_w:.1f}' height='{h:.1f}' fill='{PALETTE[j % len(PALETTE)]}'>"
                f"<title>{escape(title)} · {escape(system)} · {escape(label)}: {value:.3f}"
                f"</title></rect>"
            )
        parts.append(
            f"<text x='{left + slot * 0.4:.1f}' y='{base + 16}' text-anchor='middle' {FONT} "
            f"fill='#555'>{escape(label)}</text>"
        )
    return parts


def f1_chart(report: dict, systems: list[str], labels_of: Callable[[dict], list[str]]) -> str:
    """The SVG text: one panel per (convention, metric) of `report["scores"]`."""
    panels = [
        (f"{convention} · {metric}", by_system)
        for convention, by_metric in report["scores"].items()
        for metric, by_system in by_metric.items()
    ]
    columns = max(1, min(COLUMNS, len(panels)))
    rows = (len(panels) + columns - 1) // columns
    width, height = PANEL_W * columns, LEGEND_H + PANEL_H * rows
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart f1' role='img' "
        f"aria-label='F1 per type' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}'><rect width='100%' height='100%' fill='white'/>"
    ]
    x = 8.0
    for j, system in enumerate(systems):
        parts.append(
            f"<rect x='{x:.1f}' y='8' width='12' height='12' fill='{PALETTE[j % len(PALETTE)]}'/>"
            f"<text x='{x + 16:.1f}' y='18' {FONT}>{escape(system)}</text>"
        )
        x += 28 + 7.5 * len(system)
    for k, (title, by_system) in enumerate(panels):
        row, col = divmod(k, columns)
        parts += _panel(
            title, by_system, systems, labels_of(by_system), col * PANEL_W, LEGEND_H + row * PANEL_H
        )
    parts.append("</svg>")
    return "".join(parts)
