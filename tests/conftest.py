"""Shared fixtures: real models, loaded once per session; the gold corpora when present."""

from __future__ import annotations

from pathlib import Path

import pytest

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
