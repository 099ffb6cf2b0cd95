"""Named entities: slovnet's news NER (PER/LOC/ORG) over batches of sentences."""

from __future__ import annotations

from typing import ClassVar

from pipeline import resources
from pipeline.model import Article, Mention
from pipeline.stages.base import NAMES, SENTENCES
from pipeline.stages.batching import map_sorted


class TagNER:
    name: ClassVar[str] = "ner"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES,)
    assigns: ClassVar[tuple[str, ...]] = (NAMES,)

    def __init__(self, tagger=None) -> None:
        self.tagger = tagger or resources.ner_tagger()

    def __call__(self, articles: list[Article]) -> list[Article]:
        located = [(article, idx, sent) for article in articles for idx, sent in enumerate(article.sentences)]
        texts = [sent.text for _, _, sent in located]
        markups = map_sorted(texts, lambda chunk: self.tagger.map(chunk), len)
        for (article, idx, sent), markup in zip(located, markups):
            for span in markup.spans:
                start, end = sent.start + span.start, sent.start + span.stop
                article.mentions.append(
                    Mention(start, end, article.text[start:end], span.type, sentence_idx=idx)
                )
        return articles
