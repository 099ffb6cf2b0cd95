"""The per-shard function: the one piece of work every engine runs.

`run_shard` processes a shard in batches with `process_batch`, writes the
shard's part of every table, then its completion marker. The serial engine,
the process pool and Dask workers all call it, so their tables are the same.
"""

from __future__ import annotations

import gc
import os
import socket
import threading
import time
from collections import Counter

from rusnews.engine import ticks
from rusnews.engine.batches import batched, get_pipeline, process_batch
from rusnews.engine.completions import ShardReport, remove_marker, write_marker
from rusnews.engine.config import DEFAULT_PROFILE, RunConfig
from rusnews.engine.memory import peak_rss_mb, rss_mb
from rusnews.engine.shards import Shard
from rusnews.engine.stopping import ignore_interrupts
from rusnews.io.storage import Location, location
from rusnews.io.tables import to_arrow, write_part
from rusnews.model import WARNING
from rusnews.schema import SHARD_TABLES, Row

# Environment variables that size the BLAS and OpenMP thread pools. They only
# work if set before numpy loads, so engines set them before starting workers.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def single_thread_environment() -> None:
    for name in THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def limit_threads() -> None:
    """One BLAS thread in this process.

    slovnet multiplies small matrices; with a BLAS thread per core, the
    threads of parallel workers fight over the same cores, and even one
    process ran the sample slower with two BLAS threads than with one.
    """
    single_thread_environment()
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # the environment variables above still hold for new processes
        return
    threadpool_limits(limits=1)


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the process that started it dies.

    Without it, a worker of a run killed with SIGKILL finishes its shard
    alone, which wastes a core while the rerun starts.
    """
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


# The (stages, profile) this process has prepared: a shard prepares what it
# needs first, so its clock and the run's articles/s never include loading.
_PREPARED: set[tuple[str, str]] = set()


def prepare(stages: str, profile: str = DEFAULT_PROFILE) -> None:
    """Load everything a shard needs: the pipeline's models, and what pyarrow loads on first use.

    pyarrow imports pandas the first time it converts rows (0.35 s), so an
    empty conversion here keeps that out of the first shard.
    """
    _PREPARED.add((stages, profile))
    get_pipeline(stages, profile)
    to_arrow("errors", [])
    # The loaded models, dictionaries and word lists are millions of objects
    # that live as long as the worker. Left to the cyclic garbage collector,
    # every full collection walks all of them again; frozen, they are skipped.
    gc.collect()
    gc.freeze()


def init_worker(stages: str, profile: str = DEFAULT_PROFILE, progress: object = None) -> None:
    """Start of a worker process: one BLAS thread, models loaded before the first shard.

    `progress`: a queue for the shards' progress, drained by the parent (ticks.py).
    """
    die_with_parent()
    ignore_interrupts()
    limit_threads()
    if progress is not None:
        ticks.set_sink(ticks.to_queue(progress))
    prepare(stages, profile)


def worker_info() -> dict[str, object]:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "rss_mb": rss_mb(),
        "peak_rss_mb": peak_rss_mb(),
    }


# A Dask worker may run several tasks in threads of one process; the pipeline
# (its stages and timings) is built for one caller at a time, so shards take turns.
_ONE_SHARD_AT_A_TIME = threading.Lock()


def run_shard(shard: Shard, output: str, config: RunConfig) -> ShardReport:
    """Process one shard and write its parts, then its marker; return the marker's report.

    `output` is a path or a URL (`s3://bucket/run`): a string travels to any worker.
    """
    with _ONE_SHARD_AT_A_TIME:
        return _run_shard(shard, location(output), config)


def _run_shard(shard: Shard, run_dir: Location, config: RunConfig) -> ShardReport:
    if (config.stages, config.profile) not in _PREPARED:
        prepare(config.stages, config.profile)
    started, started_at = time.perf_counter(), time.time()
    # A marker left by an earlier run with other input must not outlive the
    # parts this run is about to overwrite.
    remove_marker(run_dir, shard.shard_id)
    # From the shard's own configuration, not the engine's: what was loaded at
    # start-up is only a head start, the run's settings decide the stages.
    pipe = get_pipeline(config.stages, config.profile)
    tables: dict[str, list[Row]] = {name: [] for name in SHARD_TABLES}
    timings: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    report = ShardReport(
        shard_id=shard.shard_id,
        index=shard.index,
        fingerprint=shard.fingerprint(config.key()),
        first_article=shard.first_article,
        n_items=len(shard.items),
        started_at=started_at,
    )
    done = 0
    for items in batched(shard.items, config.batch_size):
        result = process_batch(items, pipe, config.time_limit)
        for name, rows in result.tables.items():
            tables[name].extend(rows)
        report.n_articles += result.n_articles
        report.n_failed += result.n_failed
        timings.update(result.timings)
        rules.update(result.rules)
        done += len(items)
        ticks.tell(shard.shard_id, done)
    for name, rows in tables.items():
        write_part(to_arrow(name, rows), run_dir, name, shard.shard_id)
    report.rows = {name: len(rows) for name, rows in tables.items()}
    report.n_warnings = sum(1 for row in tables["errors"] if row.get("severity") == WARNING)
    report.mentions = dict(sorted(Counter(row["label"] for row in tables["mentions"]).items()))
    report.timings = {stage: round(seconds, 4) for stage, seconds in timings.items()}
    report.rules = dict(sorted(rules.items()))
    report.seconds = round(time.perf_counter() - started, 4)
    report.ended_at = time.time()
    report.worker = worker_info()
    write_marker(run_dir, report)
    return report
