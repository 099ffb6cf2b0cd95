"""`rusnews.read_run`: a run's tables with the same dtypes from Parquet or from CSV."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from rusnews import read_run
from rusnews.cli import app
from rusnews.io.tables import to_arrow, write_table
from rusnews.schema import TABLES
from typer.testing import CliRunner

from tests.conftest import SAMPLE

FILES = ("eu-central-asia-ministers.json", "digest-november.jsonl", "lavrov-minsk.txt")


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A run with both formats, and a copy of it that has only the CSV files."""
    root = tmp_path_factory.mktemp("read-run")
    (root / "in").mkdir()
    for name in FILES:
        shutil.copy(SAMPLE / name, root / "in" / name)
    args = ["run", str(root / "in"), "-o", str(root / "out"), "--format", "both", "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (root / "csv-only").mkdir()
    for path in (root / "out").glob("*.csv"):
        shutil.copy(path, root / "csv-only" / path.name)
    return root


def test_csv_reads_like_parquet(both: Path) -> None:
    from_parquet = read_run(both / "out")
    from_csv = read_run(both / "csv-only")
    assert set(from_parquet) == set(TABLES)
    for name in TABLES:
        # The sample says nothing of who owns what: its ownerships table is empty, as errors is.
        assert len(from_parquet[name]) > 0 or name in ("errors", "ownerships")
        pd.testing.assert_frame_equal(from_csv[name], from_parquet[name], obj=name)
    assert from_parquet["articles"]["published"].dtype == "datetime64[ms]"
    assert from_parquet["event_arguments"]["entity_id"].dtype == "Int64"


def test_the_same_as_pd_read_parquet(both: Path) -> None:
    tables = read_run(both / "out", fmt="parquet")
    for name in TABLES:
        plain = pd.read_parquet(both / "out" / f"{name}.parquet")
        pd.testing.assert_frame_equal(tables[name], plain, obj=name)


def test_csv_keeps_codes_and_ids_as_strings(tmp_path: Path) -> None:
    # CSV alone says nothing of types: `04` would read back as 4, an empty title as NaN.
    event = {"article_id": "007", "event_id": 0, "event_type": "CONSULT", "cameo_root": "04"}
    article = {"article_id": "007", "title": "", "url": None, "text": "Текст."}
    write_table(to_arrow("events", [event]), tmp_path, "events", ("csv",))
    write_table(to_arrow("articles", [article]), tmp_path, "articles", ("csv",))
    for name in ("mentions", "entities", "event_arguments", "occupations", "ownerships", "errors"):
        write_table(to_arrow(name, []), tmp_path, name, ("csv",))
    tables = read_run(tmp_path)
    events, articles = tables["events"], tables["articles"]
    assert (events["article_id"].iloc[0], events["cameo_root"].iloc[0]) == ("007", "04")
    assert articles["title"].iloc[0] == "" and pd.isna(articles["url"].iloc[0])
    assert len(tables["mentions"]) == 0 and list(tables["mentions"]) == TABLES["mentions"].names


def test_a_folder_without_tables_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="is it a rusnews run folder"):
        read_run(tmp_path)
