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
    """A table of a run: `<name>.parquet`, else `<name>.csv`, else its folder of parts.

    Parts are what a run that has not assembled its tables yet (interrupted, or
    still going) has written so far.
    """
    parquet, csv = run_dir / f"{name}.parquet", run_dir / f"{name}.csv"
    schema = TABLES[name]
    if parquet.exists():
        return pq.read_table(parquet).to_pandas()
    if csv.exists():
        options = pacsv.ConvertOptions(column_types=schema)
        return pacsv.read_csv(csv, convert_options=options).to_pandas()
    parts = list_parts(run_dir, name)
    if parts:
        return pa.concat_tables([pq.read_table(p, schema=schema) for p in parts]).to_pandas()
    raise FileNotFoundError(f"no {name}.parquet, {name}.csv or parts/{name}/ in {run_dir}: "
                            "is it a rusnews run folder?")


# Parts: a sharded run writes each shard's rows to `parts/<table>/<shard>.parquet`
# and assembles the user-facing `<table>.parquet` from them at the end.
PARTS = "parts"


def parts_dir(run_dir: Path, name: str) -> Path:
    return run_dir / PARTS / name


def part_path(run_dir: Path, name: str, shard_id: str) -> Path:
    return parts_dir(run_dir, name) / f"{shard_id}.parquet"


def write_part(table: pa.Table, run_dir: Path, name: str, shard_id: str) -> Path:
    """One shard's rows of one table, written atomically (a rerun overwrites it)."""
    path = part_path(run_dir, name, shard_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    _atomic(path, lambda p: pq.write_table(table, p))
    return path


def list_parts(run_dir: Path, name: str) -> list[Path]:
    """Part files of a table in shard order; temporary files of a killed writer are not parts."""
    folder = parts_dir(run_dir, name)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix == ".parquet" and not p.name.startswith("."))


def assemble_table(run_dir: Path, name: str, parts: list[Path], formats: tuple[str, ...] = ("parquet",)) -> list[Path]:
    """Concatenate parts, in the order given, into `<name>.<fmt>`, one part in memory at a time.

    Each part becomes its own row group, so the same parts always give the same bytes.
    """
    schema = TABLES[name]
    run_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        if fmt == "parquet":
            def write(path: Path) -> None:
                with pq.ParquetWriter(path, schema) as writer:
                    for part in parts:
                        writer.write_table(pq.read_table(part, schema=schema))
        elif fmt == "csv":
            def write(path: Path) -> None:
                with pacsv.CSVWriter(path, schema) as writer:
                    for part in parts:
                        writer.write_table(pq.read_table(part, schema=schema))
        else:
            raise ValueError(f"unknown table format {fmt!r}; choose from {', '.join(FORMATS)}")
        path = run_dir / f"{name}.{fmt}"
        _atomic(path, write)
        written.append(path)
    return written
