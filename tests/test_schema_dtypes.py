"""The tables as plain `pd.read_parquet` gives them: dtypes a pandas user needs no casts for."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from rusnews.cli import app
from rusnews.schema import TABLES
from typer.testing import CliRunner

from tests.conftest import SAMPLE

# Dated articles (.json and .jsonl carry `published`) with events of every granularity.
FILES = ("eu-central-asia-ministers.json", "digest-november.jsonl", "kz-eu-readmission.txt")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    root = tmp_path_factory.mktemp("dtypes")
    (root / "in").mkdir()
    for name in FILES:
        shutil.copy(SAMPLE / name, root / "in" / name)
    result = CliRunner().invoke(
        app, ["run", str(root / "in"), "-o", str(root / "out"), "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    return {name: pd.read_parquet(root / "out" / f"{name}.parquet") for name in TABLES}


def test_published_is_datetime64(run: dict[str, pd.DataFrame]) -> None:
    articles = run["articles"].set_index("article_id")
    assert pd.api.types.is_datetime64_dtype(articles["published"])
    assert articles.loc["eu-central-asia-ministers", "published"] == pd.Timestamp("2025-12-10")
    # Date arithmetic works as is: 10 December less 3 December, as the two files date them.
    since = (
        articles.loc["eu-central-asia-ministers", "published"]
        - articles.loc["kz-eu-readmission", "published"]
    )
    assert since == pd.Timedelta(days=7)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("event_arguments", "entity_id"),
        ("mentions", "entity_id"),
        ("occupations", "place_entity_id"),
        ("occupations", "organization_entity_id"),
    ],
)
def test_integer_columns_with_nulls_stay_integers(
    run: dict[str, pd.DataFrame], table: str, column: str
) -> None:
    values = run[table][column]
    assert values.dtype == "Int64"  # today float64 where a null occurs, int32 elsewhere
    if table == "occupations":  # a post in a country names no organization, and the reverse
        assert values.isna().any() and values.notna().any()
    # The ids join with the entities table's as they are.
    joined = (
        run[table]
        .dropna(subset=[column])
        .rename(columns={column: "entity_id"})
        .merge(run["entities"], on=["article_id", "entity_id"], how="left", indicator=True)
    )
    assert (joined["_merge"] == "both").all()


def test_events_carry_the_interval_of_their_date(run: dict[str, pd.DataFrame]) -> None:
    events = run["events"]
    for column in ("date_start", "date_end"):
        assert pd.api.types.is_datetime64_dtype(events[column])
    dated = events.dropna(subset=["date"])
    assert set(dated["date_granularity"]) >= {"day", "month"}
    assert dated["date_start"].notna().all() and (dated["date_start"] <= dated["date_end"]).all()
    for row in dated.itertuples():
        start, end = row.date_start, row.date_end
        if row.date_granularity == "day":
            assert start == end == pd.Timestamp(row.date)
        elif row.date_granularity == "week":
            assert start.weekday() == 0 and (end - start).days == 6
            assert start.strftime("%G-W%V") == row.date
        elif row.date_granularity == "month":
            assert start.strftime("%Y-%m") == row.date and start.day == 1
            assert (end + pd.Timedelta(days=1)).day == 1 and end.month == start.month
        else:
            assert (start.strftime("%m-%d"), end.strftime("%m-%d")) == ("01-01", "12-31")
    assert events[events["date"].isna()]["date_start"].isna().all()


def test_entity_links_have_their_types(run: dict[str, pd.DataFrame]) -> None:
    entities = run["entities"]
    assert entities["geonames"].dtype == "Int64"  # nullable: persons have none
    assert entities["latitude"].dtype == "float64" and entities["longitude"].dtype == "float64"
    places = entities[entities["geonames"].notna()]
    assert len(places) and places["country"].str.fullmatch(r"[A-Z]{2}").all()
    assert entities["wikidata"].dropna().str.fullmatch(r"Q\d+").all()
    assert entities.loc[entities["label"] == "PER", "geonames"].isna().all()
