"""Putting a run's tables in place as one unit, with `manifest.json` as the commit record.

The tables are complete in a staging folder before any of them is moved.
Publishing then removes `manifest.json`, renames each staged table to
`OUTPUT/<table>.<fmt>`, removes every table file the run did not write (the
Parquet of an earlier run beside this run's CSV, which `rusnews report` would
read first), and writes `manifest.json`, naming the run's table files, last.

So whenever `manifest.json` is there, the table files beside it are exactly
those it lists, all of that one run. A kill during publishing leaves no
manifest: the folder says it is unfinished, and the rerun, whose shards are
all done, publishes again from the parts.

An object store has no rename: there the tables were written under a fresh
prefix (`published/<time>-<token>/`) and stay there, and publishing is one
put of `manifest.json`, naming that prefix in `tables_at`. Readers follow it
(`rusnews.io.storage.read_pointer`), so they see the earlier run's tables or
this one's, whole, at every moment; a kill before the put leaves the earlier
run published.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from rusnews.engine.folders import MANIFEST
from rusnews.io.storage import Location, ObjectPath, publish_pointer
from rusnews.io.tables import FORMATS, write_text_atomic
from rusnews.schema import TABLES


def table_files(run_dir: Path) -> list[Path]:
    """Files at the places where tables live, whichever run wrote them."""
    return [
        run_dir / f"{name}.{fmt}"
        for name in TABLES
        for fmt in FORMATS
        if (run_dir / f"{name}.{fmt}").exists()
    ]


def publish(run_dir: Location, staged: list[Location], manifest: dict[str, Any]) -> Location:
    """Move the staged tables into `run_dir`, drop the rest, write the manifest naming them."""
    names = {path.name for path in staged}
    if isinstance(run_dir, ObjectPath):
        folders = {path.parent for path in staged}
        assert len(folders) == 1, "a run's tables are staged in one folder"
        (tables,) = folders
        assert isinstance(tables, ObjectPath)
        publish_pointer(run_dir, tables, {**manifest, "tables": sorted(names)})
        return run_dir / MANIFEST
    (run_dir / MANIFEST).unlink(missing_ok=True)
    for path in staged:
        os.replace(path, run_dir / path.name)
    for path in table_files(run_dir):
        if path.name not in names:
            path.unlink()
    path = run_dir / MANIFEST
    write_text_atomic(
        path, json.dumps({**manifest, "tables": sorted(names)}, ensure_ascii=False, indent=2)
    )
    return path
