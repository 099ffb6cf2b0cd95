"""Named entities: slovnet's news NER (PER/LOC/ORG) over batches of text windows.

The tagger sees runs of consecutive sentences, not single sentences: its
convolutions use the neighbouring words, and cutting at every sentence lost
about one point of PER F1 on factRuEval dev. Windows are capped in length so
a huge article never becomes one huge tensor, and windows from many articles
are batched together.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from rusnews import resources
from rusnews.model import Article, Mention
from rusnews.stages.base import MENTIONS, NAMES, SENTENCES
from rusnews.stages.slovnet.batching import map_sorted
from rusnews.stages.slovnet.executor import NerNet
from slovnet.bio import bio_spans

WINDOW_CHARS = 4000


@dataclass(slots=True)
class Window:
    article: Article
    first: int  # index of the first sentence in the window
    start: int
    end: int
    stop: int  # index after its last sentence

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]


def windows(article: Article, limit: int = WINDOW_CHARS) -> list[Window]:
    """Consecutive sentences grouped into windows of at most `limit` characters."""
    out: list[Window] = []
    for idx, sent in enumerate(article.sentences):
        if out and sent.end - out[-1].start <= limit:
            out[-1].end, out[-1].stop = sent.end, idx + 1
        else:
            out.append(Window(article, idx, sent.start, sent.end, idx + 1))
    return out


class TagNER:
    name: ClassVar[str] = "ner"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES,)
    assigns: ClassVar[tuple[str, ...]] = (NAMES, MENTIONS)

    def __init__(self, tagger=None, window_chars: int = WINDOW_CHARS) -> None:
        self.tagger = tagger or resources.ner_tagger()
        self.model = NerNet(self.tagger)
        self.window_chars = window_chars

    def tag(self, word_lists: list[list[str]]) -> Iterator[list[str]]:
        """BIO tags for pre-tokenized windows.

        slovnet's own `map` takes texts and runs razdel over them again; our
        segmenter already has those very tokens, so the model gets the words.
        """
        return self.model(word_lists)

    def __call__(self, articles: list[Article]) -> list[Article]:
        chunks = [w for article in articles for w in windows(article, self.window_chars)]
        # Each window's own sentences: filtering from its first sentence to the
        # article's end cost every window the rest of the article.
        tokens = [
            [t for s in w.article.sentences[w.first : w.stop] for t in s.tokens] for w in chunks
        ]
        tags = map_sorted([[t.text for t in toks] for toks in tokens], self.tag, len)
        for window, toks, window_tags in zip(chunks, tokens, tags):
            article = window.article
            layout = article.layout()
            for span in bio_spans([_Offsets(t.start, t.end) for t in toks], window_tags):
                idx = layout.sentence_before(span.start)
                article.mentions.append(
                    Mention(
                        span.start,
                        span.stop,
                        article.text[span.start : span.stop],
                        span.type,
                        sentence_idx=idx,
                    )
                )
        return articles


@dataclass(slots=True)
class _Offsets:
    """What slovnet's BIO decoder reads of a token."""

    start: int
    stop: int
