"""`rusnews bench --scale` on a tiny size: the replicated run is whole, and every timed part runs
on it (no timing is checked)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from rusnews.bench.replicate import copy_code, replicate_run
from rusnews.bench.scale import (
    PARTS,
    bench_scale,
    print_scale,
    time_assembly,
    time_corpus_step,
    time_report,
    time_resumed,
)
from rusnews.bench.synthetic import build_synthetic
from rusnews.cli import app
from rusnews.engine import completions
from rusnews.engine.runner import run
from rusnews.io.readers import read_folder
from rusnews.io.tables import read_run
from rusnews.model import Article
from typer.testing import CliRunner

SHARD = 10


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real run over 20 synthetic articles, in two shards."""
    folder = tmp_path_factory.mktemp("scale-source")
    build_synthetic(20, folder / "input")
    run(folder / "input", folder / "run", shard_size=SHARD, workers=1, progress=False)
    return folder


def test_copy_codes_are_distinct_cyrillic_words() -> None:
    codes = [copy_code(c) for c in range(5000)]
    assert len(set(codes)) == len(codes)
    assert all("а" <= letter <= "я" for code in codes for letter in code)


def test_replication_builds_the_articles_asked_for_with_unique_ids(
    source: Path, tmp_path: Path
) -> None:
    # 50 is two whole copies of the 20 articles and one shard of a third.
    shards = replicate_run(
        source / "input", source / "run", 50, tmp_path / "input", tmp_path / "run", SHARD
    )
    assert shards == 5
    articles = [a for a in read_folder(tmp_path / "input") if isinstance(a, Article)]
    ids = [a.article_id for a in articles]
    assert len(ids) == 50 and len(set(ids)) == 50
    tables = read_run(tmp_path / "run")
    assert tables["articles"]["article_id"].tolist() == ids
    assert tables["articles"]["published"].notna().all()
    # Every copy's entities are its own articles', and a share of their names is the copy's.
    source_tables = read_run(source / "run")
    assert len(tables["entities"]) > 2 * len(source_tables["entities"])
    assert set(tables["entities"]["article_id"]) <= set(ids)
    names = set(tables["entities"]["name"].dropna())
    source_names = set(source_tables["entities"]["name"].dropna())
    assert names & source_names and names - source_names
    # Every shard is finished for the input as written, so a rerun processes nothing.
    markers = completions.listed_shards(tmp_path / "run")[completions.DONE]
    assert len(markers) == 5


def test_every_timed_part_runs_on_a_replicated_run(source: Path, tmp_path: Path) -> None:
    replicate_run(source / "input", source / "run", 40, tmp_path / "input", tmp_path / "run", SHARD)
    run_dir, input_dir = str(tmp_path / "run"), str(tmp_path / "input")
    assembled = time_assembly(run_dir, SHARD)
    assert assembled["peak_rss_mb"] > 0
    corpus = time_corpus_step(run_dir, 3)
    assert corpus["corpus_entities"] > 0
    resumed = time_resumed(input_dir, run_dir, SHARD)
    assert resumed["articles"] == 40
    time_report(run_dir, str(tmp_path / "report.html"))
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_bench_scale_prints_a_row_per_size_and_part(source: Path, tmp_path: Path) -> None:
    rows = bench_scale(
        [20, 40],
        work_dir=tmp_path,
        in_process=lambda function, *args: function(*args),
        say=lambda _: None,
        source=source,
        shard_size=SHARD,
    )
    assert [(r["part"], r["size"]) for r in rows] == [(p, n) for p in PARTS for n in (20, 40)]
    out = io.StringIO()
    print_scale(rows, Console(file=out, width=200))
    printed = out.getvalue()
    assert "corpus step" in printed and "s per 1,000 vs 20" in printed


def test_bench_scale_wants_whole_shards() -> None:
    result = CliRunner().invoke(app, ["bench", "--scale", "150"])
    assert result.exit_code == 2 and "not a multiple of the shard size 100" in result.output
