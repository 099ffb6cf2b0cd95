"""`rusnews bench`: plain Natasha and rusnews timed on the same texts in one run."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rusnews.bench import contenders
from rusnews.bench.synthetic import build_synthetic
from rusnews.engine.config import default_workers
from rusnews.engine.worker import THREAD_VARIABLES
from rusnews.model import Article

CHECKPOINTS = (2_000, 20_000)


@dataclass
class BenchResult:
    corpus: str | None
    articles: int = 0
    tokens: int = 0
    shard_size: int = 0
    batch_size: int = 0
    cores: int = 0
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    synthetic: dict[str, Any] | None = None

    def find(self, key: str, workers: int | None = None) -> dict[str, Any] | None:
        for row in self.rows:
            if row["key"] == key and (workers is None or row["workers"] == workers):
                return row
        return None


@contextmanager
def _blas_threads(threads: int | None) -> Iterator[None]:
    """The BLAS environment a spawned process starts with: `threads`, or the library default
    (None)."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    for name in THREAD_VARIABLES:
        if threads is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = str(threads)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _in_fresh_process(
    function: Callable[..., dict[str, Any]], *args: Any, threads: int | None = 1
) -> dict[str, Any]:
    """Run one timed system in a process of its own: clean memory, and its peak is its own."""
    with ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn")
    ) as pool:
        with _blas_threads(threads):
            future = pool.submit(function, *args)  # the process starts here, with this environment
        return future.result()


def _best(
    function: Callable[..., dict[str, Any]], repeat: int, *args: Any, threads: int | None = 1
) -> dict[str, Any]:
    runs = [_in_fresh_process(function, *args, threads=threads) for _ in range(repeat)]
    return min(runs, key=lambda run: run["seconds"])


def _load() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except (AttributeError, OSError):
        return None


def bench_sizes(n_articles: int, workers: int) -> tuple[int, int]:
    """Shard and batch sizes for a timed run: enough shards to keep every worker busy to the end."""
    shard = max(8, min(100, math.ceil(n_articles / (workers * 6))))
    return shard, min(32, shard)


def bench(
    corpus: Path | None,
    synthetic: int | None = None,
    workers: list[int] | None = None,
    repeat: int = 1,
    json_path: Path | None = None,
    say: Callable[[str], None] = print,
) -> BenchResult:
    """Time every system on `corpus`, then (with `synthetic`) rusnews alone on a synthetic
    corpus."""
    cores = default_workers()
    counts = sorted(set(workers or [1, cores]))
    result = BenchResult(corpus=str(corpus) if corpus else None, cores=cores, load_before=_load())
    if corpus is not None:
        _bench_corpus(result, corpus, counts, repeat, say)
    if synthetic is not None:
        result.synthetic = _bench_synthetic(synthetic, max(counts), say)
    result.load_after = _load()
    if json_path is not None:
        json_path.write_text(
            json.dumps(asdict(result), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return result


def _bench_corpus(
    result: BenchResult, corpus: Path, counts: list[int], repeat: int, say: Callable[[str], None]
) -> None:
    from rusnews.io.readers import read_folder

    n = sum(isinstance(item, Article) for item in read_folder(corpus))
    if n == 0:
        raise ValueError(f"no readable article in {corpus}")
    result.articles = n
    result.shard_size, result.batch_size = bench_sizes(n, max(counts))
    path = str(corpus)
    sizes = (result.shard_size, result.batch_size)
    # (label, function, arguments, BLAS threads the process starts with; None: the library default)
    plan: list[tuple[str, Callable[..., dict[str, Any]], tuple[Any, ...], int | None]] = [
        ("natasha NER as shipped", contenders.time_natasha, (path, False, False), None),
        ("natasha NER with 1 BLAS thread", contenders.time_natasha, (path, False, True), 1),
        *[
            (
                f"rusnews NER only, {w} worker(s)",
                contenders.time_rusnews,
                (path, w, "ner", *sizes),
                1,
            )
            for w in counts
        ],
        ("natasha full as shipped", contenders.time_natasha, (path, True, False), None),
        ("natasha full with 1 BLAS thread", contenders.time_natasha, (path, True, True), 1),
        *[
            (f"rusnews full, {w} worker(s)", contenders.time_rusnews, (path, w, "full", *sizes), 1)
            for w in counts
        ],
    ]
    for label, function, args, threads in plan:
        say(f"timing {label} on {n} articles ...")
        result.rows.append(_best(function, repeat, *args, threads=threads))
    result.tokens = result.rows[0]["tokens"]  # razdel tokens, counted once by the Natasha run
    for row in result.rows:
        row["articles_per_s"] = row["articles"] / row["seconds"]
        row["tokens_per_s"] = result.tokens / row["seconds"]


def _bench_synthetic(n: int, workers: int, say: Callable[[str], None]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="rusnews-synthetic-") as tmp:
        say(f"building {n} synthetic articles ...")
        folder = build_synthetic(n, Path(tmp))
        checkpoints = tuple(k for k in CHECKPOINTS if k <= n) or (n,)
        say(f"running rusnews with {workers} worker(s) over them ...")
        found = _in_fresh_process(
            contenders.run_scale, str(folder), workers, 100, 32, checkpoints, threads=1
        )
    found["articles_per_s"] = found["articles"] / found["seconds"]
    return found
