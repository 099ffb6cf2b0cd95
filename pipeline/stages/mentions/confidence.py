"""How sure a name is, under each gold convention: a learned layer over the rules' mentions.

The tagger and the rules propose PER/ORG/LOC mentions; some are no name at all in a
convention's eyes (`Метро` a film, `Спитфайр` an aircraft, `Дж` a cut-off initial).
A logistic model (`rusnews train names`, code in `rusnews.train.names`) reads what
the rules knew: the label, kind and source of the mention, its words' lemmas, part
of speech and case, its neighbours, its capitals, quotes and digits, how often the
article repeats it, and the navec vector of its words. The conventions disagree on
what a name is (NEREL leaves products and buildings out, Collection5 counts
`Кремль`), so each feature is read twice, once as it is and once tied to the
convention, and the model gives one probability per convention.

The stage writes them to `Mention.confidence`; each convention's view
(rusnews.views) leaves out a mention below its threshold, chosen by
cross-validation by document and stored with the model. Dates are not scored.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import numpy as np
from rusnews import resources
from rusnews.linear import LinearModel, feature_index
from rusnews.model import LOC, ORG, PER, Article, Mention, Token
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES
from rusnews.text import QUOTES
from rusnews.views import CONFIDENCE_MODEL, CONVENTIONS, fill_kinds

SCORED = (PER, ORG, LOC)
DIMENSIONS = 300  # navec
MAX_WORDS = 5
MAX_REPEATS = 4


def _word(tok: Token | None, edge: str) -> str:
    return edge if tok is None else (tok.lemma or tok.text).casefold()


def _capitals(text: str) -> str:
    if text.isupper():
        return "upper"
    return "title" if text[:1].isupper() else "lower"


def mention_features(m: Mention, article: Article, repeats: int) -> list[str]:
    """The mention's features, as the model of every convention reads them."""
    text, label = m.text, m.label
    feats = [
        f"label={label}",
        f"kind={m.kind}",
        f"source={m.source}",
        f"label+kind={label}|{m.kind}",
        f"label+source={label}|{m.source}",
        f"capitals={_capitals(text)}",
        f"latin={any('a' <= c <= 'z' for c in text.casefold())}",
        f"digit={any(c.isdigit() for c in text)}",
        f"quote={any(c in QUOTES for c in text)}",
        f"repeats={min(repeats, MAX_REPEATS)}",
    ]
    # The layout's token offsets, built once per article, not once per mention.
    layout = article.layout()
    idx = layout.sentence_of(m.start)
    if idx < 0:
        return feats
    sentence = layout.sentences[idx]
    tokens, starts = layout.tokens, layout.token_starts
    opens = bisect_left(starts, sentence.start)
    ends = opens + len(sentence.tokens)  # after the sentence's last token
    first = bisect_left(starts, m.start, opens, ends)
    last = bisect_left(starts, m.end, opens, ends) - 1
    if first >= ends or last < first:
        return feats
    head, tail = tokens[first], tokens[last]
    before = tokens[first - 1] if first > opens else None
    after = tokens[last + 1] if last + 1 < ends else None
    lemma_first, lemma_last = _word(head, ""), _word(tail, "")
    prev, nxt = _word(before, "<s>"), _word(after, "</s>")
    return [
        *feats,
        f"words={min(last - first + 1, MAX_WORDS)}",
        f"first={lemma_first}",
        f"last={lemma_last}",
        f"label+last={label}|{lemma_last}",
        f"suffix={label}|{tail.text[-3:].casefold()}",
        f"pos_first={head.pos}",
        f"pos_last={tail.pos}",
        f"label+pos_last={label}|{tail.pos}",
        f"case={tail.feats.get('Case')}",
        f"number={tail.feats.get('Number')}",
        f"opens_sentence={first == opens}",
        f"prev={prev}",
        f"label+prev={label}|{prev}",
        f"pos_prev={before.pos if before else '<s>'}",
        f"next={nxt}",
        f"label+next={label}|{nxt}",
        f"pos_next={after.pos if after else '</s>'}",
    ]


def tied(feature: str, convention: str) -> str:
    """A feature as one convention reads it, with a weight of its own."""
    return f"{convention}#{feature}"


def for_convention(features: list[str], convention: str) -> list[str]:
    """The features as they are and tied to one convention: shared weights and its own."""
    return [*features, *(tied(f, convention) for f in features)]


def mention_vector(m: Mention, article: Article, embedding) -> np.ndarray:
    """The mean navec vector of the mention's words (lemma, else the word); zeros if none."""
    total, n = np.zeros(DIMENSIONS, np.float32), 0
    for tok in article.tokens_in(m.start, m.end):
        for word in ((tok.lemma or "").casefold(), tok.text.casefold()):
            v = embedding.get(word) if word else None
            if v is not None:
                total += v
                n += 1
                break
    return total / n if n else total


class WordVectors:
    """`embedding.get`, remembering the last `size` words asked for."""

    def __init__(self, embedding, size: int = 4096) -> None:
        self.get = lru_cache(maxsize=size)(embedding.get)


def repeats_of(mentions: Sequence[Mention]) -> Counter:
    return Counter(m.text.casefold() for m in mentions)


def scored(article: Article) -> list[Mention]:
    return [m for m in article.mentions if m.label in SCORED]


@lru_cache(maxsize=1)
def confidence_model(path: Path = CONFIDENCE_MODEL) -> LinearModel | None:
    return LinearModel.load(path) if path.is_file() else None


class ScoreMentions:
    name: ClassVar[str] = "confidence"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, model: LinearModel | None = None, embedding=None) -> None:
        # Without a model file (a checkout before `rusnews train names`) nothing is scored
        # and every view keeps what the rules found.
        self.model = confidence_model() if model is None else model
        self.embedding = resources.embedding() if embedding is None else embedding
        # Names and their neighbours recur across articles: their weight rows and navec
        # vectors are looked up once, in bounded caches (a corpus has more distinct words
        # than a worker's memory should hold; navec rebuilds each vector from its codes).
        self._rows_of = lru_cache(maxsize=1 << 16)(self._weight_rows)
        self.vectors = WordVectors(self.embedding)

    def score(self, article: Article) -> None:
        mentions = scored(article)
        if not mentions or self.model is None:
            return
        fill_kinds(mentions)
        repeats = repeats_of(mentions)
        base = [mention_features(m, article, repeats[m.text.casefold()]) for m in mentions]
        # One gather for the shared weights and every convention's: column 0 is the
        # feature as it is, column 1 + k the feature tied to convention k. Each column
        # adds the same weights in the same order as a model of that column alone would.
        rows = np.array([self._rows_of(f) for features in base for f in features])
        sums = self.model.sum_rows(rows, [len(features) for features in base])[:, :, 0]
        shared = sums[:, 0] + float(self.model.bias[0])
        if self.model.dense is not None:
            vectors = np.stack([mention_vector(m, article, self.vectors) for m in mentions])
            shared = shared + vectors @ self.model.dense[:, 0]
        for k, convention in enumerate(CONVENTIONS, start=1):
            p = 1.0 / (1.0 + np.exp(-(shared + sums[:, k])))
            for m, value in zip(mentions, p):
                m.confidence[convention] = float(value)

    def _weight_rows(self, feature: str) -> tuple[int, ...]:
        bits = self.model.bits
        return (
            feature_index(feature, bits),
            *(feature_index(tied(feature, c), bits) for c in CONVENTIONS),
        )

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.score(article)
        return articles
