"""Showing a report: the terminal table, `report.json`, `report.md`, `f1.svg`.

Everything here reads the report dict `evaluate` returns and nothing else,
so a saved `report.json` can be rendered again later.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rusnews.eval.chart import f1_chart
from rusnews.eval.identity import IDENTITY_NOTE, IDENTITY_TITLE, identity_rows
from rusnews.eval.linking import linking_rows
from rusnews.eval.report_normals import corrected_line, coverage_line, normal_error_rows

MISSING = "—"
EXAMPLES_SHOWN = 3


def difference(first: float | None, second: float | None) -> float | None:
    return None if first is None or second is None else first - second


def fmt(value: float | None, signed: bool = False) -> str:
    if value is None:
        return MISSING
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def _systems(report: dict) -> list[str]:
    return list(report.get("systems", []))


def _labels(by_system: dict[str, dict]) -> list[str]:
    labels: list[str] = []
    for per_label in by_system.values():
        for label in per_label:
            if label not in labels:
                labels.append(label)
    # micro last, whatever order the systems scored labels in
    return [label for label in labels if label != "micro"] + (
        ["micro"] if "micro" in labels else []
    )


def score_rows(
    report: dict, convention: str, metric: str, sep: str = " "
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one score table: P/R/F1 per system, ΔF1, gold count;
    `sep` joins system and column name (a newline keeps terminal tables narrow)."""
    systems = _systems(report)
    by_system = report["scores"][convention][metric]
    header = ["type"]
    for system in systems:
        header += [f"{system}{sep}P", f"{system}{sep}R", f"{system}{sep}F1"]
    if len(systems) > 1:
        header.append("ΔF1")
    header.append("gold")
    rows = []
    for label in _labels(by_system):
        row = [label]
        f1s: list[float | None] = []
        n_gold = None
        for system in systems:
            counts = by_system.get(system, {}).get(label)
            if counts is None:
                row += [MISSING] * 3
                f1s.append(None)
                continue
            row += [fmt(counts["precision"]), fmt(counts["recall"]), fmt(counts["f1"])]
            f1s.append(counts["f1"])
            n_gold = counts["n_gold"]
        if len(systems) > 1:
            row.append(fmt(difference(f1s[0], f1s[1]), signed=True))
        row.append(str(n_gold) if n_gold is not None else MISSING)
        rows.append(row)
    return header, rows


def accuracy_rows(report: dict, key: str, sep: str = " ") -> tuple[list[str], list[list[str]]]:
    """Header and rows of the normalization or date-value table."""
    systems = _systems(report)
    section = report.get(key) or {}
    header = ["type"] + [f"{system}{sep}acc (n)" for system in systems]
    if len(systems) > 1:
        header.append("Δ")
    labels: list[str] = []
    for result in section.values():
        labels += [label for label in result["per_type"] if label not in labels]
    rows = []
    for label in [*labels, "all"]:
        row = [label]
        values: list[float | None] = []
        for system in systems:
            result = section.get(system)
            tally = (
                None
                if result is None
                else (result["all"] if label == "all" else result["per_type"].get(label))
            )
            if tally is None:
                row.append(MISSING)
                values.append(None)
                continue
            row.append(f"{fmt(tally['accuracy'])} ({tally['n']})")
            values.append(tally["accuracy"])
        if len(systems) > 1:
            row.append(fmt(difference(values[0], values[1]), signed=True))
        rows.append(row)
    return header, rows


RECORD_KINDS = ("event", "event_unlabeled", "occupation", "ownership", "deal", "deal_type")


def record_rows(report: dict) -> tuple[list[str], list[list[str]]]:
    """Event, occupation, ownership and deal records: P/R/F1 of triples, parse roles vs
    sentence baseline."""
    systems = report["records"]["systems"]
    names = list(systems)
    header = ["records"] + [f"{name} P/R/F1" for name in names] + ["ΔF1"]
    rows = []
    kinds = [k for k in RECORD_KINDS if any(k in systems[n] for n in names)]
    kinds += sorted({k for n in names for k in systems[n] if "/" in k})
    for kind in kinds:
        cells = [systems[n].get(kind, {}) for n in names]
        row = [kind] + [
            "/".join(fmt(c.get(m)) for m in ("precision", "recall", "f1")) if c else "-"
            for c in cells
        ]
        f1s = [c.get("f1") if c else None for c in cells]
        row.append(fmt(difference(*f1s[:2]), signed=True) if len(f1s) >= 2 else "-")
        rows.append(row)
    return header, rows


def _shorten(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def error_rows(
    report: dict, system: str, width: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the top-errors table; `width` shortens long examples."""
    header = ["kind", "type", "detail", "count", "examples"]
    errors = report["errors"][system]
    rows = [
        [
            entry["kind"],
            entry["label"],
            entry["detail"],
            str(entry["count"]),
            "; ".join(
                f"{_shorten(example['text'], width)} ×{example['count']}"
                for example in entry["examples"][:EXAMPLES_SHOWN]
            ),
        ]
        for entry in errors["top"]
    ]
    return header, rows


def _rich_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    # A light box leaves room for two systems' P/R/F1 in 80 columns.
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    for index, column in enumerate(header):
        table.add_column(
            column,
            justify="left" if index == 0 or column == "examples" else "right",
            min_width=max(len(part) for part in column.split("\n")),
        )
    for row in rows:
        table.add_row(*row)
    return table


def print_report(report: dict, console: Console | None = None, errors: bool = True) -> None:
    """The report as terminal tables: scores, normalization, dates, top errors."""
    console = console or Console()
    systems = _systems(report)
    console.print(
        f"[bold]{report.get('gold', '')}[/bold] "
        f"({report['format']}, {report['n_docs']} documents): " + " vs ".join(systems)
    )
    if report.get("profile"):
        console.print(f"rusnews profile: {report['profile']}")
    # Definitions once, so that table titles can stay short enough to read.
    for convention, description in report["conventions"].items():
        console.print(f"[dim]convention {convention}: {description}[/dim]")
    for metric, description in report["metrics"].items():
        console.print(f"[dim]metric {metric}: {description}[/dim]")
    for convention, by_metric in report["scores"].items():
        for metric in by_metric:
            header, rows = score_rows(report, convention, metric, sep="\n")
            console.print(_rich_table(f"{convention} · {metric}", header, rows))
    if report.get("normalization"):
        header, rows = accuracy_rows(report, "normalization", sep="\n")
        console.print(_rich_table("normal forms", header, rows))
        for system in systems:
            for line in (coverage_line(report, system), corrected_line(report, system)):
                if line:
                    console.print(line)
            header, rows = normal_error_rows(report, system, width=60)
            if rows:
                console.print(_rich_table(f"{system}: wrong normal forms by class", header, rows))
    if report.get("date_values"):
        header, rows = accuracy_rows(report, "date_values", sep="\n")
        console.print(_rich_table("date values", header, rows))
    if report.get("records"):
        header, rows = record_rows(report)
        console.print(_rich_table("event and occupation records (triples)", header, rows))
    if report.get("linking"):
        console.print(_rich_table("Wikidata links", *linking_rows(report)))
    if report.get("identity"):
        header, rows = identity_rows(report)
        console.print(_rich_table(IDENTITY_TITLE, header, rows))
    if errors:
        # Gold of normal forms alone has no span errors to show.
        for system in (system for system in systems if system in report["errors"]):
            header, rows = error_rows(report, system, width=32)
            convention = report["errors"][system]["convention"]
            console.print(_rich_table(f"{system}: top errors ({convention})", header, rows))
    for problem in report.get("warnings", []):
        console.print(f"[yellow]warning:[/yellow] {problem}")
    if report["gold_problems"]["count"]:
        console.print(
            f"[yellow]{report['gold_problems']['count']} gold annotation(s) "
            "dropped while reading[/yellow]"
        )
    for system, timing in report.get("timings", {}).items():
        console.print(
            f"{system}: {timing['seconds']:.1f} s ({fmt(timing['docs_per_second'])} documents/s)"
        )


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    def numeric(index: int) -> bool:
        return all(row[index] == MISSING or row[index][:1] in "+-0123456789" for row in rows)

    lines = ["| " + " | ".join(cell(column) for column in header) + " |"]
    lines.append(
        "|" + "|".join("---:" if numeric(index) else "---" for index in range(len(header))) + "|"
    )
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(report: dict) -> str:
    systems = _systems(report)
    parts = [
        f"# Evaluation: {' vs '.join(systems)}",
        "",
        f"Gold: `{report.get('gold', '')}` ({report['format']}, {report['n_docs']} documents).",
        "",
    ]
    if report.get("profile"):
        parts += [f"rusnews profile: `{report['profile']}`.", ""]
    for convention, by_metric in report["scores"].items():
        parts += [f"## `{convention}` convention", "", report["conventions"][convention], ""]
        for metric in by_metric:
            header, rows = score_rows(report, convention, metric)
            parts += [f"### {metric}: {report['metrics'][metric]}", "", _md_table(header, rows), ""]
    if report.get("normalization"):
        header, rows = accuracy_rows(report, "normalization")
        parts += [
            "## Normal forms",
            "",
            "Exact-span matches only; case-insensitive, ё = е.",
            "",
            _md_table(header, rows),
            "",
        ]
        for system in systems:
            for line in (coverage_line(report, system), corrected_line(report, system)):
                if line:
                    parts += [line + ".", ""]
            header, rows = normal_error_rows(report, system)
            if rows:
                parts += [f"Wrong normal forms of {system} by class:", "", _md_table(header, rows)]
                parts.append("")
            examples = report["normalization"][system]["examples"]
            if examples:
                parts += [
                    f"Wrong normal forms of {system} (first {len(examples)}):",
                    "",
                    _md_table(
                        ["type", "text", "predicted", "gold"],
                        [
                            [e["label"], e["text"], e["predicted"] or MISSING, e["gold"]]
                            for e in examples
                        ],
                    ),
                    "",
                ]
    if report.get("date_values"):
        header, rows = accuracy_rows(report, "date_values")
        parts += ["## Date values", "", _md_table(header, rows), ""]
    if report.get("records"):
        header, rows = record_rows(report)
        parts += [
            "## Event and occupation records",
            "",
            "Triples (record, role, filler); the matching rule is in `pipeline/eval/records.py`.",
            "",
            _md_table(header, rows),
            "",
        ]
    if report.get("linking"):
        header, rows = linking_rows(report)
        description = report["linking"]["description"]
        parts += ["## Wikidata links", "", description + ".", "", _md_table(header, rows), ""]
    if report.get("identity"):
        header, rows = identity_rows(report)
        parts += [f"## {IDENTITY_TITLE}", "", IDENTITY_NOTE, "", _md_table(header, rows), ""]
    for system in (system for system in systems if system in report["errors"]):
        errors = report["errors"][system]
        totals = ", ".join(f"{kind} {count}" for kind, count in errors["totals"].items())
        header, rows = error_rows(report, system)
        parts += [
            f"## {system}: most frequent errors (`{errors['convention']}` convention)",
            "",
            f"Totals: {totals}.",
            "",
            _md_table(header, rows),
            "",
        ]
    if report.get("timings"):
        parts += ["## Time", ""]
        parts += [
            f"- {system}: {timing['seconds']:.1f} s ({fmt(timing['docs_per_second'])} documents/s)"
            for system, timing in report["timings"].items()
        ]
        parts.append("")
    notes = list(report.get("warnings", []))
    if report["gold_problems"]["count"]:
        notes.append(
            f"{report['gold_problems']['count']} gold annotation(s) dropped while reading, e.g.:"
        )
        notes += [f"  {problem}" for problem in report["gold_problems"]["examples"]]
    if notes:
        parts += ["## Notes", "", *[f"- {note}" for note in notes], ""]
    return "\n".join(parts)


def plot_f1(report: dict, path: Path) -> Path:
    """Grouped bars of F1 per type, one panel per convention and metric, as SVG."""
    path.write_text(f1_chart(report, _systems(report), _labels), encoding="utf-8")
    return path


def _jsonable(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to report.json")


def write_reports(report: dict, report_dir: Path) -> dict[str, str]:
    """`report.json`, `report.md` and `f1.svg` in `report_dir`; their paths."""
    report_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": report_dir / "report.json",
        "markdown": report_dir / "report.md",
        "chart": report_dir / "f1.svg",
    }
    paths["json"].write_text(
        json.dumps(report, ensure_ascii=False, indent=2, default=_jsonable), encoding="utf-8"
    )
    paths["markdown"].write_text(render_markdown(report), encoding="utf-8")
    plot_f1(report, paths["chart"])
    return {kind: str(path) for kind, path in paths.items()}


def print_summary(result: dict, console: Console | None = None) -> None:
    """The dev corpora's summary (rusnews.eval.all_corpora) as one terminal table."""
    from rusnews.eval.all_corpora import summary_table

    console = console or Console()
    header, *rows = summary_table(result["summary"])
    console.print(_rich_table(f"F1, profile {result['profile']}", header, rows))
    for corpus in result["missing"]:
        console.print(f"[yellow]warning:[/yellow] {corpus} not found under {result['corpora']}")
