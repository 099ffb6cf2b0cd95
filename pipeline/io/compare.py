"""Two runs side by side, row by row: what a change to the code did to the tables.

`python -m rusnews.io.compare RUN_A RUN_B` prints, per table, how many rows only
one run has and a few examples of each; it exits 1 when the tables differ.
Rows are compared whole, as values, so a changed cell shows as one row only in
A and one only in B. Timings and run configuration live in `manifest.json`,
which is not compared.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rusnews.io.tables import read_table
from rusnews.schema import TABLES

# Paths differ between two runs of the same texts from two checkouts.
IGNORED_COLUMNS = {"path"}


@dataclass
class TableDiff:
    name: str
    rows_a: int
    rows_b: int
    only_a: pd.DataFrame
    only_b: pd.DataFrame

    @property
    def equal(self) -> bool:
        return self.only_a.empty and self.only_b.empty


def _rows(frame: pd.DataFrame, columns: list[str]) -> Counter:
    # Values as text: NaN, None and pd.NA read the same that way, and floats
    # compare by their printed value. A Counter keeps repeated rows apart.
    cells = frame[columns].astype(object).where(frame[columns].notna(), None)
    return Counter(
        tuple("<NA>" if v is None else str(v) for v in row) for row in cells.itertuples(index=False)
    )


def _read(run: Path, name: str) -> pd.DataFrame:
    try:
        return read_table(run, name)
    except FileNotFoundError:
        # A run of an older version lacks a table a newer one writes: all its
        # rows count as only in the other run.
        return pd.DataFrame({field.name: [] for field in TABLES[name]})


def compare_table(run_a: Path, run_b: Path, name: str) -> TableDiff:
    a, b = _read(run_a, name), _read(run_b, name)
    columns = [c for c in a.columns if c in b.columns and c not in IGNORED_COLUMNS]
    rows_a, rows_b = _rows(a, columns), _rows(b, columns)
    only_a = pd.DataFrame(list((rows_a - rows_b).elements()), columns=columns)
    only_b = pd.DataFrame(list((rows_b - rows_a).elements()), columns=columns)
    return TableDiff(name, len(a), len(b), only_a, only_b)


def compare_runs(run_a: Path, run_b: Path) -> list[TableDiff]:
    return [compare_table(run_a, run_b, name) for name in TABLES]


def describe(diffs: list[TableDiff], examples: int = 3) -> str:
    lines = []
    for diff in diffs:
        status = "equal" if diff.equal else "DIFFERENT"
        lines.append(
            f"{diff.name}: {diff.rows_a} vs {diff.rows_b} rows, {status}"
            + (
                ""
                if diff.equal
                else f" ({len(diff.only_a)} only in A, {len(diff.only_b)} only in B)"
            )
        )
        for side, frame in (("A", diff.only_a), ("B", diff.only_b)):
            for row in frame.head(examples).to_dict("records"):
                shown = {k: v for k, v in row.items() if k != "text" and v != "<NA>"}
                lines.append(f"  only in {side}: {shown}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m rusnews.io.compare RUN_A RUN_B", file=sys.stderr)
        return 2
    diffs = compare_runs(Path(args[0]), Path(args[1]))
    print(describe(diffs))
    return 0 if all(d.equal for d in diffs) else 1


if __name__ == "__main__":
    sys.exit(main())
