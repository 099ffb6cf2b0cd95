"""One progress bar for a run: items read, articles per second, time left."""

from __future__ import annotations

import sys
import time
from pathlib import Path
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
from rusnews.io.walk import walk_inputs


def count_inputs(
    root: Path, exclude: tuple[Path, ...] = (), follow_outside: bool = False
) -> int:
    """Items expected (inputs and files not read, and non-blank .jsonl lines): the bar's total."""
    total = 0
    for path in walk_inputs(root, exclude, follow_outside):
        if isinstance(path, Path) and path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


class RunProgress:
    """The bar counts articles and reader problems; the rate counts articles done by this run.

    Shards finished by an earlier run shrink the total instead of filling the
    bar at once, so the rate and the time left stay true on a resumed run.
    Quiet unless stderr is a terminal (or `show` says otherwise).
    """

    def __init__(self, total: int, show: bool | None = None) -> None:
        self.show = sys.stderr.isatty() if show is None else show
        self.total = total
        self.articles = 0
        self.started = time.perf_counter()
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
        self.started = time.perf_counter()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.bar.__exit__(exc_type, exc, tb)

    def skipped(self, n_items: int) -> None:
        self.total = max(0, self.total - n_items)
        self.bar.update(self.task, total=self.total)

    def done(self, report: ShardReport) -> None:
        self.articles += report.n_articles
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        self.bar.update(self.task, advance=report.n_items, rate=f"{self.articles / elapsed:.1f}")
