"""The knowledge tables in `models/kb/`: their files and columns, read once per process.

The tables are derived by `rusnews build-kb` (rusnews.kb.build) from public data whose
sources and licences `models/kb/README.md` names; the run time reads only these files,
never the packages they were derived from. Every name in them is in the matching form
rusnews gives its own entity names (`fold_spaced` of a normal form: `нью-йорк`,
`министерство иностранных дел`), so a lookup is one dictionary access.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR

KB_DIR = MODELS_DIR / "kb"
# Several names in one cell.
NAMES_SEPARATOR = "|"

ALIASES = "wikidata_aliases.tsv"
ITEMS = "wikidata_items.tsv"
COUNTRIES = "countries.tsv"
REGIONS = "regions.tsv"
CITIES = "cities.tsv"

COLUMNS: dict[str, tuple[str, ...]] = {
    # A name as rusnews writes it, the label NEREL gave the linked span, the item, and how
    # many linked spans of NEREL train read so, in how many documents.
    ALIASES: ("form", "label", "wikidata", "count", "documents"),
    # The item's most frequent label and NEREL type (CITY, COUNTRY, STATE_OR_PROVINCE ...),
    # its Russian name in NEREL train, its number of links, and the country it is tied to.
    ITEMS: ("wikidata", "label", "type", "name", "count", "country"),
    COUNTRIES: (
        "iso2",
        "iso3",
        "name",
        "geonames",
        "latitude",
        "longitude",
        "population",
        "wikidata",
        "names",
    ),
    REGIONS: ("code", "country", "type", "name", "names"),
    CITIES: (
        "geonames",
        "country",
        "admin1",
        "population",
        "latitude",
        "longitude",
        "name",
        "names",
    ),
}


@dataclass(frozen=True, slots=True)
class Place:
    """A country, region or city a name can stand for."""

    kind: str  # country, region, city
    country: str  # ISO 3166-1 alpha-2
    population: int = 0
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    wikidata: str | None = None
    code: str | None = None  # ISO 3166-1 or 3166-2


COUNTRY, REGION, CITY = "country", "region", "city"


@dataclass(slots=True)
class Knowledge:
    # (form, label) -> {item: count}
    aliases: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    # (form, label) -> {item: train documents linking the form to it}
    documents: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    # item -> ISO country it is tied to; item -> its NEREL type
    item_countries: dict[str, str] = field(default_factory=dict)
    item_types: dict[str, str] = field(default_factory=dict)
    # form -> the places of each kind it names
    countries: dict[str, list[Place]] = field(default_factory=dict)
    regions: dict[str, list[Place]] = field(default_factory=dict)
    cities: dict[str, list[Place]] = field(default_factory=dict)
    by_iso: dict[str, Place] = field(default_factory=dict)


def _number(cell: str, kind=float):
    return kind(cell) if cell else None


def _names(cell: str) -> list[str]:
    return [name for name in cell.split(NAMES_SEPARATOR) if name]


def read_knowledge(folder: Path = KB_DIR) -> Knowledge:
    """Every table of `folder` into lookup dictionaries."""
    kb = Knowledge()
    aliases: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    documents: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for form, label, item, count, docs in read_lexicon(folder / ALIASES, COLUMNS[ALIASES]):
        aliases[(form, label)][item] = int(count)
        documents[(form, label)][item] = int(docs)
    kb.aliases, kb.documents = dict(aliases), dict(documents)
    for item, _label, kind, _name, _count, country in read_lexicon(folder / ITEMS, COLUMNS[ITEMS]):
        kb.item_types[item] = kind
        if country:
            kb.item_countries[item] = country
    countries: dict[str, list[Place]] = defaultdict(list)
    for iso2, _iso3, _name, geo, lat, lon, pop, item, names in read_lexicon(
        folder / COUNTRIES, COLUMNS[COUNTRIES]
    ):
        place = Place(
            COUNTRY,
            iso2,
            int(pop or 0),
            _number(geo, int),
            _number(lat),
            _number(lon),
            item or None,
            iso2,
        )
        kb.by_iso[iso2] = place
        for form in _names(names):
            countries[form].append(place)
    regions: dict[str, list[Place]] = defaultdict(list)
    for code, country, _type, _name, names in read_lexicon(folder / REGIONS, COLUMNS[REGIONS]):
        place = Place(REGION, country, code=code)
        for form in _names(names):
            regions[form].append(place)
    cities: dict[str, list[Place]] = defaultdict(list)
    for geo, country, _admin1, pop, lat, lon, _name, names in read_lexicon(
        folder / CITIES, COLUMNS[CITIES]
    ):
        place = Place(CITY, country, int(pop), int(geo), float(lat), float(lon))
        for form in _names(names):
            cities[form].append(place)
    kb.countries, kb.regions, kb.cities = dict(countries), dict(regions), dict(cities)
    return kb


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The tables in `models/kb/`, read once per process."""
    return read_knowledge()
