"""Charts as inline SVG strings: the report page must open offline, with no script or CDN.

Every data mark is a `<rect class="bar">` with a `<title>` (the browser's
tooltip) and a `data-value`, so a test in a real browser can find and measure them.
"""

from __future__ import annotations

import math
from html import escape

FONT = "font-family='system-ui, sans-serif' font-size='12'"
# Tableau 10: distinguishable for most colour vision, and on white.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def nice_step(top: float, ticks: int = 4) -> int:
    """A round tick step (1, 2, 5 × 10^k) giving about `ticks` gridlines up to `top`."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _text_width(text: str) -> float:
    # No font metrics without a browser: at 12 px a capital is about 8.5 px
    # wide (NEGOTIATION), a lowercase letter or digit about 7.
    return sum(8.5 if ch.isupper() else 7.0 for ch in text)


def _open(kind: str, chart_id: str, title: str, width: int, height: int) -> str:
    return (
        f"<svg class='chart {kind}' id='{_attr(chart_id)}' role='img' aria-label='{_attr(title)}' "
        f"width='{width}' height='{height}' viewBox='0 0 {width} {height}'>"
    )


def _empty(chart_id: str, title: str, width: int, message: str) -> str:
    return (
        f"{_open('empty', chart_id, title, width, 40)}"
        f"<text x='0' y='24' {FONT} fill='#666'>{escape(message)}</text></svg>"
    )


def hbar_chart(
    items: list[tuple[str, int, str]], chart_id: str, title: str, width: int = 560, row: int = 24
) -> str:
    """Horizontal bars, one per (label, value, colour), labels on the left and values at the
    bar's end."""
    if not items or not any(value for _, value, _ in items):
        return _empty(chart_id, title, width, "nothing to chart")
    label_w = min(max(_text_width(label) for label, _, _ in items) + 12, width * 0.45)
    value_w = _text_width(str(max(v for _, v, _ in items))) + 10
    plot_w = width - label_w - value_w
    top = max(v for _, v, _ in items)
    height = row * len(items) + 8
    parts = [_open("hbar", chart_id, title, width, height)]
    for i, (label, value, color) in enumerate(items):
        y = 4 + i * row
        bar_w = plot_w * value / top if top else 0
        parts.append(
            f"<text x='{label_w - 8:.1f}' y='{y + row * 0.62:.1f}' text-anchor='end' {FONT}>"
            f"{escape(label)}</text>"
            f"<rect class='bar' data-value='{value}' x='{label_w:.1f}' y='{y + 3}' "
            f"width='{bar_w:.1f}' height='{row - 6}' fill='{_attr(color)}'>"
            f"<title>{escape(label)}: {value}</title></rect>"
            f"<text x='{label_w + bar_w + 4:.1f}' y='{y + row * 0.62:.1f}' {FONT}>{value}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns(
    buckets: list[str],
    series: dict[str, list[int]],
    colors: dict[str, str],
    chart_id: str,
    title: str,
    width: int = 1040,
    height: int = 300,
) -> str:
    """Columns over time, one per bucket, stacked by series, with a y axis and sparse x labels."""
    totals = [sum(values[i] for values in series.values()) for i in range(len(buckets))]
    if not buckets or not any(totals):
        return _empty(chart_id, title, width, "no dated events to chart")
    rotate = len(buckets) > 12
    left, right, top_pad = 44, 12, 10
    bottom = 70 if rotate else 26
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    step = nice_step(max(totals))
    y_max = step * math.ceil(max(totals) / step)
    slot = plot_w / len(buckets)
    bar_w = max(slot * 0.8, 1.0)
    # At most about 24 labels, so they never overlap even when rotated.
    every = max(1, math.ceil(len(buckets) / 24))
    parts = [_open("columns", chart_id, title, width, height)]
    for tick in range(0, y_max + 1, step):
        y = top_pad + plot_h * (1 - tick / y_max)
        parts.append(
            f"<line x1='{left}' x2='{width - right}' y1='{y:.1f}' y2='{y:.1f}' stroke='#e3e3e3'/>"
            f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end' {FONT} fill='#555'>"
            f"{tick}</text>"
        )
    for i, bucket in enumerate(buckets):
        x = left + i * slot + (slot - bar_w) / 2
        base = top_pad + plot_h
        for name, values in series.items():
            if not values[i]:
                continue
            h = plot_h * values[i] / y_max
            base -= h
            parts.append(
                f"<rect class='bar' data-value='{values[i]}' x='{x:.1f}' y='{base:.1f}' "
                f"width='{bar_w:.1f}' height='{h:.1f}' fill='{_attr(colors[name])}'>"
                f"<title>{escape(bucket)} · {escape(name)}: {values[i]}</title></rect>"
            )
        if i % every == 0:
            lx, ly = left + (i + 0.5) * slot, top_pad + plot_h + 14
            turn = (
                f" transform='rotate(-45 {lx:.1f} {ly:.1f})' text-anchor='end'"
                if rotate
                else " text-anchor='middle'"
            )
            parts.append(
                f"<text x='{lx:.1f}' y='{ly:.1f}'{turn} {FONT} fill='#555'>{escape(bucket)}</text>"
            )
    parts.append(
        f"<line x1='{left}' x2='{width - right}' y1='{top_pad + plot_h}' y2='{top_pad + plot_h}' "
        "stroke='#888'/></svg>"
    )
    return "".join(parts)
