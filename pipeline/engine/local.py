"""Local engines: shards in this process, or in a pool of worker processes.

Both hand every shard to the same `run_shard`. An engine is a context manager:
entering it starts its workers, `warm()` waits until each has loaded the
models, and `map` runs shards with a bounded number in flight, so the reader
never runs far ahead of the workers and memory stays flat however large the
input.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType
from typing import Any, Protocol, TypeVar

from rusnews.engine import ticks
from rusnews.engine.completions import ShardReport
from rusnews.engine.config import DEFAULT_PROFILE, FULL, RunConfig
from rusnews.engine.shards import Shard
from rusnews.engine.worker import init_worker, prepare, run_shard, single_thread_environment
from rusnews.io.storage import Location

F = TypeVar("F")


class Engine(Protocol):
    name: str

    @property
    def workers(self) -> int: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc: object) -> None: ...

    def warm(self) -> None: ...

    def map(
        self,
        shards: Iterable[Shard],
        output: Location,
        config: RunConfig,
        progress: ticks.Sink | None = None,
    ) -> Iterator[ShardReport]:
        """Reports of the shards as they finish; `progress` hears of items done inside them."""
        ...

    def describe(self) -> dict[str, Any]: ...


def bounded(
    shards: Iterable[Shard],
    submit: Callable[[Shard], F],
    wait_first: Callable[[set[F]], tuple[set[F], set[F]]],
    limit: int,
) -> Iterator[ShardReport]:
    """Submit shards while fewer than `limit` are in flight; yield reports as shards finish.

    A failed shard raises here: the run stops, and whatever finished before
    keeps its marker for the rerun.
    """
    pending: set[F] = set()
    for shard in shards:
        pending.add(submit(shard))
        while len(pending) >= limit:
            done, pending = wait_first(pending)
            for future in done:
                yield future.result()  # type: ignore[attr-defined]
    while pending:
        done, pending = wait_first(pending)
        for future in done:
            yield future.result()  # type: ignore[attr-defined]


class SerialEngine:
    """Every shard in this process, one after another: no start-up cost, simplest to debug."""

    name = "local"

    def __init__(self, stages: str = FULL, profile: str = DEFAULT_PROFILE) -> None:
        self.stages, self.profile = stages, profile
        self._limits: Any = None

    @property
    def workers(self) -> int:
        return 1

    def __enter__(self) -> SerialEngine:
        try:
            from threadpoolctl import threadpool_limits
        except ImportError:
            return self
        # One BLAS thread while we run, given back afterwards: the caller's
        # process is not ours to reconfigure for good.
        self._limits = threadpool_limits(limits=1)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._limits is not None:
            self._limits.restore_original_limits()
            self._limits = None

    def warm(self) -> None:
        prepare(self.stages, self.profile)

    def map(
        self,
        shards: Iterable[Shard],
        output: Location,
        config: RunConfig,
        progress: ticks.Sink | None = None,
    ) -> Iterator[ShardReport]:
        previous = ticks.set_sink(progress)
        try:
            for shard in shards:
                yield run_shard(shard, str(output), config)
        finally:
            ticks.set_sink(previous)

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": 1}


def _ready() -> int:
    import os

    time.sleep(0.05)  # long enough that one fast worker cannot answer every ping
    return os.getpid()


def _wait_first(pending: set[Future]) -> tuple[set[Future], set[Future]]:
    done, not_done = wait(pending, return_when=FIRST_COMPLETED)
    return set(done), set(not_done)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End the workers now, mid-shard: a stopped run must not wait for the shards in flight.

    Their shards have no marker yet, so the rerun redoes them.
    """
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    for process in list((pool._processes or {}).values()):  # noqa: SLF001 - no public way before 3.14
        process.terminate()


class PoolEngine:
    """A pool of worker processes, each with its own pipeline loaded once.

    Workers are spawned, not forked: a fork would copy the parent's threads
    (the progress bar's) and locks, and spawn is what Dask and macOS do too.
    """

    name = "local"

    def __init__(
        self, workers: int, stages: str = FULL, in_flight: int = 2, profile: str = DEFAULT_PROFILE
    ) -> None:
        self._workers = workers
        self.stages, self.profile = stages, profile
        self.in_flight = in_flight
        self.pool: ProcessPoolExecutor | None = None
        self.progress: ticks.Sink | None = None
        self._queue: Any = None
        self._drain: threading.Thread | None = None

    @property
    def workers(self) -> int:
        return self._workers

    def __enter__(self) -> PoolEngine:
        # Environment first: a spawned worker reads it before numpy loads.
        single_thread_environment()
        context = multiprocessing.get_context("spawn")
        # Workers put (shard, items done) here after each batch; a thread of
        # this process hands them to whoever `map` reports progress to.
        self._queue = context.SimpleQueue()
        self._drain = threading.Thread(target=self._forward, name="rusnews-progress", daemon=True)
        self._drain.start()
        self.pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=context,
            initializer=init_worker,
            initargs=(self.stages, self.profile, self._queue),
        )
        return self

    def _forward(self) -> None:
        while (message := self._queue.get()) is not None:
            if self.progress is not None:
                self.progress(*message)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.pool is not None:
            if isinstance(exc, KeyboardInterrupt):
                _end_workers(self.pool)
            # On an error, queued shards are dropped rather than run for nothing.
            self.pool.shutdown(wait=True, cancel_futures=exc is not None)
            self.pool = None
        if self._drain is not None:
            # A worker that was ended (or died) in the middle of a progress put
            # holds the queue's shared write lock for good: waking the thread
            # through the queue would then block this process forever. The
            # thread is a daemon; it ends with the process.
            if not isinstance(exc, KeyboardInterrupt | BrokenProcessPool):
                self._queue.put(None)  # after the workers: nothing of theirs is behind it
                self._drain.join()
            self._drain = None

    def warm(self) -> None:
        """Return once every worker has started and loaded its models."""
        assert self.pool is not None, "enter the engine first"
        seen: set[int] = set()
        for _ in range(20):
            seen.update(
                f.result() for f in [self.pool.submit(_ready) for _ in range(self._workers)]
            )
            if len(seen) >= self._workers:
                return

    def map(
        self,
        shards: Iterable[Shard],
        output: Location,
        config: RunConfig,
        progress: ticks.Sink | None = None,
    ) -> Iterator[ShardReport]:
        assert self.pool is not None, "enter the engine first"
        pool = self.pool
        self.progress = progress
        try:
            yield from bounded(
                shards,
                lambda shard: pool.submit(run_shard, shard, str(output), config),
                _wait_first,
                limit=self._workers * self.in_flight,
            )
        finally:
            self.progress = None

    def describe(self) -> dict[str, Any]:
        return {"engine": "local", "workers": self._workers}
