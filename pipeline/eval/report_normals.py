"""The normal-form parts of a report: how much of the gold was judged, the figure against
the corrected gold, and the classes of the errors."""

from __future__ import annotations


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _shorten(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


ERROR_CLASSES_SHOWN = 8


def normal_error_rows(
    report: dict, system: str, width: int | None = None
) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the classes of wrong normal forms, most frequent first."""
    classes = (report.get("normalization") or {}).get(system, {}).get("error_classes", [])
    header = ["class", "count", "types", "examples"]
    rows = [
        [
            entry["class"],
            str(entry["count"]),
            ", ".join(f"{label} {count}" for label, count in entry["per_type"].items()),
            "; ".join(_shorten(example, width) for example in entry["examples"]),
        ]
        for entry in classes[:ERROR_CLASSES_SHOWN]
    ]
    return header, rows


def corrected_line(report: dict, system: str) -> str | None:
    """The accuracy against the gold with the project's list of its errors corrected."""
    corrected = (report.get("normalization") or {}).get(system, {}).get("corrected")
    if not corrected:
        return None
    tally = corrected["all"]
    return (
        f"{system}: {fmt(tally['accuracy'])} ({tally['correct']}/{tally['n']}) against the gold "
        f"with {corrected['gold_fixes']} known errors corrected "
        "(models/normalize/normal_gold_fixes.tsv)"
    )


def coverage_line(report: dict, system: str) -> str | None:
    """How much of an untyped gold was judged: spans a mention has exactly."""
    coverage = (report.get("normalization") or {}).get(system, {}).get("coverage")
    if not coverage:
        return None
    return (
        f"{system}: {coverage['matched']} of {coverage['gold_spans']} gold spans found with "
        f"their exact extent and judged ({coverage['discontinuous']} discontinuous ones "
        "cannot be)"
    )
