"""The real seed article through `rusnews run`: the acceptance expectations of the foundation."""

from pathlib import Path

import pandas as pd
import pytest
from rusnews.cli import app
from typer.testing import CliRunner


@pytest.fixture(scope="module")
def seed_run(seed_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = CliRunner().invoke(app, ["run", str(seed_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(
    ("label", "normals"),
    [
        (
            "PER",
            {
                "Алибек Бакаев",
                "Йоханнес Лухнер",
                "Ермек Кошербаев",
                "Кая Каллас",
                "Касым-Жомарт Токаев",
                "Эдуардс Стипрайс",
                "Антониу Кошта",
            },
        ),
        ("LOC", {"Брюссель", "Астана", "Казахстан", "Центральная Азия"}),
        ("ORG", {"Министерство иностранных дел", "Европейская комиссия", "Европейский совет"}),
        (
            "DATE",
            {
                "2025-12-02",
                "2025-12-03",
                "2025-12-01",
                "2025-12",
                "2026",
                "2025-11-24",
                "2025-12-04",
            },
        ),
    ],
)
def test_seed_normals(seed_run: Path, label: str, normals: set[str]) -> None:
    mentions = pd.read_parquet(seed_run / "mentions.parquet")
    found = set(mentions.loc[mentions["label"] == label, "normal"].dropna())
    assert normals <= found, normals - found


def test_ten_years_is_not_a_date(seed_run: Path) -> None:
    mentions = pd.read_parquet(seed_run / "mentions.parquet")
    assert not any("10 лет" in text for text in mentions.loc[mentions["label"] == "DATE", "text"])


@pytest.mark.parametrize(
    ("acronym", "full"), [("МИД", "Министерстве иностранных дел"), ("РК", "Республики Казахстан")]
)
def test_acronym_shares_the_entity_of_its_full_name(
    seed_run: Path, acronym: str, full: str
) -> None:
    mentions = pd.read_parquet(seed_run / "mentions.parquet")
    entity_of = mentions.groupby("text")["entity_id"].agg(set)
    assert entity_of[acronym] == entity_of[full] and len(entity_of[full]) == 1


def test_entities_have_names_and_keys(seed_run: Path) -> None:
    entities = pd.read_parquet(seed_run / "entities.parquet")
    by_name = entities.set_index("name")
    assert by_name.loc["Министерство иностранных дел", "n_mentions"] >= 7
    assert by_name.loc["Касым-Жомарт Токаев", "key"] == "PER:касым-жомарт токаев"
    assert by_name.loc["Касым-Жомарт Токаев", "last"] == "Токаев"
