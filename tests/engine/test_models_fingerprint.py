"""Rule data is part of a shard's fingerprint: a run made with another lexicon is redone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rusnews.engine import config
from rusnews.engine.config import RunConfig
from rusnews.engine.runner import run
from rusnews.lexicon import models_fingerprint
from rusnews.resources import MODELS_DIR


def _copy_models(tmp_path: Path) -> Path:
    copy = tmp_path / "models"
    shutil.copytree(MODELS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_copy_of_the_rule_data_has_the_same_fingerprint(tmp_path: Path) -> None:
    assert models_fingerprint(_copy_models(tmp_path)) == models_fingerprint(MODELS_DIR)


def test_editing_one_lexicon_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = _copy_models(tmp_path)
    before = models_fingerprint(copy)
    adjectives = copy / "gazetteers" / "place_adjectives.tsv"
    adjectives.write_text(adjectives.read_text(encoding="utf-8") + "тувинский\tТува\n", "utf-8")
    models_fingerprint.cache_clear()
    assert models_fingerprint(copy) != before


def test_renaming_a_lexicon_changes_the_fingerprint(tmp_path: Path) -> None:
    copy = _copy_models(tmp_path)
    before = models_fingerprint(copy)
    (copy / "gazetteers" / "titles.txt").rename(copy / "gazetteers" / "ranks.txt")
    models_fingerprint.cache_clear()
    assert models_fingerprint(copy) != before


def test_the_settings_key_carries_the_fingerprint(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = RunConfig()
    assert models_fingerprint() in settings.key()
    monkeypatch.setattr(config, "models_fingerprint", lambda: "edited")
    assert settings.key().endswith("models=edited")


def test_resume_redoes_shards_made_with_other_rule_data(
    small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    options = dict(workers=1, batch_size=8, shard_size=10, progress=False)
    first = run(small_corpus, out, **options)
    again = run(small_corpus, out, **options)
    assert (first.n_shards, again.n_resumed) == (2, 2)
    # In-process (one worker), so the edited fingerprint is what the shards see.
    monkeypatch.setattr(config, "models_fingerprint", lambda: "edited")
    edited = run(small_corpus, out, **options)
    assert (edited.n_resumed, edited.n_processed) == (0, 19)
