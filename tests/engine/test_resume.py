"""Resuming: finished shards are kept, unfinished or changed ones redone, tables unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from rusnews.engine import completions
from rusnews.engine.runner import run
from rusnews.io.tables import part_path, read_table

from tests.engine.conftest import assert_same_tables

SHARD = 4  # the small corpus makes 5 shards of 4 articles


def _run(corpus: Path, out: Path, **options) -> object:
    return run(corpus, out, workers=1, batch_size=3, shard_size=SHARD, progress=False, **options)


@pytest.fixture(scope="module")
def first(small_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("first")
    summary = _run(small_corpus, out)
    assert summary.n_processed == summary.n_articles == 19
    assert summary.n_shards == 5 and summary.n_resumed == 0
    return out


def test_every_shard_has_parts_and_a_marker(first: Path) -> None:
    for idx in range(5):
        sid = f"shard-{idx:05d}"
        report = completions.read_marker(first, sid)
        assert report is not None and report.worker["pid"] > 0
        assert part_path(first, "mentions", sid).exists()
    manifest = json.loads((first / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["articles"] == 19 and manifest["counts"]["errors"] == 8
    assert manifest["shards"] == {"total": 5, "processed": 5, "resumed": 0}
    assert manifest["timings"]["stages_s"]["ner"] > 0


def test_reader_problems_are_written_once(first: Path) -> None:
    errors = read_table(first, "errors")
    assert sorted(errors["kind"].value_counts().items()) == [("binary", 1), ("duplicate_id", 7)]
    assert not errors.duplicated().any()
    assert read_table(first, "articles")["article_id"].is_unique


def test_rerun_skips_every_finished_shard(small_corpus: Path, first: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    summary = _run(small_corpus, out)
    assert (summary.n_resumed, summary.n_processed, summary.n_articles) == (5, 0, 19)
    assert_same_tables(first, out)


def test_unfinished_shard_is_redone(small_corpus: Path, first: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    # As if killed while writing shard 2: its marker not yet written, one part half-replaced.
    completions.remove_marker(out, "shard-00002")
    part_path(out, "mentions", "shard-00002").write_bytes(b"garbage")
    summary = _run(small_corpus, out)
    assert (summary.n_resumed, summary.n_shards) == (4, 5)
    assert_same_tables(first, out)


def test_force_redoes_everything(small_corpus: Path, first: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    summary = _run(small_corpus, out, resume=False)
    assert (summary.n_resumed, summary.n_processed) == (0, 19)
    assert_same_tables(first, out)


def test_edited_input_redoes_its_shard_only(small_corpus: Path, tmp_path: Path) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(small_corpus, corpus)  # paths are in the tables: edit a copy run twice
    _run(corpus, out)
    edited = corpus / "copy-01" / "lavrov-minsk.txt"
    edited.write_text("date 2025-11-27\nСергей Лавров прибыл в Минск.", encoding="utf-8")
    summary = _run(corpus, out)
    assert (summary.n_resumed, summary.n_shards) == (4, 5)
    articles = read_table(out, "articles").set_index("article_id")
    assert articles.loc["copy-01/lavrov-minsk", "text"] == "Сергей Лавров прибыл в Минск."


def test_shrunk_input_drops_stale_shards(small_corpus: Path, tmp_path: Path) -> None:
    corpus, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(small_corpus, corpus)
    _run(corpus, out)
    shutil.rmtree(corpus / "copy-01")
    summary = _run(corpus, out)
    assert summary.n_shards == 4  # 13 articles (and the binary file)
    assert sorted(p.stem for p in (out / "parts" / "_done").glob("shard-*")) == [
        f"shard-{i:05d}" for i in range(4)
    ]
    assert len(read_table(out, "articles")) == 13


def test_other_settings_redo_the_shards(small_corpus: Path, first: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    summary = _run(small_corpus, out, stages="ner")
    assert summary.n_resumed == 0
    mentions = read_table(out, "mentions")
    assert set(mentions["label"]) == {"PER", "ORG", "LOC"}  # names only: no dates
    assert mentions["normal"].isna().all()
    assert len(read_table(out, "entities")) == 0


def test_csv_tables_match_parquet(small_corpus: Path, first: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(first, out)
    _run(small_corpus, out, formats=("csv",))
    csv = pd.read_csv(out / "mentions.csv")
    assert len(csv) == len(read_table(first, "mentions"))
