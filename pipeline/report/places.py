"""The run's locations that the knowledge base placed on the globe, for the report's map."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from rusnews.model import LOC

CORPUS = "corpus_entities"
ENTITIES = "entities"


@dataclass(slots=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country: str | None
    articles: int


@dataclass(slots=True)
class Places:
    """Located places, most written about first, and how many locations had no coordinates."""

    places: list[Place] = field(default_factory=list)
    without: int = 0  # locations the knowledge base did not place
    source: str = CORPUS  # which table they come from: one row per corpus entity, or per key

    @property
    def located(self) -> int:
        return len(self.places)


def _coordinates(rows: pd.DataFrame) -> pd.Series:
    lat = pd.to_numeric(rows["latitude"], errors="coerce")
    lon = pd.to_numeric(rows["longitude"], errors="coerce")
    return lat.between(-90, 90) & lon.between(-180, 180)


def _ranked(table: pd.DataFrame) -> list[Place]:
    table = table.sort_values(["articles", "name"], ascending=[False, True])
    return [
        Place(
            str(r.name),
            float(r.latitude),
            float(r.longitude),
            None if pd.isna(r.country) else str(r.country),
            int(r.articles),
        )
        for r in table.itertuples()
    ]


def mapped_places(corpus: pd.DataFrame, entities: pd.DataFrame) -> Places:
    """LOC corpus entities with coordinates; in a run made before the corpus step, LOC entities
    grouped by cross-article key, each counted by the articles that name it."""
    if not corpus.empty and {"latitude", "longitude"} <= set(corpus.columns):
        locs = corpus[corpus["label"] == LOC]
        has = _coordinates(locs)
        found = locs[has].assign(
            articles=pd.to_numeric(locs.loc[has, "n_articles"], errors="coerce").fillna(0)
        )
        return Places(_ranked(found), int((~has).sum()), CORPUS)
    locs = entities[entities["label"] == LOC]
    if locs.empty or "latitude" not in locs:
        return Places(source=ENTITIES)
    locs = locs.assign(located=_coordinates(locs).values)
    # A key is placed when any of its rows is: the knowledge base links names, not articles.
    keys = locs.groupby("key").agg(located=("located", "any"), articles=("article_id", "nunique"))
    placed = locs[locs["located"]].sort_values(["key", "name"]).drop_duplicates("key")
    placed = placed.set_index("key")[["name", "latitude", "longitude", "country"]]
    found = placed.join(keys["articles"])
    return Places(_ranked(found), int((~keys["located"]).sum()), ENTITIES)
