"""A part of a place before it (`на юге Москвы`) goes into the place mention's extent.

NEREL spans `юге Москвы` as one LOCATION, factRuEval and Collection5 only `Москвы`,
so the mention keeps its span and the part widens its extent, which the nerel
view reads (rusnews.views). The nouns are data: `models/gazetteers/place_parts.txt`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rusnews.lexicon import read_words
from rusnews.model import LOC, PLACE_ADJECTIVE, Article
from rusnews.morphology import lemma_key
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES

PLACE_PARTS = MODELS_DIR / "gazetteers" / "place_parts.txt"


@lru_cache(maxsize=1)
def place_parts() -> frozenset[str]:
    return frozenset(read_words(PLACE_PARTS))


class PlaceParts:
    name: ClassVar[str] = "place_parts"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, parts: frozenset[str] | None = None) -> None:
        self.parts = place_parts() if parts is None else parts

    def widen(self, article: Article) -> None:
        layout = article.layout()
        for m in article.mentions:
            if m.label != LOC or m.kind == PLACE_ADJECTIVE:
                continue
            idx = layout.sentence_before(m.start)
            tokens = article.sentences[idx].tokens if idx >= 0 else []
            first = next((i for i, t in enumerate(tokens) if t.start == m.start), None)
            if not first:  # the place opens the sentence, or is not on a token start
                continue
            part, place = tokens[first - 1], tokens[first]
            if (
                part.text[:1].islower()
                and lemma_key(part) in self.parts
                and place.feats.get("Case") == "Gen"
            ):
                m.extent_start = part.start

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.widen(article)
        return articles
