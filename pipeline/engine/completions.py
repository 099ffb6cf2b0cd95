"""Completion markers: a shard is done when its marker exists, and only then.

A worker writes a shard's table parts first and its marker last, each file
under a temporary name renamed into place. A run killed at any moment thus
leaves every shard either with a marker (all its parts are whole) or without
one (it is redone, its parts overwritten). The marker also keeps the shard's
counts, per-stage timings and the worker's memory, from which the manifest is
built without reading the tables. On an object store each file is one put,
whole or absent, which gives the same guarantee without a rename.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import Any

from rusnews.io.storage import (
    Location,
    ObjectPath,
    pointed_publications,
    remove_publications,
    remove_tree,
)
from rusnews.io.tables import PARTS, STAGING, parts_dir, write_text_atomic
from rusnews.schema import SHARD_TABLES

DONE = "_done"
LOCK = ".lock"


@dataclass(slots=True)
class ShardReport:
    """What one finished shard did; stored as its marker."""

    shard_id: str
    index: int
    fingerprint: str
    first_article: int
    n_items: int  # articles and reader problems read into the shard
    n_articles: int = 0  # articles processed
    n_failed: int = 0  # articles the pipeline failed on (each one an `errors` row)
    # `errors` rows of severity warning: an article kept after a repair.
    n_warnings: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    mentions: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    # `stage/rule/fired` and `stage/rule/dropped` counts (Pipeline.rule_counts).
    rules: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0  # processing, after the models were loaded
    # Wall-clock start and end of that processing (time.time()): the run's
    # articles/s is over the span from the first start to the last end.
    started_at: float = 0.0
    ended_at: float = 0.0
    worker: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ShardReport:
        return cls(**data)


def marker_path(run_dir: Location, shard_id: str) -> Location:
    return run_dir / PARTS / DONE / f"{shard_id}.json"


def write_marker(run_dir: Location, report: ShardReport) -> None:
    path = marker_path(run_dir, report.shard_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(path, json.dumps(asdict(report), ensure_ascii=False, indent=1))


def read_marker(run_dir: Location, shard_id: str) -> ShardReport | None:
    """The shard's report, or None when it never finished (or its marker is unreadable)."""
    try:
        return ShardReport.from_dict(
            json.loads(marker_path(run_dir, shard_id).read_text(encoding="utf-8"))
        )
    except (OSError, ValueError, TypeError):
        return None


def remove_marker(run_dir: Location, shard_id: str) -> None:
    marker_path(run_dir, shard_id).unlink(missing_ok=True)


def is_done(run_dir: Location, shard_id: str, fingerprint: str) -> ShardReport | None:
    """The report of a shard finished with this very input and these settings, else None."""
    report = read_marker(run_dir, shard_id)
    return report if report is not None and report.fingerprint == fingerprint else None


def _shard_files(run_dir: Location) -> Iterator[tuple[str, Location]]:
    """(shard id, file) for every part and marker present."""
    for folder in [*(parts_dir(run_dir, name) for name in SHARD_TABLES), run_dir / PARTS / DONE]:
        if folder.is_dir():
            for path in folder.iterdir():
                if not path.name.startswith("."):
                    yield path.stem, path


def listed_shards(run_dir: Location) -> dict[str, set[str]]:
    """Shard ids with a file in each parts folder (`_done` for markers), from one listing each.

    One listing instead of a look-up per file: on an object store a look-up is
    a request, and a run of many shards would spend minutes on them.
    """
    found: dict[str, set[str]] = {name: set() for name in [*SHARD_TABLES, DONE]}
    for sid, path in _shard_files(run_dir):
        folder = path.parent.name
        if folder in found and path.suffix in (".arrow", ".json"):
            found[folder].add(sid)
    return found


def remove_stale(run_dir: Location, keep: Iterable[str]) -> int:
    """Delete parts and markers of shards this run does not have (left by a larger earlier
    input)."""
    wanted = set(keep)
    removed = 0
    for sid, path in _shard_files(run_dir):
        if sid not in wanted:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def remove_temporaries(run_dir: Location) -> None:
    """What a killed run was writing (`.NAME.tmp-PID`, `.staging-PID/`): never part of a result.

    On an object store: the prefixes under `published/` that its pointer does not name.
    """
    if isinstance(run_dir, ObjectPath):
        remove_publications(run_dir, keep=pointed_publications(run_dir))
        return
    folders = [
        run_dir,
        run_dir / PARTS,
        run_dir / PARTS / DONE,
        *(parts_dir(run_dir, name) for name in SHARD_TABLES),
    ]
    for folder in folders:
        if folder.is_dir():
            for path in folder.glob(".*.tmp-*"):
                path.unlink(missing_ok=True)
    for staging in run_dir.glob(f"{STAGING}-*"):
        remove_tree(staging)


def clear(run_dir: Location) -> None:
    """Forget every shard (`--force`): parts and markers go, the lock stays."""
    for name in [*SHARD_TABLES, DONE]:
        remove_tree(run_dir / PARTS / name)


@contextmanager
def run_lock(run_dir: Location) -> Iterator[None]:
    """Hold the output folder for one run at a time.

    The lock is an OS file lock, released by the kernel even when the run is
    killed, so a stale lock file never blocks the next run. An object store
    has no such lock: there, one run at a time per output is up to the user.
    """
    if isinstance(run_dir, ObjectPath):
        yield
        return
    folder = run_dir / PARTS
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a+", encoding="utf-8") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; one run at a time is up to the user
            yield
            return
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RuntimeError(
                f"another rusnews run (pid {holder}) is writing to {run_dir}; "
                "wait for it to finish or choose another output folder"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
