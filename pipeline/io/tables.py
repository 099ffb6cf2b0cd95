"""Writers and readers of the output tables, in pairs. Writers only write.

Every file is written under a temporary name and renamed into place, so an
interrupted run never leaves a half-written table that looks whole.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pipeline.schema import TABLES, Row

FORMATS = ("parquet", "csv")


def to_arrow(name: str, rows: list[Row]) -> pa.Table:
    schema = TABLES[name]
    return pa.Table.from_pylist(rows, schema=schema)


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_table(table: pa.Table, out_dir: Path, name: str, formats: tuple[str, ...] = ("parquet",)) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        if fmt == "parquet":
            _atomic(path, lambda p: pq.write_table(table, p))
        elif fmt == "csv":
            _atomic(path, lambda p: pacsv.write_csv(table, p))
        else:
            raise ValueError(f"unknown table format {fmt!r}; choose from {', '.join(FORMATS)}")
        written.append(path)
    return written


def read_table(run_dir: Path, name: str) -> pd.DataFrame:
    """A table of a finished run, from Parquet when present, else CSV."""
    parquet, csv = run_dir / f"{name}.parquet", run_dir / f"{name}.csv"
    if parquet.exists():
        return pq.read_table(parquet).to_pandas()
    if csv.exists():
        schema = TABLES[name]
        options = pacsv.ConvertOptions(column_types=schema)
        return pacsv.read_csv(csv, convert_options=options).to_pandas()
    raise FileNotFoundError(f"no {name}.parquet or {name}.csv in {run_dir}: is it a rusnews run folder?")
