"""Writers and readers of the output tables, in pairs. Writers only write.

Every file is written under a temporary name and renamed into place (on an
object store, in one put: `rusnews.io.storage`), so an interrupted run never
leaves a half-written table that looks whole, and a write that fails (a full
or read-only disk) removes what it had written. A run folder may be a local
path or an `ObjectPath` on a store; readers follow a store's pointer to the
tables of the run it names.
"""

from __future__ import annotations

import os
from typing import IO, Any

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from rusnews.io.storage import (
    Location,
    ObjectPath,
    fresh_prefix,
    location,
    move,
    remove_tree,
    tables_root,
    write_atomic,
)
from rusnews.io.storage import write_text_atomic as write_text_atomic
from rusnews.rows import rows_of
from rusnews.schema import CORPUS_COLUMNS, CORPUS_TABLES, DAY, SHARD_TABLES, TABLES, Row

FORMATS = ("parquet", "csv")


def to_arrow(name: str, rows: list[Row]) -> pa.Table:
    schema = TABLES[name]
    return pa.Table.from_pylist(rows, schema=schema)


def _encoded(table: pa.Table, fmt: str) -> bytes:
    sink = pa.BufferOutputStream()
    if fmt == "parquet":
        pq.write_table(table, sink)
    elif fmt == "csv":
        pacsv.write_csv(_for_csv(table), sink)
    else:
        raise ValueError(f"unknown table format {fmt!r}; choose from {', '.join(FORMATS)}")
    return sink.getvalue().to_pybytes()


def write_table(
    table: pa.Table, out_dir: Location, name: str, formats: tuple[str, ...] = ("parquet",)
) -> list[Location]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = out_dir / f"{name}.{fmt}"
        write_atomic(path, _encoded(table, fmt))
        written.append(path)
    return written


def table_path(run_dir: Location, name: str, fmt: str | None = None) -> Location | None:
    """Where a folder keeps table `name`: its Parquet file, else its CSV file; None if neither.

    Every reader finds the tables through here (in the folder `tables_root`
    names), so where a run publishes them is known in one place.
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


def to_frame(table: pa.Table, name: str, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Table `name` in pandas, with the dtypes `pd.read_parquet` gives its Parquet file;
    only `columns` of it, when given."""
    # The cast puts on the schema's pandas metadata, which a CSV read lacks.
    return conform(table, schema_of(name, columns)).to_pandas()


def schema_of(name: str, columns: tuple[str, ...] | None = None) -> pa.Schema:
    """The schema of table `name`, or of those of its columns given, in the table's order."""
    schema = TABLES[name]
    if columns is None:
        return schema
    fields = [field for field in schema if field.name in columns]
    return pa.schema(fields, metadata=schema.metadata)


def _read_with(read: Any, path: Location, **options: Any) -> pa.Table:
    """pyarrow's `read` on a local path as it is, on an object through an open file."""
    if isinstance(path, ObjectPath):
        with path.open("rb") as handle:
            return read(handle, **options)
    return read(path, **options)


def read_table(run_dir: str | Location, name: str, fmt: str | None = None) -> pd.DataFrame:
    """A table of a run: `<name>.parquet`, else `<name>.csv`, else its folder of parts.

    Parts are what a run that has not assembled its tables yet (interrupted, or
    still going) has written so far. Whichever it reads, the columns have the
    dtypes `pd.read_parquet` gives the Parquet file. On an object store the
    tables are those the run's pointer names (`rusnews.io.storage`).
    """
    return read_table_at(tables_root(location(run_dir)), name, fmt)


def read_table_at(
    folder: Location, name: str, fmt: str | None = None, columns: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """`read_table` in this very folder, with no pointer followed: the tables' own folder.

    `columns`: only these are read (a column the file lacks is empty, as in `conform`),
    so a reader of a few columns does not hold a large run's texts.
    """
    path = table_path(folder, name, fmt)
    if path is not None and path.suffix == ".parquet":
        if columns is not None:
            present = set(_read_with(pq.read_schema, path).names)
            kept = [c for c in schema_of(name, columns).names if c in present]
            return to_frame(_read_with(pq.read_table, path, columns=kept), name, columns)
        return to_frame(_read_with(pq.read_table, path), name)
    if path is not None:
        table = _read_with(pacsv.read_csv, path, convert_options=_csv_options(name))
        return to_frame(table, name, columns)
    parts = list_parts(folder, name)
    if parts and fmt is None:
        tables = [read_part(p, name) for p in parts]
        if columns is not None:
            tables = [t.select(schema_of(name, columns).names) for t in tables]
        return to_frame(pa.concat_tables(tables), name, columns)
    raise FileNotFoundError(
        f"no {name}.parquet, {name}.csv or parts/{name}/ in {folder}: is it a rusnews run folder?"
    )


def read_run(run_dir: str | Location, fmt: str | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a run as a DataFrame, `{"articles": ..., "mentions": ..., ...}`.

    Parquet is read when the run wrote it, else CSV (`fmt` chooses); either way
    the dtypes are the schema's: ids such as `04` stay strings, `published` is
    datetime64, an integer column with nulls is Int64. `run_dir` may be a URL
    (`s3://bucket/run`): the pointer is read once, so every table is of the
    one run it named, even while another run publishes there. A run that has no
    corpus tables (one still going, or made before they existed) gets them computed
    from its other tables, with `entities.corpus_entity_id` and `events.story_id`.
    """
    folder = tables_root(location(run_dir))
    tables = {name: read_table_at(folder, name, fmt) for name in SHARD_TABLES}
    if all(table_path(folder, name, fmt) is not None for name in CORPUS_TABLES):
        return {**tables, **{name: read_table_at(folder, name, fmt) for name in CORPUS_TABLES}}
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


def parts_dir(run_dir: Location, name: str) -> Location:
    return run_dir / PARTS / name


def part_path(run_dir: Location, name: str, shard_id: str) -> Location:
    return parts_dir(run_dir, name) / f"{shard_id}{PART_SUFFIX}"


def write_part(table: pa.Table, run_dir: Location, name: str, shard_id: str) -> Location:
    """One shard's rows of one table, written atomically (a rerun overwrites it)."""
    path = part_path(run_dir, name, shard_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)
    write_atomic(path, sink.getvalue().to_pybytes())
    return path


def read_part(path: Location, name: str) -> pa.Table:
    """One part of table `name`, in the table's schema."""
    if isinstance(path, ObjectPath):
        table = pa.ipc.open_file(pa.BufferReader(path.read_bytes())).read_all()
    else:
        with pa.memory_map(str(path)) as source:
            table = pa.ipc.open_file(source).read_all()
    return conform(table, TABLES[name])


def list_parts(run_dir: Location, name: str) -> list[Location]:
    """Part files of a table in shard order; temporary files of a killed writer are not parts."""
    folder = parts_dir(run_dir, name)
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix == PART_SUFFIX and not p.name.startswith(".")),
        key=lambda p: p.name,
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
    itself, `discard` removes the staging folder with whatever it holds. On
    an object store the staging folder is a fresh prefix under
    `published/`, where the tables stay: the run's pointer then names it.
    """

    def __init__(self, run_dir: Location, formats: tuple[str, ...] = ("parquet",)) -> None:
        unknown = [fmt for fmt in formats if fmt not in FORMATS]
        if unknown:
            raise ValueError(
                f"unknown table format {unknown[0]!r}; choose from {', '.join(FORMATS)}"
            )
        self.run_dir, self.formats = run_dir, formats
        self.writers: dict[tuple[str, str], pq.ParquetWriter | pacsv.CSVWriter] = {}
        self.files: list[IO[bytes]] = []  # the open objects the writers write to, on a store
        self.appended = 0  # parts of this many shards are in
        self.kept = False  # the staged tables are published where they lie (on a store)
        self.staging: Location = (
            fresh_prefix(run_dir)
            if isinstance(run_dir, ObjectPath)
            else run_dir / f"{STAGING}-{os.getpid()}"
        )

    def _temporary(self, name: str, fmt: str) -> Location:
        return self.staging / f"{name}.{fmt}"

    def _writer(self, name: str, fmt: str) -> pq.ParquetWriter | pacsv.CSVWriter:
        key = (name, fmt)
        if key not in self.writers:
            self.staging.mkdir(parents=True, exist_ok=True)
            path, schema = self._temporary(name, fmt), TABLES[name]
            where: Any = path
            if isinstance(path, ObjectPath):
                where = path.open("wb")
                self.files.append(where)
            self.writers[key] = (
                pq.ParquetWriter(where, schema)
                if fmt == "parquet"
                else pacsv.CSVWriter(where, _csv_schema(schema))
            )
        return self.writers[key]

    def _close_files(self) -> None:
        for handle in self.files:
            handle.close()
        self.files.clear()

    def append(self, parts: dict[str, Location]) -> None:
        """One shard's parts, `{table: part path}`, after those of the shards before it."""
        for name, part in parts.items():
            self.append_table(name, read_part(part, name))
        self.appended += 1

    def append_table(self, name: str, table: pa.Table) -> None:
        """Rows of table `name` after those appended before, as one row group."""
        for fmt in self.formats:
            self._writer(name, fmt).write_table(table if fmt == "parquet" else _for_csv(table))

    def finish(self, names: tuple[str, ...] | list[str] = tuple(TABLES)) -> list[Location]:
        """Complete every table (one without parts is empty, with its columns); staged paths."""
        for name in names:
            for fmt in self.formats:
                self._writer(name, fmt).close()
        self.writers.clear()
        self._close_files()  # on a store, the objects are put when their file closes
        return [self._temporary(name, fmt) for name in names for fmt in self.formats]

    def close(self, names: tuple[str, ...] | list[str] = tuple(TABLES)) -> list[Location]:
        """Complete every table and rename it into place, one file after another."""
        written = []
        for staged in self.finish(names):
            move(staged, self.run_dir / staged.name)
            written.append(self.run_dir / staged.name)
        remove_tree(self.staging)
        return written

    def published(self) -> None:
        """The staged tables went out: locally the staging folder is empty and goes, on a store
        it is where the published tables stay."""
        if isinstance(self.staging, ObjectPath):
            self.kept = True
        else:
            remove_tree(self.staging)

    def discard(self) -> None:
        for writer in self.writers.values():
            try:
                writer.close()
            except OSError:  # the disk that failed the run may fail the last flush too
                pass
        self.writers.clear()
        try:
            self._close_files()
        except OSError:
            pass
        if not self.kept:
            remove_tree(self.staging)


def assemble_table(
    run_dir: Location,
    name: str,
    parts: list[Location],
    formats: tuple[str, ...] = ("parquet",),
) -> list[Location]:
    """Concatenate parts, in the order given, into `<name>.<fmt>`, one part in memory at a time."""
    assembler = TableAssembler(run_dir, formats)
    try:
        for part in parts:
            assembler.append({name: part})
        return assembler.close([name])
    except BaseException:
        assembler.discard()
        raise
