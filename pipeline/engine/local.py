"""Run a folder of articles through the pipeline on one machine and write the tables."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from pipeline import __version__
from pipeline.engine.batches import BatchResult, batched, process_batch
from pipeline.io.readers import iter_files, read_folder
from pipeline.io.tables import write_table, to_arrow
from pipeline.schema import TABLES

LIBRARIES = ("natasha", "slovnet", "razdel", "navec", "yargy", "pymorphy3", "pandas", "pyarrow")


@dataclass
class RunSummary:
    output: Path
    n_articles: int = 0
    n_errors: int = 0
    n_failed: int = 0
    mentions_by_label: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.n_articles / self.seconds if self.seconds else 0.0


def count_inputs(root: Path) -> int:
    """Articles expected (files, plus non-blank lines of .jsonl), for the progress bar."""
    total = 0
    for path in iter_files(root):
        if path.suffix.lower() == ".jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def _versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _init_worker() -> None:
    # Each worker builds its own pipeline once; torch threads would fight
    # over the cores the other workers use.
    import torch

    torch.set_num_threads(1)
    from pipeline.engine.batches import get_pipeline

    get_pipeline()


def _results(batches, workers: int) -> Iterator[BatchResult]:
    if workers <= 1:
        for articles, problems in batches:
            yield process_batch(articles, problems)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        pending: list[Future] = []
        for articles, problems in batches:
            pending.append(pool.submit(process_batch, articles, problems))
            # Bounded in flight: the reader never runs far ahead of the workers.
            while len(pending) >= workers * 2:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def run(input_path: Path, output: Path, formats: tuple[str, ...] = ("parquet",), workers: int = 1,
        batch_size: int = 32, progress: bool | None = None) -> RunSummary:
    if not input_path.exists():
        raise FileNotFoundError(f"input path {input_path} does not exist")
    started = time.perf_counter()
    summary = RunSummary(output=output)
    tables: dict[str, list] = {name: [] for name in TABLES}
    timings: Counter = Counter()
    show = sys.stderr.isatty() if progress is None else progress
    total = count_inputs(input_path)
    columns = (TextColumn("[bold]rusnews"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]} art/s"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, disable=not show, transient=False) as bar:
        task = bar.add_task("run", total=total, rate="-")
        for result in _results(batched(read_folder(input_path), batch_size), workers):
            for name, rows in result.tables.items():
                tables[name].extend(rows)
            summary.n_articles += result.n_articles
            summary.n_failed += result.n_failed
            timings.update(result.timings)
            done = summary.n_articles + len(tables["errors"])
            rate = summary.n_articles / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=min(done, total), rate=f"{rate:.1f}")
    summary.n_errors = len(tables["errors"])
    summary.mentions_by_label = Counter(row["label"] for row in tables["mentions"])
    for name, rows in tables.items():
        write_table(to_arrow(name, rows), output, name, formats)
    summary.seconds = time.perf_counter() - started
    summary.timings = {k: round(v, 3) for k, v in timings.items()}
    manifest = {
        "version": __version__,
        "input": str(input_path),
        "configuration": {"formats": list(formats), "workers": workers, "batch_size": batch_size},
        "libraries": _versions(),
        "counts": {"articles": summary.n_articles, "errors": summary.n_errors, "failed": summary.n_failed,
                   "mentions": dict(summary.mentions_by_label),
                   **{name: len(rows) for name, rows in tables.items()}},
        "timings": {"total_s": round(summary.seconds, 3), "stages_s": summary.timings,
                    "articles_per_s": round(summary.articles_per_second, 2)},
    }
    tmp = output / ".manifest.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, output / "manifest.json")
    return summary
