"""Web platforms are products, not organizations, in NEREL (the `nerel` profile).

The tagger calls `Twitter`, `YouTube` or `Интернет` an organization. NEREL
types a platform as PRODUCT where the text speaks of the service (`написал в
Twitter`, `видео на YouTube`) and as ORGANIZATION where it speaks of the
company (`Facebook купила стартап`), and the internet itself never as an
organization. So an ORG mention of a platform is dropped when a preposition
of place (в, на, через) stands before it, and always for the internet.
factRuEval counts such mentions as organizations, so only the `nerel` profile
runs this stage. On nerel-train (--profile nerel) the tagger's ORG mentions
of platforms after в/на were wrong 4 times in 5.

The platforms are data: `models/gazetteers/platforms.tsv`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rusnews.model import ORG, Article, Mention
from rusnews.morphology import lemma_key
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MORPH, NAMES, SENTENCES

ALWAYS, PLACE = "always", "place"
PLACE_PREPOSITIONS = frozenset({"в", "во", "на", "через"})


@lru_cache(maxsize=1)
def platforms() -> dict[str, str]:
    """Lemma of a platform's name -> where it is one (always, or after a preposition of place)."""
    table: dict[str, str] = {}
    path = MODELS_DIR / "gazetteers" / "platforms.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith(("#", "lemma\t")):
            lemma, where = line.split("\t")
            table[lemma] = where
    return table


class DropPlatforms:
    """Drops ORG mentions that name a web platform as a service (see the module docstring)."""

    name: ClassVar[str] = "platforms"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = ()

    def is_platform(self, article: Article, mention: Mention) -> bool:
        if mention.label != ORG:
            return False
        idx = article.layout().sentence_before(mention.start)
        if idx < 0:
            return False
        tokens = article.sentences[idx].tokens
        inside = [
            i for i, t in enumerate(tokens) if mention.start <= t.start and t.end <= mention.end
        ]
        if len(inside) != 1:  # `Facebook Inc.`, `Twitter Japan`: a company's name
            return False
        where = platforms().get(lemma_key(tokens[inside[0]]))
        if where == ALWAYS:
            return True
        before = inside[0] - 1
        return (
            where == PLACE and before >= 0 and tokens[before].text.casefold() in PLACE_PREPOSITIONS
        )

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.mentions = [m for m in article.mentions if not self.is_platform(article, m)]
        return articles
