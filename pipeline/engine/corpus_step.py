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
from rusnews.io.tables import TableAssembler, part_path, read_part, to_arrow
from rusnews.model import ERROR
from rusnews.schema import CORPUS_COLUMNS, CORPUS_TABLES, TABLES


def read_for_corpus(run_dir: Path, shard_ids: list[str]) -> dict[str, Any]:
    """The columns the corpus step reads, of every shard's parts in shard order, as frames."""
    frames = {}
    for name in COLUMNS:
        # Each part cut to the columns first: the rest of its columns are never read.
        wanted = wanted_columns(name, TABLES[name].names)
        parts = [read_part(part_path(run_dir, name, sid), name).select(wanted) for sid in shard_ids]
        table = pa.concat_tables(parts) if parts else TABLES[name].empty_table().select(wanted)
        frames[name] = table.to_pandas()
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
    try:
        result = resolve_corpus(read_for_corpus(run_dir, shard_ids), window_days)
    except Exception as error:  # the shards' work stands without the corpus
        # A fault here must not cost the run its tables: they are published without
        # corpus ids, and an `errors` row says why.
        message = f"the corpus step failed ({type(error).__name__}: {error}); "
        message += "corpus_entities and stories are empty and the corpus ids unset"
        row = {"path": str(run_dir), "stage": "corpus", "kind": "corpus_failed"}
        row.update(severity=ERROR, message=message)
        assembler.append_table("errors", to_arrow("errors", [row]))
        result = None
    ids = {"entities": result.entity_ids, "events": result.story_ids} if result else {}
    for name, column in CORPUS_COLUMNS.items():
        offset = 0
        for sid in shard_ids:
            part = read_part(part_path(run_dir, name, sid), name)
            if name in ids:
                part = _filled(part, column, ids[name][offset : offset + len(part)])
            assembler.append_table(name, part)
            offset += len(part)
    if result is None:
        return {"error": message, "seconds": round(time.perf_counter() - started, 3)}
    frames = {"corpus_entities": result.corpus_entities, "stories": result.stories}
    for name, frame in frames.items():
        schema = CORPUS_TABLES[name]
        assembler.append_table(
            name, pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
        )
    return {**result.stats, "seconds": round(time.perf_counter() - started, 3)}
