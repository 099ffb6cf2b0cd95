"""The run report as one self-contained HTML page: inline CSS and SVG, no script, no network."""

from __future__ import annotations

from datetime import date
from html import escape

import pandas as pd
from rusnews.io.walk import READ
from rusnews.model import DATE, DAY, LOC, MONTH, ORG, PER, WARNING
from rusnews.report.network import NETWORK_TYPES, Network
from rusnews.report.places import CORPUS, Places
from rusnews.report.summary import OTHER, RunSummary, Timeline, TopEntity
from rusnews.report.svg import PALETTE, hbar_chart, map_chart, network_chart, stacked_columns
from rusnews.show import COLORS

# Darker than displaCy's highlight colours (COLORS), which are pale behind text
# but too faint as bars; same hues, so a label looks alike everywhere.
LABEL_COLORS = {PER: "#c2569f", ORG: "#2b9bb8", LOC: "#4f9a3c", DATE: "#c99a16"}
TOP_TITLES = {PER: "Top persons", ORG: "Top organizations", LOC: "Top locations"}
MAX_ERROR_ROWS = 500

CSS = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 0; color: #222; \
background: #f6f6f4; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px; }
.meta { color: #555; margin: 0 0 18px; font-size: 14px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 16px; \
min-width: 120px; }
.card b { display: block; font-size: 26px; } .card span { color: #555; font-size: 13px; }
.card.bad b { color: #b3261e; }
section { margin-top: 20px; }
.row { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-start; }
.panel { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; \
flex: 1 1 300px; overflow-x: auto; }
.panel h2 { margin-top: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; margin: 6px 0; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; \
vertical-align: -1px; border-radius: 2px; }
.note { color: #555; font-size: 13px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
th { color: #555; font-weight: 600; } \
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.msg { word-break: break-word; }
"""


def _card(value: object, label: str, bad: bool = False) -> str:
    return (
        f"<div class='card{' bad' if bad else ''}'><b>{escape(str(value))}</b>"
        f"<span>{escape(label)}</span></div>"
    )


def _legend(colors: dict[str, str]) -> str:
    items = "".join(
        f"<span><i style='background:{escape(c, quote=True)}'></i>{escape(name)}</span>"
        for name, c in colors.items()
    )
    return f"<div class='legend'>{items}</div>"


def _bucket_label(bucket: date, period: str) -> str:
    if period == DAY:
        return bucket.isoformat()
    if period == MONTH:
        return bucket.strftime("%Y-%m")
    return str(bucket.year)


def _timeline_note(t: Timeline, total: int) -> str:
    if t.period is None:
        return (
            f"None of the {total} events has a date "
            "(neither the text nor a publication date gives one)."
        )
    parts = [
        f"{t.drawn} of {total} events drawn, by {t.period}.",
        f"Placed by their own date (the one their sentence names): {t.own}; "
        f"by their article's publication date, having none of their own: {t.by_published}; "
        f"by neither, no date at all: {t.undated}.",
    ]
    if t.too_coarse:
        parts.append(f"{t.too_coarse} are dated only to a coarser period than a {t.period}.")
    if t.outside and t.outside_range:
        first, last = t.outside_range
        span = first if first == last else f"{first} … {last}"
        parts.append(
            f"{t.outside} are far from all the other dates ({span}) and left off the axis."
        )
    return " ".join(parts)


def _header(s: RunSummary) -> str:
    meta = []
    if s.manifest.get("input"):
        meta.append(f"input {escape(str(s.manifest['input']))}")
    if s.published_range:
        first, last = s.published_range
        meta.append(f"published {first.isoformat()} – {last.isoformat()}")
    else:
        meta.append("no publication dates")
    timings = s.manifest.get("timings")
    # The manifest is informative only: a field of another shape is skipped, never fatal.
    if isinstance(timings, dict) and isinstance(timings.get("total_s"), (int, float)):
        rate = timings.get("articles_per_s")
        meta.append(
            f"processed in {timings['total_s']:.1f} s"
            + (f" ({rate:.1f} articles/s)" if isinstance(rate, (int, float)) else "")
        )
    if s.manifest.get("version"):
        meta.append(f"rusnews {escape(str(s.manifest['version']))}")
    return (
        f"<h1>rusnews run: {escape(s.run_dir.name or str(s.run_dir))}</h1>"
        f"<p class='meta'>{escape(str(s.run_dir))} · {' · '.join(meta)}</p>"
    )


def _cards(s: RunSummary) -> str:
    cards = [
        _card(s.n_articles, "articles"),
        _card(s.n_mentions, "mentions"),
        _card(s.n_entities, f"entities ({s.n_keys} distinct PER/ORG/LOC across articles)"),
        _card(s.n_events, f"events ({s.n_arguments} arguments)"),
        _card(s.n_occupations, "occupations (who holds which post)"),
        _card(s.n_ownerships, "ownerships (who owns or founded what)"),
        _card(s.n_deals, "deals (events with a deal type)"),
        _card(s.n_errors - s.n_warnings, "errors", bad=s.n_errors > s.n_warnings),
    ]
    if s.n_warnings:
        cards.append(_card(s.n_warnings, "warnings (articles kept after a repair)"))
    if s.n_failed:
        cards.insert(1, _card(s.n_failed, "articles failed", bad=True))
    cards += [_card(n, f"{label} mentions") for label, n in s.mentions_by_label.items()]
    return f"<section class='cards'>{''.join(cards)}</section>"


def _counts_charts(s: RunSummary) -> str:
    labels = [
        (label, n, LABEL_COLORS.get(label, COLORS.get(label, "#888")))
        for label, n in s.mentions_by_label.items()
    ]
    types = [(t, n, PALETTE[0]) for t, n in s.events_by_type.items()]
    return (
        "<section class='row'>"
        f"<div class='panel'><h2>Mentions per label</h2>"
        f"{hbar_chart(labels, 'chart-mentions', 'Mentions per label', width=460)}</div>"
        f"<div class='panel'><h2>Events per type</h2>"
        f"{hbar_chart(types, 'chart-event-types', 'Events per type', width=520, row=20)}</div>"
        "</section>"
    )


def _timeline(s: RunSummary) -> str:
    t = s.timeline
    colors = {
        name: ("#9e9e9e" if name == OTHER else PALETTE[i % len(PALETTE)])
        for i, name in enumerate(t.series)
    }
    labels = [_bucket_label(b, t.period) for b in t.buckets] if t.period else []
    chart = stacked_columns(
        labels, t.series, colors, "chart-events-over-time", "Events by type over time"
    )
    return (
        f"<section class='panel'><h2>Events by type over time</h2>{_legend(colors)}{chart}"
        f"<p class='note'>{escape(_timeline_note(t, s.n_events))}</p></section>"
    )


def _network_note(n: Network) -> str:
    kinds = ", ".join(NETWORK_TYPES)
    if not n.n_joint:
        return (
            f"No event of type {kinds} with two parties or more in this run "
            f"({n.n_events} such events in all)."
        )
    shown = (
        f"all {n.n_parties} parties and {n.n_pairs} pairs"
        if len(n.nodes) == n.n_parties
        else f"the {len(n.nodes)} most connected of {n.n_parties} parties, "
        f"{len(n.edges)} of {n.n_pairs} pairs"
    )
    return (
        f"{n.n_joint} of the {n.n_events} events of type {kinds} have two parties or more "
        "(persons, organizations, places acting as one; not the place where they meet). "
        f"Shown: {shown}. A circle's area grows with the events a party takes part in, "
        "a line's width with the events two share; one node per corpus entity."
    )


def _network(s: RunSummary) -> str:
    n = s.network
    index = {p.key: i for i, p in enumerate(n.nodes)}
    nodes = [(p.name, p.events, LABEL_COLORS.get(p.label, "#888")) for p in n.nodes]
    edges = [(index[e.a], index[e.b], e.events) for e in n.edges]
    chart = network_chart(nodes, edges, "chart-network", "Who meets whom")
    if n.top_pairs:
        rows = "".join(
            f"<tr><td>{escape(n.names[p.a])}</td><td>{escape(n.names[p.b])}</td>"
            f"<td class='n'>{p.events}</td><td class='n'>{p.articles}</td></tr>"
            for p in n.top_pairs
        )
        table = (
            "<table id='top-pairs'><tr><th>party</th><th>party</th><th>events together</th>"
            f"<th>articles</th></tr>{rows}</table>"
        )
    else:
        table = ""
    legend = _legend({label: LABEL_COLORS[label] for label in (PER, ORG, LOC)})
    return (
        f"<section class='panel' id='network'><h2>Who meets whom</h2>{legend}{chart}"
        f"<p class='note'>{escape(_network_note(n))}</p>{table}</section>"
    )


def _map_note(p: Places) -> str:
    what = "locations (LOC corpus entities)" if p.source == CORPUS else "locations (LOC keys)"
    total = p.located + p.without
    if not total:
        return "No location in this run."
    return (
        f"{p.located} of {total} {what} have coordinates from the knowledge base and are drawn; "
        f"{p.without} have none. A circle's area grows with the articles that name the place; "
        "a country stands at its capital. Equirectangular projection, true to scale along the "
        "middle parallel; graticule lines only, no coastlines."
    )


def _map(s: RunSummary) -> str:
    color = LABEL_COLORS[LOC]
    places = [(p.name, p.latitude, p.longitude, p.articles, color) for p in s.places.places]
    chart = map_chart(places, "chart-map", "Where: places named in the run")
    return (
        f"<section class='panel' id='map'><h2>Places on the map</h2>{chart}"
        f"<p class='note'>{escape(_map_note(s.places))}</p></section>"
    )


def _top_table(label: str, rows: list[TopEntity]) -> str:
    if not rows:
        body = "<tr><td colspan='3' class='note'>none found</td></tr>"
    else:
        body = "".join(
            f"<tr><td title='{escape(r.key, quote=True)}'>{escape(r.name)}</td>"
            f"<td class='n'>{r.articles}</td><td class='n'>{r.mentions}</td></tr>"
            for r in rows
        )
    return (
        f"<div class='panel'><h2>{TOP_TITLES[label]}</h2><table>"
        f"<tr><th>name</th><th>articles</th><th>mentions</th></tr>{body}</table></div>"
    )


def _errors(s: RunSummary) -> str:
    if not s.n_errors:
        return (
            "<section class='panel' id='errors'><h2>Errors</h2>"
            "<p class='note'>No errors: every input was read and processed.</p></section>"
        )
    kinds = ", ".join(f"{escape(k)} {n}" for k, n in s.errors_by_kind.items())
    # Only error rows of the reading stage mean an input was left out; the others
    # are articles that were read and then failed in a stage (`timeout`, `failed`),
    # and warnings are articles kept after a repair (bad bytes, an unreadable date).
    kept = (
        s.errors["severity"] == WARNING
        if "severity" in s.errors.columns
        else pd.Series(False, index=s.errors.index)
    )
    unread = int(((s.errors["stage"] == READ) & ~kept).sum())
    reading = (
        f"Inputs that could not be read: {unread} (the rows of stage {READ})."
        if unread
        else "Every input was read; the rows below are articles that failed while processed, "
        "or were kept after a repair (severity warning)."
    )
    shown = s.errors.head(MAX_ERROR_ROWS)
    rows = "".join(
        f"<tr><td>{escape(str(r.kind))}</td><td>{escape(str(r.stage))}</td>"
        f"<td>{escape(str(r.path))}</td><td class='msg'>{escape(str(r.message))}</td></tr>"
        for r in shown.itertuples()
    )
    more = (
        f"<p class='note'>First {MAX_ERROR_ROWS} of {s.n_errors} shown; "
        "all are in the errors table.</p>"
        if s.n_errors > MAX_ERROR_ROWS
        else ""
    )
    return (
        f"<section class='panel' id='errors'><h2>Errors ({s.n_errors})</h2>"
        f"<p class='note'>{kinds}</p>"
        f"<p class='note'>{escape(reading)}</p>"
        f"<table><tr><th>kind</th><th>stage</th><th>path</th><th>message</th></tr>{rows}</table>{more}</section>"
    )


def render_page(s: RunSummary) -> str:
    title = f"rusnews run report: {s.run_dir.name or s.run_dir}"
    tops = "".join(_top_table(label, s.top[label]) for label in (PER, ORG, LOC))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>"
        f"{_header(s)}{_cards(s)}{_counts_charts(s)}{_timeline(s)}{_network(s)}{_map(s)}"
        "<h2>Who and where</h2>"
        "<p class='note'>Ranked by the number of articles that mention them, then by "
        "mentions; one row per cross-article key (hover a name to see it).</p>"
        f"<section class='row'>{tops}</section>{_errors(s)}"
        "</main></body></html>"
    )
