"""`rusnews bench --scale N`: what follows the workers, timed as the corpus grows.

One small synthetic input is run for real; its shards are replicated to each
size asked for (rusnews.bench.replicate); then each part runs in a process of
its own, so that its peak memory is its own: the resumed run over the finished
shards (reading and fingerprinting the input, assembling, the corpus step,
publishing: what a rerun of `rusnews run` does), assembling alone, the corpus
step alone and `rusnews report`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rusnews.bench.synthetic import build_synthetic
from rusnews.engine.config import (
    DEFAULT_SHARD_SIZE,
    DEFAULT_WINDOW_DAYS,
    RunConfig,
    default_workers,
)
from rusnews.engine.memory import peak_rss_mb

SOURCE_ARTICLES = 300  # the real run: three shards of the default size
PARTS = ("resumed run", "assembly", "corpus step", "report")


def _shard_ids(run_dir: Path) -> list[str]:
    from rusnews.engine import completions
    from rusnews.io.tables import PARTS as PARTS_FOLDER

    return sorted(p.stem for p in (run_dir / PARTS_FOLDER / completions.DONE).glob("*.json"))


def time_resumed(input_dir: str, run_dir: str, shard_size: int) -> dict[str, Any]:
    """A rerun of `rusnews run` over shards that are all finished: nothing is processed."""
    from rusnews.engine.runner import run

    started = time.perf_counter()
    summary = run(Path(input_dir), Path(run_dir), shard_size=shard_size, workers=1, progress=False)
    seconds = time.perf_counter() - started
    if summary.n_processed:
        raise RuntimeError(f"the resumed run processed {summary.n_processed} articles")
    return {
        "seconds": seconds,
        "peak_rss_mb": peak_rss_mb(),
        "articles": summary.n_articles,
        "corpus_seconds": summary.corpus.get("seconds"),
    }


def time_assembly(run_dir: str, shard_size: int) -> dict[str, Any]:
    """The run's tables from the shards' parts, as the runner appends them, corpus ids unset."""
    from rusnews.engine.runner import ShardPlan
    from rusnews.io.tables import TableAssembler, part_path
    from rusnews.schema import CORPUS_COLUMNS

    out = Path(run_dir)
    started = time.perf_counter()
    assembler = TableAssembler(out)
    try:
        plan = ShardPlan(out, out, RunConfig(shard_size=shard_size), None)  # type: ignore[arg-type]
        plan.shard_ids = _shard_ids(out)
        plan.finished.update(plan.shard_ids)
        plan.assemble_ready(assembler)
        for sid in plan.shard_ids:  # the tables that wait for the corpus step, as they are
            assembler.append({name: part_path(out, name, sid) for name in CORPUS_COLUMNS})
        assembler.finish()
    finally:
        assembler.discard()
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def time_corpus_step(run_dir: str, window_days: int) -> dict[str, Any]:
    """The corpus step as a run does it: reading its columns, resolving, appending its tables."""
    from rusnews.engine.corpus_step import run_corpus_step
    from rusnews.io.tables import TableAssembler

    out = Path(run_dir)
    started = time.perf_counter()
    assembler = TableAssembler(out)
    try:
        stats = run_corpus_step(out, _shard_ids(out), assembler, window_days)
        assembler.finish()
    finally:
        assembler.discard()
    if "error" in stats:
        raise RuntimeError(stats["error"])
    return {
        "seconds": time.perf_counter() - started,
        "peak_rss_mb": peak_rss_mb(),
        "corpus_entities": stats["corpus_entities"],
        "stories": stats["stories"],
    }


def time_report(run_dir: str, html: str) -> dict[str, Any]:
    """`rusnews report` on the published run."""
    from rusnews.report import write_report

    started = time.perf_counter()
    write_report(run_dir, html)
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": peak_rss_mb()}


def build_source(folder: Path, workers: int, shard_size: int = DEFAULT_SHARD_SIZE) -> Path:
    """The real run the sizes are replicated from: `folder/input` and `folder/run`."""
    from rusnews.engine.runner import run

    build_synthetic(SOURCE_ARTICLES, folder / "input")
    run(folder / "input", folder / "run", shard_size=shard_size, workers=workers, progress=False)
    return folder


def bench_scale(
    sizes: list[int],
    workers: int | None = None,
    work_dir: Path | None = None,
    in_process: Callable[..., dict[str, Any]] | None = None,
    say: Callable[[str], None] = print,
    source: Path | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
) -> list[dict[str, Any]]:
    """One row per size and part: wall seconds, seconds per 1,000 articles, peak RSS.

    `source`: a folder from `build_source` to reuse; each size's input and run are
    written under `work_dir` (a temporary folder when None) and removed after it.
    """
    from rusnews.bench.core import _in_fresh_process
    from rusnews.bench.replicate import replicate_run

    timed = in_process or _in_fresh_process
    workers = workers or default_workers()
    load_before = _load()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="rusnews-scale-", dir=work_dir) as tmp:
        root = Path(tmp)
        if source is None:
            say(f"running rusnews over {SOURCE_ARTICLES} synthetic articles ...")
            source = build_source(root / "source", workers, shard_size)
        for n in sorted(set(sizes)):
            size_dir = root / f"n{n}"
            say(f"replicating its shards to {n:,} articles ...")
            started = time.perf_counter()
            replicate_run(
                source / "input",
                source / "run",
                n,
                size_dir / "input",
                size_dir / "run",
                shard_size,
            )
            say(f"  {time.perf_counter() - started:.0f} s; timing each part ...")
            run_dir, input_dir = str(size_dir / "run"), str(size_dir / "input")
            plan = [
                ("assembly", time_assembly, (run_dir, shard_size)),
                ("corpus step", time_corpus_step, (run_dir, DEFAULT_WINDOW_DAYS)),
                ("resumed run", time_resumed, (input_dir, run_dir, shard_size)),
                ("report", time_report, (run_dir, str(size_dir / "report.html"))),
            ]
            for part, function, args in plan:
                found = timed(function, *args)
                found.update(size=n, part=part, per_1000=found["seconds"] / n * 1000)
                say(f"  {part}: {found['seconds']:.1f} s, peak {found['peak_rss_mb']:.0f} MB")
                rows.append(found)
            shutil.rmtree(size_dir)
    rows.sort(key=lambda row: (PARTS.index(row["part"]), row["size"]))
    for row in rows:
        row.update(load_before=load_before, load_after=_load())
    return rows


def _load() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return None


def print_scale(rows: list[dict[str, Any]], console: Console | None = None) -> None:
    """size, part, wall s, s per 1,000 articles, peak RSS; and each part's largest size
    against its smallest."""
    console = console or Console()
    sizes = sorted({row["size"] for row in rows})
    ratio = len(sizes) > 1
    table = Table(title="rusnews bench --scale: what follows the workers")
    columns = ["articles", "part", "wall s", "s per 1,000", "peak RSS MB"]
    if ratio:
        columns += [f"s per 1,000 vs {sizes[0]:,}", f"RSS vs {sizes[0]:,}"]
    for column in columns:
        table.add_column(column, justify="left" if column == "part" else "right")
    first = {row["part"]: row for row in rows if row["size"] == sizes[0]}
    for row in rows:
        cells = [
            f"{row['size']:,}",
            row["part"],
            f"{row['seconds']:.1f}",
            f"{row['per_1000']:.2f}",
            f"{row['peak_rss_mb']:.0f}",
        ]
        if ratio:
            base = first[row["part"]]
            cells += [
                f"{row['per_1000'] / base['per_1000']:.2f}x",
                f"{row['peak_rss_mb'] / base['peak_rss_mb']:.2f}x",
            ]
        table.add_row(*cells)
    console.print(table)
    loads = [row.get("load_before") for row in rows[:1]] + [
        row.get("load_after") for row in rows[:1]
    ]
    load = (
        f"; load average {loads[0]:.1f} before, {loads[1]:.1f} after" if None not in loads else ""
    )
    console.print(
        "[dim]each part in a process of its own; resumed run: `rusnews run` again over the "
        "finished shards (reading and fingerprinting the input, assembling, the corpus step, "
        f"publishing); assembly: the tables from the parts, corpus ids unset{load}.[/]"
    )
