"""Adjectival place mentions: `британской королевы`, `Московский университет`.

NEREL annotates an adjective made from a place name as a mention of that
place (COUNTRY, CITY ...), alone and inside organization names. factRuEval
does so only for the odd LocOrg (`подмосковного губернатора`), and the
Naeval convention never. One output cannot serve both, so the stage runs
only in the `nerel` profile (`Pipeline(default_stages("nerel"))`). Measured on the dev sets:
NEREL exact LOC .814 -> .888, while factRuEval Naeval token LOC falls
.938 -> .859 and object exact micro .853 -> .821. Limited to adjectives
inside organization names, NEREL LOC gains less (.828) and the object
convention still loses (.848), so that variant (`where="inside_names"`) is
not used by either profile.

The adjectives and their places are data: `models/gazetteers/place_adjectives.tsv`.
The place is the mention's normal form, so `британской королевы` joins other
mentions of Великобритания by its key (`LOC:великобритания`), not as
`LOC:британская`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews.lexicon import read_lexicon
from rusnews.model import LOC, ORG, PLACE_ADJECTIVE, Article, Mention
from rusnews.overlaps import Overlaps
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES
from rusnews.text import fold

EVERYWHERE, INSIDE_NAMES = "everywhere", "inside_names"
PLACE_ADJECTIVES = MODELS_DIR / "gazetteers" / "place_adjectives.tsv"


def read_place_adjectives(path: Path = PLACE_ADJECTIVES) -> dict[str, str]:
    """Adjective lemma (ё as е) -> the place it is made from, in the nominative."""
    return dict(read_lexicon(path, ("adjective", "place")))


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, str]:
    """The table in `models/`, read once per process."""
    return read_place_adjectives()


class AdjectivalPlaces:
    """Adds a LOC mention for each adjective made from a place name, alone or inside an
    organization's name."""

    name: ClassVar[str] = "places"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, where: str = EVERYWHERE, places: Mapping[str, str] | None = None) -> None:
        if where not in (EVERYWHERE, INSIDE_NAMES):
            raise ValueError(f"where must be {EVERYWHERE!r} or {INSIDE_NAMES!r}, not {where!r}")
        self.where = where
        self.places = place_adjectives() if places is None else places

    def find(self, article: Article) -> list[Mention]:
        table = self.places
        found: list[Mention] = []
        mentions = Overlaps(article.mentions)
        for idx, sentence in enumerate(article.sentences):
            for token in sentence.tokens:
                place = table.get(fold(token.lemma or ""))
                if token.pos != "ADJ" or place is None:
                    continue
                over = mentions.overlapping(token.start, token.end)
                if any(
                    m.label != ORG or (m.start, m.end) == (token.start, token.end) for m in over
                ):
                    continue  # already a place, or part of a person's name
                if self.where == INSIDE_NAMES and not over:
                    continue
                found.append(
                    Mention(
                        token.start,
                        token.end,
                        token.text,
                        LOC,
                        idx,
                        normal=place,
                        source="place_adjective",
                        kind=PLACE_ADJECTIVE,
                    )
                )
        return found

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.mentions = sorted(
                article.mentions + self.find(article), key=lambda m: (m.start, -m.end)
            )
        return articles
