"""The Dask engine runs the same shards as the local engine and writes the same tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rusnews.engine.runner import run

from tests.conftest import SAMPLE
from tests.engine.conftest import assert_same_tables

pytest.importorskip("distributed")
# A LocalCluster of processes, each loading the models.
pytestmark = pytest.mark.slow


def test_dask_local_cluster_equals_local_engine(tmp_path: Path) -> None:
    local, dask = tmp_path / "local", tmp_path / "dask"
    options = {"shard_size": 4, "batch_size": 2, "progress": False}
    run(SAMPLE, local, workers=1, **options)
    summary = run(SAMPLE, dask, engine="dask", workers=2, **options)  # LocalCluster, 2 processes
    assert summary.n_articles == 13 and summary.n_shards == 4
    assert_same_tables(local, dask)
    manifest = json.loads((dask / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["engine"] == "dask"
    assert manifest["configuration"]["scheduler"] == "LocalCluster"
    pids = {
        json.loads(p.read_text())["worker"]["pid"]
        for p in (dask / "parts" / "_done").glob("*.json")
    }
    assert len(pids) <= 2  # each worker process kept its pipeline for every shard it ran


def test_unreachable_scheduler_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="cannot reach the Dask scheduler"):
        run(SAMPLE, tmp_path / "out", engine="dask", scheduler="tcp://127.0.0.1:1", progress=False)
