"""`--time-limit` is one article's time on every engine, whatever the batch size.

One article of the folder stalls; it must be the one `timeout` row under the
serial engine, a pool of processes and a Dask cluster (whose workers run
shards in threads, where no SIGALRM can be set), in batches of 1 and of 32,
and every table must come out the same.
"""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from rusnews.engine.batches import get_pipeline
from rusnews.engine.config import DEFAULT_PROFILE, FULL
from rusnews.engine.local import PoolEngine, SerialEngine
from rusnews.engine.runner import run
from rusnews.engine.worker import init_worker, single_thread_environment
from rusnews.io.tables import read_table
from rusnews.model import Article, Problem

from tests.conftest import SAMPLE
from tests.engine.conftest import assert_same_tables

# Each case waits out real stalls of seconds, on three engines.
pytestmark = pytest.mark.slow

STALLS = "зависнуть"
LIMIT = 2.0  # seconds; the articles of the sample take a small fraction of it
# Longer than one article's limit, shorter than the limits of a few articles:
# a limit that grows with the batch would keep the article in a batch.
STALL = 1.5 * LIMIT


class Stall:
    """Stands for a stage that runs far too long on one input (a runaway loop).

    It loops in Python, as a runaway stage would, rather than in one long
    sleep: a thread's limit is raised between two bytecodes.
    """

    name = "stall"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, articles: list[Article]) -> list[Article]:
        if any(STALLS in a.text for a in articles):
            until = time.monotonic() + STALL
            while time.monotonic() < until:
                time.sleep(0.01)
        return articles


def install_stall() -> None:
    """Put the stalling stage first in this process's pipeline of the default settings."""
    pipe = get_pipeline(FULL, DEFAULT_PROFILE)
    if not isinstance(pipe.stages[0], Stall):
        pipe.stages.insert(0, Stall())


def remove_stall() -> None:
    pipe = get_pipeline(FULL, DEFAULT_PROFILE)
    pipe.stages[:] = [stage for stage in pipe.stages if not isinstance(stage, Stall)]


def stalling_worker(stages: str, profile: str) -> None:
    init_worker(stages, profile)
    install_stall()


class StallingPool(PoolEngine):
    """The local pool, each worker process with the stalling stage."""

    def __enter__(self) -> StallingPool:
        single_thread_environment()
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=stalling_worker,
            initargs=(self.stages, self.profile),
        )
        return self


def stalling_dask(workers: int) -> Any:
    from distributed import WorkerPlugin
    from rusnews.engine.dask_engine import DaskEngine

    class InstallStall(WorkerPlugin):
        def setup(self, worker: Any) -> None:
            install_stall()

    class StallingDask(DaskEngine):
        """A Dask LocalCluster of processes, each with the stalling stage."""

        def warm(self) -> None:
            super().warm()
            assert self.client is not None
            self.client.register_plugin(InstallStall(), name="rusnews-test-stall")

    return StallingDask(workers)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("time-limit") / "in"
    shutil.copytree(SAMPLE, root, ignore=shutil.ignore_patterns("*.md"))
    (root / "kz-eu-readmission-2.txt").write_text(
        "Здесь можно зависнуть: Алибек Бакаев прибыл в Брюссель.", encoding="utf-8"
    )
    return root


@pytest.fixture
def stall_here() -> Iterator[None]:
    install_stall()
    try:
        yield
    finally:
        remove_stall()


def run_with(folder: Path, out: Path, engine: Any, batch_size: int) -> Path:
    with engine:
        engine.warm()
        run(
            folder,
            out,
            engine=engine,
            batch_size=batch_size,
            shard_size=4,  # several shards, so that two workers share them
            time_limit=LIMIT,
            progress=False,
        )
    return out


def timeouts(out: Path) -> list[str]:
    errors = read_table(out, "errors")
    return sorted(errors.loc[errors["kind"] == "timeout", "article_id"])


@pytest.mark.usefixtures("stall_here")
def test_the_slow_article_times_out_alike_on_every_engine_and_batch_size(
    folder: Path, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    serial_1 = run_with(folder, tmp_path / "serial-1", SerialEngine(), batch_size=1)
    articles = read_table(serial_1, "articles")
    assert timeouts(serial_1) == ["kz-eu-readmission-2"]
    assert len(articles) == 13 and "kz-eu-readmission-2" not in set(articles["article_id"])

    others = {
        "serial, batches of 32": (SerialEngine(), 32),
        "2 pool workers, batches of 1": (StallingPool(2), 1),
        "2 pool workers, batches of 32": (StallingPool(2), 32),
        "2 Dask workers, batches of 32": (stalling_dask(2), 32),
    }
    for name, (engine, batch_size) in others.items():
        out = run_with(folder, tmp_path / name.replace(" ", "-"), engine, batch_size)
        assert timeouts(out) == ["kz-eu-readmission-2"], name
        assert_same_tables(serial_1, out)


@pytest.mark.usefixtures("stall_here")
def test_the_limit_is_one_articles_in_a_batch_of_many() -> None:
    """31 neighbours do not lend the slow article their time."""
    from rusnews.engine.batches import process_batch

    batch: list[Article | Problem] = [
        Article(f"n{i}", "Кая Каллас встретилась с министром.") for i in range(31)
    ]
    batch.insert(7, Article("slow", f"Здесь можно {STALLS}."))
    batch.insert(3, Problem("broken.txt", "read", "binary", "not text"))
    result = process_batch(batch, get_pipeline(FULL, DEFAULT_PROFILE), time_limit=LIMIT)
    # In the order of the stream, as in a batch of one article.
    assert [(row["kind"], row["path"]) for row in result.tables["errors"]] == [
        ("binary", "broken.txt"),
        ("timeout", "slow"),
    ]
    kept = pd.DataFrame(result.tables["articles"])["article_id"]
    assert list(kept) == [f"n{i}" for i in range(31)]
