"""Shared fixtures: the hand-made gold under tests/fixtures/eval, the shared
corpora when this checkout sits beside them, and plain Natasha loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
# ../shared/corpora from the project root: public corpora kept outside the repo.
CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"shared corpora not found at {CORPORA}: corpus checks need ../shared/corpora")
    return CORPORA


@pytest.fixture(scope="session")
def natasha_models():
    from rusnews.eval.baseline import load_natasha

    return load_natasha()
