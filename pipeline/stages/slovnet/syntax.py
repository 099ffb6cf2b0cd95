"""Dependency syntax: slovnet's news syntax parser over batches of sentences from many articles.

Fills `Token.head` (1-based index of the head inside the sentence, 0 for the root)
and `Token.rel` (the Universal Dependencies relation).

The parser's cost grows with the square of a sentence's length, and only some
sentences are read for their syntax; the stage is built with a filter
`wanted(article, sentence)` saying which to parse (the pipeline gives it the
events' own, `events.sentences.RecordSentences`), or parses all without one.
(A statement whose speaker is a pronoun, `— …, — сказал он`, is parsed
though it names nobody: the events' filter says so.) Tokens of a skipped
sentence keep `head`/`rel` as None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rusnews import resources
from rusnews.model import Article, Sentence
from rusnews.stages.base import DATES, MENTIONS_FINAL, MORPH, NAMES, SENTENCES, SYNTAX
from rusnews.stages.slovnet.batching import map_sorted
from rusnews.stages.slovnet.executor import SyntaxNet

SentenceFilter = Callable[[Article, Sentence], bool]


def adapt_syntax(sentence: Sentence, parse: list[tuple[int, str]]) -> None:
    """(head, relation) pairs, 1-based heads and 0 for the root, onto the sentence's tokens."""
    for tok, (head, rel) in zip(sentence.tokens, parse):
        tok.head = head
        tok.rel = rel


class ParseSyntax:
    name: ClassVar[str] = "syntax"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES, DATES, MENTIONS_FINAL)
    assigns: ClassVar[tuple[str, ...]] = (SYNTAX,)

    def __init__(self, parser=None, wanted: SentenceFilter | None = None) -> None:
        self.parser = parser or resources.syntax_parser()
        self.model = SyntaxNet(self.parser)
        self.filter = wanted
        self.parsed = 0
        self.skipped = 0

    def wanted(self, articles: Iterable[Article]) -> list[Sentence]:
        every = [(article, sent) for article in articles for sent in article.sentences]
        if self.filter is None:
            return [sent for _, sent in every]
        kept = [sent for article, sent in every if self.filter(article, sent)]
        self.skipped += len(every) - len(kept)
        return kept

    def __call__(self, articles: list[Article]) -> list[Article]:
        sentences = self.wanted(articles)
        words = [[tok.text for tok in sent.tokens] for sent in sentences]
        for sent, parse in zip(sentences, map_sorted(words, self.model, len)):
            adapt_syntax(sent, parse)
        self.parsed += len(sentences)
        return articles
