"""Writers and readers of the output tables, in pairs. Writers only write.

Every file is written under a temporary name and renamed into place, so an
interrupted run never leaves a half-written table that looks whole, and a
write that fails (a full or read-only disk) removes what it had written.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from rusnews.schema import CORPUS_COLUMNS, CORPUS_TABLES, DAY, SHARD_TABLES, TABLES, Row, rows_of

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
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """A small UTF-8 file (a manifest, a marker) put in place whole or not at all."""
    _atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_table(
    table: pa.Table, out_dir: Path, name: str, formats: tuple[str, ...] = ("parquet",)
) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        if fmt == "parquet":
            _atomic(path, lambda p: pq.write_table(table, p))
        elif fmt == "csv":
            _atomic(path, lambda p: pacsv.write_csv(_for_csv(table), p))
        else:
            raise ValueError(f"unknown table format {fmt!r}; choose from {', '.join(FORMATS)}")
        written.append(path)
    return written


def table_path(run_dir: Path, name: str, fmt: str | None = None) -> Path | None:
    """Where a run keeps table `name`: its Parquet file, else its CSV file; None if neither.

    Every reader finds the tables through here, so where a run publishes them
    is known in one place.
    """
    for candidate in FORMATS if fmt is None else (fmt,):
        path = run_dir / f"{name}.{candidate}"
        if path.exists():
            return path
    return None


# How CSV cells map back to the schema: an unquoted empty cell is a null, a
# quoted one ("") an empty string, as the writer writes them.
def _csv_options(name: str) -> pacsv.ConvertOptions:
    return pacsv.ConvertOptions(
        column_types=TABLES[name], strings_can_be_null=True, quoted_strings_can_be_null=False
    )


def _for_csv(table: pa.Table) -> pa.Table:
    """Days as `2025-12-03`, not `2025-12-03 00:00:00.000`: the reader parses either."""
    return table.cast(_csv_schema(table.schema))


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    return pa.schema(
        [field.with_type(pa.date32()) if field.type == DAY else field for field in schema],
        metadata=schema.metadata,
    )


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """`table` in `schema`: a column the schema added since the table was written (a part
    of a shard done by an earlier version, a run folder from before it) is empty, and a
    column the schema does not know is left out."""
    if table.schema.equals(schema):
        return table.replace_schema_metadata(schema.metadata)
    names = set(table.column_names)
    if names != set(schema.names):
        columns = [
            table.column(field.name) if field.name in names else pa.nulls(len(table), field.type)
            for field in schema
        ]
        table = pa.Table.from_arrays(columns, names=schema.names)
    return table.cast(schema)


def to_frame(table: pa.Table, name: str) -> pd.DataFrame:
    """Table `name` in pandas, with the dtypes `pd.read_parquet` gives its Parquet file."""
    # The cast puts on the schema's pandas metadata, which a CSV read lacks.
    return conform(table, TABLES[name]).to_pandas()


def read_table(run_dir: Path, name: str, fmt: str | None = None) -> pd.DataFrame:
    """A table of a run: `<name>.parquet`, else `<name>.csv`, else its folder of parts.

    Parts are what a run that has not assembled its tables yet (interrupted, or
    still going) has written so far. Whichever it reads, the columns have the
    dtypes `pd.read_parquet` gives the Parquet file.
    """
    path = table_path(run_dir, name, fmt)
    if path is not None and path.suffix == ".parquet":
        return to_frame(pq.read_table(path), name)
    if path is not None:
        return to_frame(pacsv.read_csv(path, convert_options=_csv_options(name)), name)
    parts = list_parts(run_dir, name)
    if parts and fmt is None:
        return to_frame(pa.concat_tables([read_part(p, name) for p in parts]), name)
    raise FileNotFoundError(
        f"no {name}.parquet, {name}.csv or parts/{name}/ in {run_dir}: is it a rusnews run folder?"
    )


def read_run(run_dir: str | Path, fmt: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a run as a DataFrame, `{"articles": ..., "mentions": ..., ...}`.

    Parquet is read when the run wrote it, else CSV (`fmt` chooses); either way
    the dtypes are the schema's: ids such as `04` stay strings, `published` is
    datetime64, an integer column with nulls is Int64. A run that has no corpus
    tables (one still going, or made before they existed) gets them computed
    from its other tables, with `entities.corpus_entity_id` and `events.story_id`.
    """
    run_dir = Path(run_dir)
    tables = {name: read_table(run_dir, name, fmt) for name in SHARD_TABLES}
    if all(table_path(run_dir, name, fmt) is not None for name in CORPUS_TABLES):
        return {**tables, **{name: read_table(run_dir, name, fmt) for name in CORPUS_TABLES}}
    return with_corpus(tables)


def tables_of(articles) -> dict[str, pd.DataFrame]:
    """The shard tables of processed articles (rusnews.model.Article), as a run reads them."""
    rows: dict[str, list[Row]] = {name: [] for name in SHARD_TABLES}
    for article in articles:
        for name, table_rows in rows_of(article).items():
            rows[name] += table_rows
    return {name: to_frame(to_arrow(name, table_rows), name) for name, table_rows in rows.items()}


def with_corpus(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Shard tables with the corpus step done over them: its tables and id columns added."""
    from rusnews.corpus.resolve import resolve_corpus, with_ids

    result = resolve_corpus(tables)
    done = dict(tables)
    for name, column in CORPUS_COLUMNS.items():
        ids = result.entity_ids if name == "entities" else result.story_ids
        done[name] = with_ids(tables[name], column, ids)
    frames = {"corpus_entities": result.corpus_entities, "stories": result.stories}
    for name, frame in frames.items():
        table = pa.Table.from_pandas(frame, schema=TABLES[name], preserve_index=False)
        done[name] = to_frame(table, name)
    return done


# Parts: a sharded run writes each shard's rows to `parts/<table>/<shard>.arrow`
# and assembles the user-facing `<table>.parquet` from them. Parts are Arrow IPC
# files: nobody but the run reads them, and against Parquet they took a third
# of the time to write and a fifth to read back.
PARTS = "parts"
PART_SUFFIX = ".arrow"


def parts_dir(run_dir: Path, name: str) -> Path:
    return run_dir / PARTS / name


def part_path(run_dir: Path, name: str, shard_id: str) -> Path:
    return parts_dir(run_dir, name) / f"{shard_id}{PART_SUFFIX}"


def write_part(table: pa.Table, run_dir: Path, name: str, shard_id: str) -> Path:
    """One shard's rows of one table, written atomically (a rerun overwrites it)."""
    path = part_path(run_dir, name, shard_id)
    path.parent.mkdir(parents=True, exist_ok=True)

    def write(target: Path) -> None:
        with pa.OSFile(str(target), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)

    _atomic(path, write)
    return path


def read_part(path: Path, name: str) -> pa.Table:
    """One part of table `name`, in the table's schema."""
    with pa.memory_map(str(path)) as source:
        table = pa.ipc.open_file(source).read_all()
    return conform(table, TABLES[name])


def list_parts(run_dir: Path, name: str) -> list[Path]:
    """Part files of a table in shard order; temporary files of a killed writer are not parts."""
    folder = parts_dir(run_dir, name)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix == PART_SUFFIX and not p.name.startswith(".")
    )


STAGING = ".staging"


class TableAssembler:
    """The user-facing `<table>.<fmt>` files, built from parts appended in shard order.

    A run appends each shard's parts as soon as it and every shard before it
    are done, so assembling overlaps the workers' processing instead of
    following it. Each part becomes its own row group: the same parts always
    give the same bytes. The files grow in a staging folder inside the run
    folder (one file system, so moving them out is a rename): `finish` gives
    them whole for the caller to publish, `close` renames them into place
    itself, `discard` removes the staging folder with whatever it holds.
    """

    def __init__(self, run_dir: Path, formats: tuple[str, ...] = ("parquet",)) -> None:
        unknown = [fmt for fmt in formats if fmt not in FORMATS]
        if unknown:
            raise ValueError(
                f"unknown table format {unknown[0]!r}; choose from {', '.join(FORMATS)}"
            )
        self.run_dir, self.formats = run_dir, formats
        self.writers: dict[tuple[str, str], pq.ParquetWriter | pacsv.CSVWriter] = {}
        self.appended = 0  # parts of this many shards are in
        self.staging = run_dir / f"{STAGING}-{os.getpid()}"

    def _temporary(self, name: str, fmt: str) -> Path:
        return self.staging / f"{name}.{fmt}"

    def _writer(self, name: str, fmt: str) -> pq.ParquetWriter | pacsv.CSVWriter:
        key = (name, fmt)
        if key not in self.writers:
            self.staging.mkdir(parents=True, exist_ok=True)
            path, schema = self._temporary(name, fmt), TABLES[name]
            self.writers[key] = (
                pq.ParquetWriter(path, schema)
                if fmt == "parquet"
                else pacsv.CSVWriter(path, _csv_schema(schema))
            )
        return self.writers[key]

    def append(self, parts: dict[str, Path]) -> None:
        """One shard's parts, `{table: part path}`, after those of the shards before it."""
        for name, part in parts.items():
            self.append_table(name, read_part(part, name))
        self.appended += 1

    def append_table(self, name: str, table: pa.Table) -> None:
        """Rows of table `name` after those appended before, as one row group."""
        for fmt in self.formats:
            self._writer(name, fmt).write_table(table if fmt == "parquet" else _for_csv(table))

    def finish(self, names: tuple[str, ...] | list[str] = tuple(TABLES)) -> list[Path]:
        """Complete every table (one without parts is empty, with its columns); staged paths."""
        for name in names:
            for fmt in self.formats:
                self._writer(name, fmt).close()
        self.writers.clear()
        return [self._temporary(name, fmt) for name in names for fmt in self.formats]

    def close(self, names: tuple[str, ...] | list[str] = tuple(TABLES)) -> list[Path]:
        """Complete every table and rename it into place, one file after another."""
        written = []
        for staged in self.finish(names):
            os.replace(staged, self.run_dir / staged.name)
            written.append(self.run_dir / staged.name)
        shutil.rmtree(self.staging, ignore_errors=True)
        return written

    def discard(self) -> None:
        for writer in self.writers.values():
            try:
                writer.close()
            except OSError:  # the disk that failed the run may fail the last flush too
                pass
        self.writers.clear()
        shutil.rmtree(self.staging, ignore_errors=True)


def assemble_table(
    run_dir: Path, name: str, parts: list[Path], formats: tuple[str, ...] = ("parquet",)
) -> list[Path]:
    """Concatenate parts, in the order given, into `<name>.<fmt>`, one part in memory at a time."""
    assembler = TableAssembler(run_dir, formats)
    try:
        for part in parts:
            assembler.append({name: part})
        return assembler.close([name])
    except BaseException:
        assembler.discard()
        raise
