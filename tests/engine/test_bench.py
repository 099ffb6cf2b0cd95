"""The benchmark command on a tiny corpus: that it runs and prints its tables (no timing
asserted)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rusnews.bench.contenders import rss_after
from rusnews.bench.synthetic import build_synthetic
from rusnews.cli import app
from rusnews.engine.completions import ShardReport
from rusnews.io.readers import read_folder
from typer.testing import CliRunner

from tests.conftest import SAMPLE


@pytest.mark.slow
def test_bench_prints_every_system_and_its_measurements(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for name in ("kz-eu-readmission.txt", "lavrov-minsk.txt"):
        shutil.copy(SAMPLE / name, corpus / name)
    result = CliRunner().invoke(
        app,
        ["bench", str(corpus), "--workers", "1", "--json", str(tmp_path / "b.json")],
        terminal_width=200,
    )
    assert result.exit_code == 0, result.output
    for text in (
        "natasha NER",
        "natasha full",
        "as shipped",
        "1 BLAS thread",
        "rusnews NER only",
        "rusnews full, 1 worker",
        "articles/s",
        "tokens/s",
        "peak RSS MB",
        "ratios",
        "/ natasha full as shipped",
    ):
        assert text in result.output
    # Measurements only: the project's internal goals are not the user's business.
    for text in ("target", "missed", ">= "):
        assert text not in result.output
    saved_rows = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["rows"]
    for row in saved_rows:
        # Each system's measured rate is printed as measured.
        assert f"{row['articles_per_s']:.1f}" in result.output
    saved = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    assert [row["articles"] for row in saved["rows"]] == [2] * 6


def test_bench_needs_something_to_time() -> None:
    result = CliRunner().invoke(app, ["bench"])
    assert result.exit_code == 2 and "nothing to time" in result.output


def test_synthetic_corpus_is_reproducible(tmp_path: Path) -> None:
    build_synthetic(30, tmp_path / "a", folders=[SAMPLE])
    build_synthetic(30, tmp_path / "b", folders=[SAMPLE])
    a = [item.text for item in read_folder(tmp_path / "a")]
    assert len(a) == 30 and len(set(item.article_id for item in read_folder(tmp_path / "a"))) == 30
    assert a == [item.text for item in read_folder(tmp_path / "b")]


def test_rss_after_takes_each_workers_last_shard_within_the_checkpoint() -> None:
    def shard(idx: int, pid: int, rss: float) -> ShardReport:
        return ShardReport(
            f"shard-{idx:05d}",
            idx,
            "f",
            idx * 10,
            10,
            n_articles=10,
            worker={"pid": pid, "rss_mb": rss},
        )

    reports = [shard(0, 1, 300.0), shard(1, 2, 310.0), shard(2, 1, 320.0), shard(3, 2, 330.0)]
    assert rss_after(reports, (20, 40)) == {20: 310.0, 40: 330.0}
    assert rss_after(reports, (5,)) == {}
