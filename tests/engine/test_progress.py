"""Progress per batch of articles, from inside the shards, on every engine; the run's summary."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from rusnews.cli import app
from rusnews.engine.completions import ShardReport
from rusnews.engine.config import RunConfig
from rusnews.engine.local import PoolEngine, SerialEngine
from rusnews.engine.progress import RunProgress
from rusnews.engine.shards import cut_shards
from rusnews.io.readers import read_folder
from rusnews.model import Problem
from typer.testing import CliRunner

from tests.conftest import SAMPLE

CONFIG = RunConfig(batch_size=2, shard_size=5)


class Heard:
    """What an engine reported of the shards' progress, from whichever thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.by_shard: dict[str, list[int]] = {}

    def __call__(self, shard_id: str, done: int) -> None:
        with self.lock:
            self.by_shard.setdefault(shard_id, []).append(done)


def _engine(kind: str):
    if kind == "serial":
        return SerialEngine()
    if kind == "pool":
        return PoolEngine(2)
    pytest.importorskip("distributed")
    from rusnews.engine.dask_engine import DaskEngine

    return DaskEngine(2)


def _expected(shard) -> list[int]:
    """Running totals after each batch of 2 articles (reader problems ride along)."""
    done, out, articles = 0, [], 0
    for item in shard.items:
        done += 1
        articles += not isinstance(item, Problem)
        if articles == 2:
            out.append(done)
            articles = 0
    return out + ([len(shard.items)] if not out or out[-1] != len(shard.items) else [])


@pytest.mark.parametrize(
    "kind",
    [
        "serial",
        pytest.param("pool", marks=pytest.mark.slow),
        pytest.param("dask", marks=pytest.mark.slow),
    ],
)
def test_every_engine_tells_progress_per_batch(kind: str, tmp_path: Path) -> None:
    shards = list(cut_shards(read_folder(SAMPLE), CONFIG.shard_size))
    heard = Heard()
    with _engine(kind) as engine:
        reports = list(engine.map(shards, tmp_path, CONFIG, heard))
        # Dask delivers events apart from results: wait for the last of each shard.
        for _ in range(300):
            if all(heard.by_shard.get(s.shard_id, [0])[-1:] == [len(s.items)] for s in shards):
                break
            time.sleep(0.1)
    assert sorted(r.shard_id for r in reports) == [s.shard_id for s in shards]
    for shard in shards:
        assert heard.by_shard[shard.shard_id] == _expected(shard), shard.shard_id


def _report(shard_id: str, n_items: int) -> ShardReport:
    return ShardReport(shard_id, 0, "f", 0, n_items, n_articles=n_items)


def test_the_bar_counts_each_item_once() -> None:
    with RunProgress(total=10, show=False) as bar:
        bar.advance("s0", 2)
        bar.advance("s0", 2)  # repeated
        bar.advance("s1", 3)
        bar.advance("s0", 1)  # late: an older running total
        assert bar.completed == 5
        bar.done(_report("s0", 5))
        bar.advance("s0", 4)  # after the shard's end
        assert bar.completed == 8
        bar.done(_report("s1", 5))
        assert bar.completed == 10 and bar.articles == 10


def test_summary_shows_entities_events_and_a_rate_without_model_loading(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    counts, timings = manifest["counts"], manifest["timings"]
    assert f"│ entities      │ {counts['entities']}" in result.output
    assert f"│ events        │ {counts['events']}" in result.output
    # Reading the input, loading models and writing the tables lie outside the processing span.
    assert 0 < timings["processing_s"] < timings["total_s"]
    expected = timings["articles_processed"] / timings["processing_s"]
    assert timings["articles_per_s"] == pytest.approx(expected, rel=0.01)  # rounded to ms
    assert f"({expected:.1f} articles/s" in result.output
