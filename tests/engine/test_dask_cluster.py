"""A Dask cluster started from the command line, sharing no folder with the client.

A scheduler and two workers run as `dask scheduler` / `dask worker` processes,
each worker in a working and temporary folder of its own. The input and the
output are on an S3-compatible server (moto's, on 127.0.0.1): the client reads
the input and sends it with the shards, the workers write the parts and
markers to the store, and the client publishes the tables there. They are
the tables the local engine writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rusnews.engine.runner import run
from rusnews.io import storage
from rusnews.io.storage import location

from tests.conftest import SAMPLE
from tests.engine.test_object_store import table_bytes, upload

pytest.importorskip("distributed")
# A scheduler and two worker processes, each loading the models.
pytestmark = pytest.mark.slow

OPTIONS = {"shard_size": 4, "batch_size": 3, "progress": False}


def _start(command: list[str], folder: Path, env: dict[str, str]) -> subprocess.Popen:
    folder.mkdir(parents=True, exist_ok=True)
    log = (folder / "log.txt").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "dask", *command], cwd=folder, env=env, stdout=log, stderr=log
    )


def _scheduler_address(path: Path, process: subprocess.Popen, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "the Dask scheduler stopped"
        try:
            return json.loads(path.read_text(encoding="utf-8"))["address"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.1)
    raise AssertionError("the Dask scheduler wrote no address in time")


def test_a_command_line_cluster_on_s3_writes_the_local_engine_tables(
    tmp_path: Path, bucket: str, s3_server: dict[str, str]
) -> None:
    source = upload(SAMPLE, f"{bucket}/in")
    reference = f"{bucket}/local-engine"
    run(source, reference, workers=1, **OPTIONS)

    env = {**os.environ, **s3_server, "RUSNEWS_CHECK_STAGES": "1"}
    processes = []
    try:
        scheduler_file = tmp_path / "scheduler" / "address.json"
        scheduler = _start(
            ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
            + ["--scheduler-file", str(scheduler_file)],
            scheduler_file.parent,
            env,
        )
        processes.append(scheduler)
        address = _scheduler_address(scheduler_file, scheduler)
        workers = []
        for name in ("w1", "w2"):
            folder = tmp_path / name
            (folder / "tmp").mkdir(parents=True)
            worker_env = {**env, "TMPDIR": str(folder / "tmp")}
            worker = _start(
                ["worker", address, "--name", name, "--nthreads", "1", "--no-nanny"]
                + ["--no-dashboard", "--local-directory", str(folder / "dask")],
                folder,
                worker_env,
            )
            processes.append(worker)
            workers.append(worker)

        out = f"{bucket}/dask"
        summary = run(source, out, engine="dask", scheduler=address, **OPTIONS)
        assert (summary.n_articles, summary.n_shards) == (13, 4)
        assert table_bytes(out) == table_bytes(reference)
        manifest, _ = storage.read_pointer(location(out))
        assert manifest is not None
        assert manifest["configuration"]["engine"] == "dask"
        assert manifest["configuration"]["scheduler"] == address
        # Every shard was done by one of the two worker processes, none in this one.
        done = location(out) / "parts" / "_done"
        pids = {json.loads(p.read_text())["worker"]["pid"] for p in done.iterdir()}
        assert pids <= {w.pid for w in workers} and os.getpid() not in pids
        # Nothing of the run landed in the workers' folders: they wrote to the store only.
        for name in ("w1", "w2"):
            written = {p.name for p in (tmp_path / name).rglob("*.arrow")}
            assert written == set()
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
