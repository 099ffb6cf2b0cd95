"""Shared fixtures: real models, loaded once per session; the gold corpora when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Every pipeline the tests build checks around each stage that it sets what it declares and
# changes nothing else (rusnews.stages.checks); worker processes inherit it.
os.environ.setdefault("RUSNEWS_CHECK_STAGES", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
SEED = SHARED_CORPORA / "seed"


def need_corpus(path: Path) -> None:
    if not path.exists():
        pytest.skip(
            f"gold corpus not found at {path} "
            "(it lives outside the repository, in ../shared/corpora)"
        )


@pytest.fixture(scope="session")
def pipe():
    from rusnews.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    need_corpus(SEED)
    return SEED
