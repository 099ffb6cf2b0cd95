"""Charts as inline SVG strings: the report page must open offline, with no script or CDN.

Every data mark is a `<rect class="bar">` with a `<title>` (the browser's
tooltip) and a `data-value`, so a test in a real browser can find and measure them.
"""

from __future__ import annotations

import math
from html import escape

from rusnews.report.layout import force_layout

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


def _overlaps(box: tuple[float, float, float, float], boxes: list[tuple[float, ...]]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in boxes)


def place_labels(
    marks: list[tuple[str, float, float, float]], width: float, height: float
) -> list[tuple[str, float, float, str]]:
    """Labels for circles (text, x, y, radius), most important first: right of the circle, else
    left, below or above, wherever the label stays inside and clear of those placed before;
    a label with no such spot is left off (the circle's tooltip still names it). Nor does a
    label cover any circle of `marks`. Returns (text, x, baseline y, text-anchor)."""
    placed: list[tuple[float, ...]] = [(x - r, y - r, x + r, y + r) for _, x, y, r in marks]
    found = []
    for text, x, y, r in marks:
        w, h = _text_width(text) * 0.9, 14.0
        spots = (
            (x + r + 3, y - h / 2, "start"),
            (x - r - 3 - w, y - h / 2, "end"),
            (x - w / 2, y + r + 1, "middle"),
            (x - w / 2, y - r - 1 - h, "middle"),
        )
        for left, top, anchor in spots:
            box = (left, top, left + w, top + h)
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                continue
            if _overlaps(box, placed):
                continue
            placed.append(box)
            tx = {"start": left, "end": left + w, "middle": left + w / 2}[anchor]
            found.append((text, tx, top + h - 3.5, anchor))
            break
    return found


def _labels(labels: list[tuple[str, float, float, str]], css: str) -> str:
    return "".join(
        f"<text class='{css}' x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}' {FONT} "
        f"fill='#222' paint-order='stroke' stroke='#fff' stroke-width='3'>{escape(text)}</text>"
        for text, x, y, anchor in labels
    )


def network_chart(
    nodes: list[tuple[str, int, str]],
    edges: list[tuple[int, int, int]],
    chart_id: str,
    title: str,
    width: int = 1040,
    height: int | None = None,
) -> str:
    """A network: nodes (label, events, colour) most connected first, sized by events (area);
    edges (node, node, events together), wider for more. Laid out by `force_layout`, in a
    chart taller the more nodes it has unless `height` is given."""
    if not nodes or not edges:
        return _empty(chart_id, title, width, "no meetings, negotiations or visits of two parties")
    height = height or min(560, 220 + 12 * len(nodes))
    pad_x, pad_y = 90, 26
    unit = force_layout(len(nodes), [(a, b, float(w)) for a, b, w in edges])
    xy = [(pad_x + u * (width - 2 * pad_x), pad_y + v * (height - 2 * pad_y)) for u, v in unit]
    top_events = max(n for _, n, _ in nodes)
    top_weight = max(w for _, _, w in edges)
    radius = [4 + 10 * math.sqrt(n / top_events) for _, n, _ in nodes]
    parts = [_open("network", chart_id, title, width, height)]
    # Light edges first, so a heavy one is never hidden under them.
    for a, b, w in sorted(edges, key=lambda e: e[2]):
        (x1, y1), (x2, y2) = xy[a], xy[b]
        parts.append(
            f"<line class='edge' data-value='{w}' x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' "
            f"y2='{y2:.1f}' stroke='#8a8a8a' stroke-opacity='0.6' "
            f"stroke-width='{1 + 5 * w / top_weight:.1f}' stroke-linecap='round'>"
            f"<title>{escape(nodes[a][0])} — {escape(nodes[b][0])}: {w}</title></line>"
        )
    for (label, n, color), (x, y), r in zip(nodes, xy, radius):
        parts.append(
            f"<circle class='node' data-value='{n}' cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}' "
            f"fill='{_attr(color)}' stroke='#fff' stroke-width='1.5'>"
            f"<title>{escape(label)}: {n} events</title></circle>"
        )
    marks = [(label, x, y, r) for (label, _, _), (x, y), r in zip(nodes, xy, radius)]
    parts.append(_labels(place_labels(marks, width, height), "node-label"))
    parts.append("</svg>")
    return "".join(parts)


def _span(
    low: float, high: float, least: float, lowest: float, highest: float
) -> tuple[float, float]:
    """The range padded by a tenth on each side and widened to at least `least`, kept inside
    [lowest, highest]."""
    pad = max((high - low) * 0.1, 1.0)
    low, high = low - pad, high + pad
    if high - low < least:
        middle = (low + high) / 2
        low, high = middle - least / 2, middle + least / 2
    if low < lowest:
        low, high = lowest, min(highest, high + lowest - low)
    if high > highest:
        low, high = max(lowest, low - (high - highest)), highest
    return low, high


def map_view(
    points: list[tuple[float, float]],
) -> tuple[tuple[float, float], tuple[float, float], int]:
    """The (lat, lon) box a map of the points shows and its graticule step in degrees: the
    points' bounding box, padded, at least 14° × 24° so a 10° line always crosses it; every
    longitude, with lines every 30°, when they span more than a hemisphere."""
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    lat = _span(min(lats), max(lats), 14, -90, 90)
    if max(lons) - min(lons) > 150 or max(lats) - min(lats) > 80:
        return lat, (-180.0, 180.0), 30
    lon = _span(min(lons), max(lons), 24, -180, 180)
    return lat, lon, 30 if lon[1] - lon[0] > 100 else 10


def _degrees(value: int, positive: str, negative: str) -> str:
    return f"{abs(value)}°{positive if value > 0 else negative if value < 0 else ''}"


def map_chart(
    places: list[tuple[str, float, float, int, str]],
    chart_id: str,
    title: str,
    width: int = 1040,
    max_height: int = 560,
    n_labels: int = 15,
) -> str:
    """Places (name, latitude, longitude, articles, colour), most articles first, as circles
    whose area grows with articles, on an equirectangular projection of their box (its parallels
    true to scale at the box's middle latitude) under a graticule; no coastlines."""
    if not places:
        return _empty(chart_id, title, width, "no location with coordinates")
    (lat0, lat1), (lon0, lon1), step = map_view([(p[1], p[2]) for p in places])
    squeeze = math.cos(math.radians(min(abs((lat0 + lat1) / 2), 60)))
    left, right, top_pad, bottom = 40, 12, 10, 22
    scale = min(
        (width - left - right) / ((lon1 - lon0) * squeeze),
        (max_height - top_pad - bottom) / (lat1 - lat0),
    )
    plot_w, plot_h = (lon1 - lon0) * squeeze * scale, (lat1 - lat0) * scale
    width, height = math.ceil(left + plot_w + right), math.ceil(top_pad + plot_h + bottom)

    def project(lat: float, lon: float) -> tuple[float, float]:
        return left + (lon - lon0) * squeeze * scale, top_pad + (lat1 - lat) * scale

    parts = [
        _open("map", chart_id, title, width, height),
        f"<rect class='sea' x='{left}' y='{top_pad}' width='{plot_w:.1f}' height='{plot_h:.1f}' "
        "fill='#eef3f7' stroke='#b9c6d2'/>",
    ]
    for lon in range(math.ceil(lon0 / step) * step, math.floor(lon1) + 1, step):
        x, _ = project(lat0, lon)
        parts.append(
            f"<line class='graticule' x1='{x:.1f}' x2='{x:.1f}' y1='{top_pad}' "
            f"y2='{top_pad + plot_h:.1f}' stroke='#cdd7e0'/>"
            f"<text x='{x:.1f}' y='{top_pad + plot_h + 15:.1f}' text-anchor='middle' {FONT} "
            f"fill='#555'>{_degrees(lon, 'E', 'W')}</text>"
        )
    for lat in range(math.ceil(lat0 / step) * step, math.floor(lat1) + 1, step):
        _, y = project(lat, lon0)
        parts.append(
            f"<line class='graticule' x1='{left}' x2='{left + plot_w:.1f}' y1='{y:.1f}' "
            f"y2='{y:.1f}' stroke='#cdd7e0'/>"
            f"<text x='{left - 4}' y='{y + 4:.1f}' text-anchor='end' {FONT} "
            f"fill='#555'>{_degrees(lat, 'N', 'S')}</text>"
        )
    top = max(p[3] for p in places) or 1
    marks = []
    # Big circles first, so a small place on top of a big one stays visible.
    for name, lat, lon, n, color in sorted(places, key=lambda p: -p[3]):
        x, y = project(lat, lon)
        r = 3 + 15 * math.sqrt(max(n, 0) / top)
        marks.append((name, x, y, r))
        parts.append(
            f"<circle class='place' data-value='{n}' cx='{x:.1f}' cy='{y:.1f}' r='{r:.1f}' "
            f"fill='{_attr(color)}' fill-opacity='0.55' stroke='{_attr(color)}'>"
            f"<title>{escape(name)}: {n} articles</title></circle>"
        )
    # Only the labelled circles keep labels off: in a dense region every spot is over some
    # small circle, and the white halo keeps the text legible there.
    parts.append(_labels(place_labels(marks[:n_labels], width, height), "place-label"))
    parts.append("</svg>")
    return "".join(parts)
