"""The corpus step of a run, after its last shard: the same on every engine.

It reads the few columns it needs from every shard's parts (Arrow files,
memory-mapped), resolves corpus entities and stories (rusnews.corpus), and
hands the assembler `entities` and `events` part by part with their corpus
column filled, then `corpus_entities` and `stories`. Nothing of it is kept
between runs: a resumed run, with articles added or not, does it again from
the parts, so no finished shard is redone and no row comes twice. It runs
in the process that publishes the tables, before publishing, so the corpus
tables are published with the rest as one unit (publish.py).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pyarrow as pa
from rusnews.corpus.resolve import COLUMNS, resolve_corpus, wanted_columns
from rusnews.io.tables import TableAssembler, part_path, read_part
from rusnews.schema import CORPUS_COLUMNS, CORPUS_TABLES, TABLES


def read_for_corpus(run_dir: Path, shard_ids: list[str]) -> dict[str, Any]:
    """The columns the corpus step reads, of every shard's parts in shard order, as frames."""
    frames = {}
    for name in COLUMNS:
        parts = [read_part(part_path(run_dir, name, sid), name) for sid in shard_ids]
        table = pa.concat_tables(parts) if parts else TABLES[name].empty_table()
        frames[name] = table.select(wanted_columns(name, table.column_names)).to_pandas()
    return frames


def _filled(table: pa.Table, column: str, ids: list[int | None]) -> pa.Table:
    at = table.schema.get_field_index(column)
    return table.set_column(at, table.schema.field(at), pa.array(ids, type=pa.int32()))


def run_corpus_step(
    run_dir: Path, shard_ids: list[str], assembler: TableAssembler, window_days: int
) -> dict[str, Any]:
    """Resolve the run's corpus and give the assembler the tables that depend on it; the
    step's statistics (counts, rules fired, seconds) for the manifest."""
    started = time.perf_counter()
    result = resolve_corpus(read_for_corpus(run_dir, shard_ids), window_days)
    ids = {"entities": result.entity_ids, "events": result.story_ids}
    for name, column in CORPUS_COLUMNS.items():
        offset = 0
        for sid in shard_ids:
            part = read_part(part_path(run_dir, name, sid), name)
            filled = _filled(part, column, ids[name][offset : offset + len(part)])
            assembler.append_table(name, filled)
            offset += len(part)
    frames = {"corpus_entities": result.corpus_entities, "stories": result.stories}
    for name, frame in frames.items():
        schema = CORPUS_TABLES[name]
        assembler.append_table(
            name, pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
        )
    return {**result.stats, "seconds": round(time.perf_counter() - started, 3)}
