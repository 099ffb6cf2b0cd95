"""One progress bar for a run: items done, items per second, time left."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rusnews.engine.completions import ShardReport
from rusnews.io.storage import Location
from rusnews.io.walk import walk_inputs
from rusnews.model import Problem


def count_inputs(
    root: Location, exclude: tuple[Location, ...] = (), follow_outside: bool = False
) -> int:
    """Items expected (inputs and files not read, and non-blank .jsonl lines): the bar's total."""
    total = 0
    for path in walk_inputs(root, exclude, follow_outside):
        if not isinstance(path, Problem) and path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


class RunProgress:
    """The bar counts articles and reader problems as the workers finish them.

    Workers report per batch how far into its shard they are (`advance`, from
    any thread); a finished shard (`done`) counts whole. Shards finished by an
    earlier run shrink the total instead of filling the bar at once, and the
    rate counts from the first item this run finished, so neither the rate nor
    the time left includes resumed work or model loading.
    Quiet unless stderr is a terminal (or `show` says otherwise).
    """

    def __init__(self, total: int, show: bool | None = None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.total = total
        self.articles = 0
        self._finished = 0  # items of shards this run finished
        self._partial: dict[str, int] = {}  # items done so far in shards still running
        self._closed: set[str] = set()
        self._first: tuple[float, int] | None = None  # (time, items) of the first report
        self._lock = threading.Lock()
        columns = (
            TextColumn("[bold]rusnews"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
        )
        self.bar = Progress(*columns, disable=not self.show, transient=False)
        self.task: TaskID | None = None

    def __enter__(self) -> RunProgress:
        self.bar.__enter__()
        self.task = self.bar.add_task("run", total=self.total, rate="-")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.bar.__exit__(exc_type, exc, tb)

    @property
    def completed(self) -> int:
        return self._finished + sum(self._partial.values())

    def skipped(self, n_items: int) -> None:
        self.total = max(0, self.total - n_items)
        self.bar.update(self.task, total=self.total)

    def advance(self, shard_id: str, done: int) -> None:
        """`done` items of shard `shard_id` are finished (a running total: repeats are harmless)."""
        with self._lock:
            if shard_id in self._closed or done <= self._partial.get(shard_id, 0):
                return
            self._partial[shard_id] = done
            self._redraw()

    def done(self, report: ShardReport) -> None:
        with self._lock:
            self._closed.add(report.shard_id)
            self._partial.pop(report.shard_id, None)
            self._finished += report.n_items
            self.articles += report.n_articles
            self._redraw()

    def _redraw(self) -> None:
        now, completed = time.perf_counter(), self.completed
        if self._first is None:
            self._first = (now, completed)
        since, before = self._first
        rate = f"{(completed - before) / (now - since):.1f}" if now > since else "-"
        self.bar.update(self.task, completed=completed, rate=rate)
