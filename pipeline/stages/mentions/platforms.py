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

The platforms are data: `models/gazetteers/platforms.tsv`, the prepositions of
place `place_prepositions` in `word_classes.tsv`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews.lexicon import LexiconError, read_lexicon, read_word_classes
from rusnews.model import ORG, PLATFORM, Article, Mention
from rusnews.morphology import lemma_key
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES

ALWAYS, PLACE = "always", "place"
GAZETTEERS = MODELS_DIR / "gazetteers"


@dataclass(frozen=True, slots=True)
class PlatformLexicon:
    where: dict[str, str]  # lemma of a platform's name -> ALWAYS or PLACE
    place_prepositions: frozenset[str]


def read_platform_lexicon(folder: Path = GAZETTEERS) -> PlatformLexicon:
    where = dict(read_lexicon(folder / "platforms.tsv", ("lemma", "where")))
    for lemma, value in where.items():
        if value not in (ALWAYS, PLACE):
            raise LexiconError(
                f"{folder / 'platforms.tsv'}: {lemma!r} is a platform {value!r}; "
                f"write {ALWAYS} or {PLACE}"
            )
    classes = read_word_classes(folder / "word_classes.tsv", ("place_prepositions",))
    return PlatformLexicon(where, classes["place_prepositions"])


@lru_cache(maxsize=1)
def platform_lexicon() -> PlatformLexicon:
    """The lexicon in `models/`, read once per process."""
    return read_platform_lexicon()


def platforms() -> dict[str, str]:
    """Lemma of a platform's name -> where it is one (always, or after a preposition of place)."""
    return platform_lexicon().where


class DropPlatforms:
    """Drops ORG mentions that name a web platform as a service (see the module docstring)."""

    name: ClassVar[str] = "platforms"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, lexicon: PlatformLexicon | None = None, mark: bool = False) -> None:
        self.lexicon = lexicon or platform_lexicon()
        # The pipeline keeps a platform as a mention of its own kind, for the conventions
        # that count it (rusnews.views); alone, the stage drops it.
        self.mark = mark

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
        where = self.lexicon.where.get(lemma_key(tokens[inside[0]]))
        if where == ALWAYS:
            return True
        before = inside[0] - 1
        return (
            where == PLACE
            and before >= 0
            and tokens[before].text.casefold() in self.lexicon.place_prepositions
        )

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            if self.mark:
                for m in article.mentions:
                    if self.is_platform(article, m):
                        m.kind = PLATFORM
            else:
                article.mentions = [m for m in article.mentions if not self.is_platform(article, m)]
        return articles
