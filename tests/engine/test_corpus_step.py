"""The corpus step in a run: after the shards, again on resume, published with the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
from rusnews import read_run
from rusnews.engine.runner import run

from tests.conftest import SAMPLE
from tests.engine.conftest import assert_same_tables

OPTIONS = {"workers": 1, "batch_size": 4, "shard_size": 4, "progress": False}
FIRST = ("kz-eu-readmission.txt", "lavrov-minsk.txt", "riga-port-modernization.txt",
         "duma-digital-ruble.txt", "astana-transport-forum.txt")  # fmt: skip


def _copy(names, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLE / name, folder / name)
    return folder


def test_the_sample_keeps_russias_and_kazakhstans_foreign_ministries_apart(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path / "out", **OPTIONS)
    tables = read_run(tmp_path / "out")
    corpus, entities = tables["corpus_entities"], tables["entities"]
    ministries = corpus[corpus["name"] == "Министерство иностранных дел"]
    owners = dict(zip(ministries["owner"], ministries["corpus_entity_id"]))
    # Kazakhstan's ministry is named by whichever name of the country its articles use most.
    (kazakh,) = set(owners) & {"Республика Казахстан", "Казахстан"}
    assert "Россия" in owners and owners["Россия"] != owners[kazakh]
    russian = entities[(entities["article_id"] == "lavrov-minsk") & (entities["label"] == "ORG")]
    assert owners["Россия"] in set(russian["corpus_entity_id"])
    # Every PER/ORG/LOC entity has its corpus entity, and each corpus entity its entities.
    named = entities[entities["label"] != "DATE"]
    assert named["corpus_entity_id"].notna().all()
    assert set(named["corpus_entity_id"]) == set(corpus["corpus_entity_id"])
    assert entities.loc[entities["label"] == "DATE", "corpus_entity_id"].isna().all()
    counts = named.groupby("corpus_entity_id")["article_id"].nunique()
    n_articles = corpus.set_index("corpus_entity_id")["n_articles"]
    assert n_articles.sort_index().tolist() == counts.sort_index().tolist()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert {"corpus_entities.parquet", "stories.parquet"} <= set(manifest["tables"])
    assert manifest["corpus"]["corpus_entities"] == len(corpus)
    assert manifest["corpus"]["stories"] == len(tables["stories"])


def test_articles_added_to_a_resumed_run_join_its_corpus(tmp_path: Path) -> None:
    src = _copy(FIRST, tmp_path / "in")
    out = tmp_path / "out"
    run(src, out, **OPTIONS)
    before = read_run(out)
    # Added after the first articles in reading order, so the finished shards stay.
    _copy(["shymkent-water.json", "eu-central-asia-ministers.json"], src / "zz-later")
    summary = run(src, out, **OPTIONS)
    # The full first shard is kept; the last one, now longer, is redone.
    assert summary.n_resumed == 1 and summary.n_processed == 3
    after = read_run(out)
    fresh = tmp_path / "fresh"
    run(src, fresh, **OPTIONS)
    assert_same_tables(fresh, out)  # nothing lost, nothing twice
    assert after["entities"]["corpus_entity_id"].notna().sum() > (
        before["entities"]["corpus_entity_id"].notna().sum()
    )
    kazakhstan = after["corpus_entities"][
        after["corpus_entities"]["name"] == "Республика Казахстан"
    ]
    assert kazakhstan["n_articles"].iloc[0] > 1  # a thing now reported by the new articles too
    assert not after["entities"].duplicated(["article_id", "entity_id"]).any()


def test_story_window_is_a_setting_of_the_run(tmp_path: Path) -> None:
    run(SAMPLE, tmp_path / "narrow", window_days=0, **OPTIONS)
    manifest = json.loads((tmp_path / "narrow" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["window_days"] == 0
    assert manifest["corpus"]["window_days"] == 0
    stories = read_run(tmp_path / "narrow")["stories"]
    assert (stories["first_date"] == stories["last_date"]).all()
    assert pd.api.types.is_datetime64_any_dtype(stories["first_published"])


def test_a_failing_corpus_step_leaves_the_tables_and_says_why(tmp_path: Path, monkeypatch) -> None:
    from rusnews.engine import corpus_step

    def broken(*args, **kwargs):
        raise RuntimeError("no memory left")

    monkeypatch.setattr(corpus_step, "resolve_corpus", broken)
    summary = run(_copy(FIRST[:2], tmp_path / "in"), tmp_path / "out", **OPTIONS)
    assert summary.n_articles == 2 and "no memory left" in summary.corpus["error"]
    tables = read_run(tmp_path / "out")
    assert len(tables["entities"]) > 0 and tables["entities"]["corpus_entity_id"].isna().all()
    assert len(tables["corpus_entities"]) == 0 and len(tables["stories"]) == 0
    row = tables["errors"][tables["errors"]["stage"] == "corpus"].iloc[0]
    assert row["kind"] == "corpus_failed" and "no memory left" in row["message"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["errors"] == summary.n_errors == 1
