"""A run's profile: part of its configuration, recorded in the manifest, built by every worker."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rusnews.engine.config import RunConfig, build_stages
from rusnews.engine.runner import run
from rusnews.io.tables import read_table

# `Полиция` is a body named by a common noun, `британской` a place named by an
# adjective: NEREL annotates both, factRuEval neither (`британского туриста` would be a
# nationality to NEREL, which its learned confidence knows).
TEXTS = {
    "police.txt": "Полиция задержала сотрудника британской компании в Москве.",
    "cabinet.txt": "Японское правительство выразило протест, сообщил Иван Петров.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("profile") / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _run(corpus: Path, out: Path, **options) -> object:
    return run(corpus, out, workers=1, shard_size=1, progress=False, **options)


def _mentions(out: Path) -> set[tuple[str, str]]:
    return {(row.label, row.text) for row in read_table(out, "mentions").itertuples()}


@pytest.fixture(scope="module")
def nerel_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nerel")
    _run(corpus, out, profile="nerel")
    return out


def test_the_profile_is_checked_with_the_other_settings() -> None:
    with pytest.raises(ValueError, match="unknown profile 'factru'"):
        RunConfig(profile="factru")
    with pytest.raises(ValueError, match="needs the full stage set"):
        RunConfig(stages="ner", profile="nerel")
    with pytest.raises(ValueError, match="needs the full stage set"):
        build_stages("ner", "nerel")


def test_another_profile_is_another_fingerprint() -> None:
    names, nerel = RunConfig(), RunConfig(profile="nerel")
    assert names.key() != nerel.key()
    # Runs made before profiles existed were `names` runs: their shards stay resumable.
    assert names.key() == RunConfig(stages="full").key() and "profile" not in names.key()


def test_the_nerel_profile_finds_what_names_leaves_out(
    corpus: Path, nerel_run: Path, tmp_path: Path
) -> None:
    _run(corpus, tmp_path / "names")
    names, nerel = _mentions(tmp_path / "names"), _mentions(nerel_run)
    assert {
        ("ORG", "Полиция"),
        ("LOC", "британской"),
        ("ORG", "Японское правительство"),
    } <= nerel - names
    assert {("LOC", "Москве"), ("PER", "Иван Петров")} <= names & nerel


def test_the_manifest_records_the_profile(nerel_run: Path) -> None:
    manifest = json.loads((nerel_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["profile"] == "nerel"


def test_resuming_under_another_profile_redoes_every_shard(
    corpus: Path, nerel_run: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(nerel_run, out)
    again = _run(corpus, out, profile="nerel")
    assert (again.n_resumed, again.n_processed) == (2, 0)
    switched = _run(corpus, out)
    assert (switched.n_resumed, switched.n_processed) == (0, 2)
    assert ("ORG", "Полиция") not in _mentions(out)
    assert (
        json.loads((out / "manifest.json").read_text(encoding="utf-8"))["configuration"]["profile"]
        == "names"
    )


@pytest.mark.slow
def test_pool_workers_build_the_profiles_pipeline(corpus: Path, tmp_path: Path) -> None:
    # Two shards, two spawned worker processes: each builds its own pipeline.
    summary = run(
        corpus, tmp_path / "pool", workers=2, shard_size=1, progress=False, profile="nerel"
    )
    assert summary.n_articles == 2
    assert {("ORG", "Полиция"), ("LOC", "британской")} <= _mentions(tmp_path / "pool")
