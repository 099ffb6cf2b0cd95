"""The press as a whole (`СМИ`) as ORG mentions of kind `media`.

Collection5 annotates `СМИ` as MEDIA (an organization); factRuEval and NEREL do
not, and the gazetteer stage drops the tagger's `СМИ` as no name. So the words,
listed in `models/gazetteers/media_nouns.txt`, become mentions of their own kind,
which only the Collection5 view keeps (rusnews.views).
"""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from rusnews.lexicon import read_words
from rusnews.model import MEDIA, ORG, Article, Mention
from rusnews.overlaps import Overlaps
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, NAMES, SENTENCES

MEDIA_NOUNS = MODELS_DIR / "gazetteers" / "media_nouns.txt"


@lru_cache(maxsize=1)
def media_nouns() -> frozenset[str]:
    return frozenset(read_words(MEDIA_NOUNS))


class TagMedia:
    name: ClassVar[str] = "media"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, words: frozenset[str] | None = None) -> None:
        self.words = media_nouns() if words is None else words

    def find(self, article: Article) -> list[Mention]:
        taken = Overlaps(article.mentions)
        return [
            Mention(t.start, t.end, t.text, ORG, idx, source="media", kind=MEDIA)
            for idx, sentence in enumerate(article.sentences)
            for t in sentence.tokens
            if t.text in self.words and not taken.overlapping(t.start, t.end)
        ]

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            # In text order, as the stages before sort keep names.
            article.mentions = sorted(
                article.mentions + self.find(article), key=lambda m: (m.start, -m.end)
            )
        return articles
