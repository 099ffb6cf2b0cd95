"""The Dask engine: the same shards and the same `run_shard`, on a Dask distributed cluster.

Without a scheduler address it starts a `LocalCluster` of worker processes
with one thread each. With an address it uses that cluster's workers, which
need rusnews installed and must reach the output: each worker writes its
shards' parts and markers itself, as the local pool does. The output is a
folder they all see at the same path (shared storage), or an object store
URL (`s3://bucket/run`) with the store's settings in each worker's
environment; the input travels inside the shards, so workers need no access
to it. Start such workers with one thread per process
(`dask worker ADDRESS --nworkers N --nthreads 1`): a process runs one shard
at a time, and extra threads would only wait.
"""

from __future__ import annotations

import logging
import socket
import uuid
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin, wait
from rusnews import __version__
from rusnews.engine import ticks
from rusnews.engine.completions import ShardReport
from rusnews.engine.config import DEFAULT_PROFILE, FULL, RunConfig
from rusnews.engine.local import bounded
from rusnews.engine.shards import Shard
from rusnews.engine.stopping import ignore_interrupts
from rusnews.engine.worker import limit_threads, prepare, run_shard, single_thread_environment
from rusnews.io.storage import Location, ObjectPath, location

PLUGIN_NAME = "rusnews-pipeline"


class LoadPipeline(WorkerPlugin):
    """Build the pipeline once in every worker process, when the worker joins.

    The worker also sends its shards' progress to the client, as events of `topic`.
    """

    def __init__(
        self, stages: str = FULL, profile: str = DEFAULT_PROFILE, topic: str | None = None
    ) -> None:
        self.stages, self.profile, self.topic = stages, profile, topic

    def setup(self, worker: Any) -> None:
        limit_threads()
        if self.topic:
            topic = self.topic
            ticks.set_sink(lambda shard_id, done: worker.log_event(topic, [shard_id, done]))
        prepare(self.stages, self.profile)


class IgnoreInterrupts(WorkerPlugin):
    """Ctrl-C is for the client: a LocalCluster worker that died of it printed a traceback.

    Given to the workers when they are made, so it holds before they load anything.
    """

    def setup(self, worker: Any) -> None:
        import threading

        if threading.current_thread() is threading.main_thread():
            ignore_interrupts()


class StopNoise(logging.Filter):
    """Drops distributed's log of a NameError when Ctrl-C comes as a call is starting.

    Its `sync` then cancels a future it has not yet made; the stop itself goes
    as meant, and the traceback would only frighten whoever pressed Ctrl-C.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "sync.<locals>.cancel" not in record.getMessage()


STOP_NOISE = StopNoise()


def _probe(path: str) -> tuple[bool | str, str]:
    """On a worker: can it see the file the client wrote, and which rusnews does it run?

    A store it cannot reach at all answers with the reason, as a string.
    """
    from rusnews import __version__ as worker_version

    try:
        return location(path).exists(), worker_version
    except Exception as exc:  # noqa: BLE001 - any failure to reach the store is the answer
        return f"{type(exc).__name__}: {exc}", worker_version


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds, not after the client's long retry, when nothing listens at a tcp://
    address."""
    scheme, _, rest = address.rpartition("://")
    if scheme not in ("", "tcp") or ":" not in rest:
        return  # tls://, ucx://, ...: leave it to the client
    host, _, port = rest.rpartition(":")
    if not port.isdigit():
        return
    with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
        pass


def _wait_first(pending: set[Future]) -> tuple[set[Future], set[Future]]:
    done, not_done = wait(list(pending), return_when="FIRST_COMPLETED")
    return set(done), set(not_done)


class DaskEngine:
    name = "dask"

    def __init__(
        self,
        workers: int,
        scheduler: str | None = None,
        stages: str = FULL,
        in_flight: int = 2,
        profile: str = DEFAULT_PROFILE,
    ) -> None:
        self._workers = workers
        self.scheduler = scheduler
        self.stages, self.profile = stages, profile
        self.in_flight = in_flight
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self._warm = False
        # One topic per engine: two runs on one cluster do not hear each other's progress.
        self.topic = f"rusnews-progress-{uuid.uuid4().hex[:8]}"

    @property
    def workers(self) -> int:
        """Threads across the cluster's workers: how many shards can run at once."""
        if self.client is None:
            return self._workers
        return max(
            1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        )

    def __enter__(self) -> DaskEngine:
        logging.getLogger("tornado.application").addFilter(STOP_NOISE)
        try:
            if self.scheduler:
                _check_reachable(self.scheduler)
                self.client = Client(self.scheduler, timeout="30s")
            else:
                # Workers are spawned from this process and read its environment.
                single_thread_environment()
                with warnings.catch_warnings():
                    # The scheduler's HTTP endpoint moves to a free port when 8787 is
                    # taken (another cluster on this machine): harmless, we don't use it.
                    warnings.filterwarnings("ignore", message="Port .* is already in use")
                    self.cluster = LocalCluster(
                        n_workers=self._workers,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        silence_logs=logging.ERROR,
                        plugins=(IgnoreInterrupts(),),
                    )
                self.client = Client(self.cluster)
        except OSError as exc:
            self.__exit__(None, None, None)
            if self.scheduler:
                raise RuntimeError(
                    f"cannot reach the Dask scheduler at {self.scheduler}: {exc}"
                ) from exc
            raise RuntimeError(
                f"cannot start a Dask LocalCluster of {self._workers} workers: {exc}"
            ) from exc
        return self

    def __exit__(self, *exc: object) -> None:
        # A stopped run drops the shards in flight; the scheduler would log each
        # result it could no longer hand over as an error.
        stopped = len(exc) > 1 and isinstance(exc[1], KeyboardInterrupt)
        scheduler_log = logging.getLogger("distributed.scheduler")
        level = scheduler_log.level
        if stopped:
            scheduler_log.setLevel(logging.CRITICAL)
        try:
            if self.client is not None:
                self.client.close()
                self.client = None
            if self.cluster is not None:
                self.cluster.close()
                self.cluster = None
        finally:
            scheduler_log.setLevel(level)
            logging.getLogger("tornado.application").removeFilter(STOP_NOISE)

    def warm(self) -> None:
        """Register the plugin: every worker (and any that joins later) loads the models."""
        assert self.client is not None, "enter the engine first"
        if self._warm:
            return
        if self.scheduler:
            try:
                self.client.wait_for_workers(1, timeout=60)
            except TimeoutError as exc:
                raise RuntimeError(
                    f"no Dask worker joined the scheduler at {self.scheduler} within 60 s; start "
                    f"some with `dask worker {self.scheduler} --nthreads 1`"
                ) from exc
        self.client.register_plugin(
            LoadPipeline(self.stages, self.profile, self.topic), name=PLUGIN_NAME
        )
        self._warm = True

    def check_output(self, output: Location) -> None:
        """Fail early, with a reason, when a worker cannot write where the tables are assembled."""
        assert self.client is not None, "enter the engine first"
        probe = output / "parts" / f".probe-{uuid.uuid4().hex}"
        probe.parent.mkdir(parents=True, exist_ok=True)
        probe.write_text("rusnews", encoding="utf-8")
        try:
            answers: dict[str, tuple[bool | str, str]] = self.client.run(
                _probe, str(probe.resolve())
            )
        finally:
            probe.unlink(missing_ok=True)
        for address, (visible, version) in answers.items():
            if isinstance(visible, str):
                raise RuntimeError(
                    f"Dask worker {address} cannot reach the output {output.resolve()}: {visible}; "
                    "give each worker the store's settings (for S3: AWS_ENDPOINT_URL, "
                    "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and rusnews[s3]"
                )
            if not visible:
                where = (
                    "the output {0}; give an object store URL they all reach, with its "
                    "settings in each worker's environment"
                    if isinstance(output, ObjectPath)
                    else "the output folder {0}; workers write the table parts there, so give an "
                    "output folder on storage they share, or an object store URL (s3://...)"
                )
                raise RuntimeError(
                    f"Dask worker {address} cannot see {where.format(output.resolve())}"
                )
            if version != __version__:
                raise RuntimeError(
                    f"Dask worker {address} runs rusnews {version}, this client {__version__}; "
                    "install the same version on every worker"
                )

    def map(
        self,
        shards: Iterable[Shard],
        output: Location,
        config: RunConfig,
        progress: ticks.Sink | None = None,
    ) -> Iterator[ShardReport]:
        assert self.client is not None, "enter the engine first"
        client = self.client
        self.warm()  # first: on a remote cluster, it waits for a worker to ask
        self.check_output(output)
        target = str(output.resolve())

        def submit(shard: Shard) -> Future:
            # pure=False: a rerun must run again, not reuse a result the cluster remembers.
            return client.submit(
                run_shard,
                shard,
                target,
                config,
                pure=False,
                key=f"rusnews-{shard.shard_id}-{uuid.uuid4().hex[:8]}",
            )

        if progress is not None:
            # An event is (time, message); the handler runs on the client's event loop.
            client.subscribe_topic(self.topic, lambda event: progress(*event[1]))
        try:
            yield from bounded(
                shards, submit, _wait_first, limit=max(2, self.workers * self.in_flight)
            )
        finally:
            if progress is not None:
                client.unsubscribe_topic(self.topic)

    def describe(self) -> dict[str, Any]:
        return {
            "engine": "dask",
            "workers": self.workers,
            "scheduler": self.scheduler or "LocalCluster",
        }
