"""Corpora for the engine tests, made from the sample in temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from rusnews.io.tables import read_table
from rusnews.schema import TABLES

from tests.conftest import SAMPLE


def copy_sample(root: Path, copies: int) -> Path:
    """`copies` copies of the sample, one folder each, plus one binary file.

    The .txt articles get new ids from their folder; the .json/.jsonl records
    keep their own ids, so every copy after the first adds reader problems
    (duplicate ids) between the articles: shards must place each exactly once.
    """
    root.mkdir(parents=True, exist_ok=True)
    for idx in range(copies):
        shutil.copytree(SAMPLE, root / f"copy-{idx:02d}", ignore=shutil.ignore_patterns("*.md"))
    (root / "copy-00" / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return root


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2 copies: 19 articles and 8 problems."""
    return copy_sample(tmp_path_factory.mktemp("small") / "in", 2)


def assert_same_tables(left: Path, right: Path) -> None:
    """Every table has the same bytes in both runs (tables are deterministic)."""
    for name in TABLES:
        a, b = left / f"{name}.parquet", right / f"{name}.parquet"
        if a.read_bytes() != b.read_bytes():
            # Say which rows differ before failing.
            pd.testing.assert_frame_equal(read_table(left, name), read_table(right, name), obj=name)
            raise AssertionError(f"{name}.parquet differs in bytes but not in rows")
