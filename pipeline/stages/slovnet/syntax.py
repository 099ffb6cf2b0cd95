"""Dependency syntax: slovnet's news syntax parser over batches of sentences from many articles.

Fills `Token.head` (1-based index of the head inside the sentence, 0 for the root)
and `Token.rel` (the Universal Dependencies relation).

Only sentences that can yield an event or occupation record are parsed: those
holding a lemma from the event lexicons (a trigger, a light verb such as
`провести`, or a position such as `министр`) and a mention to attach. Every
record starts from one of those words and needs a mention in its sentence as
an argument (an occupation, a person), so parsing the other sentences would
cost time and change nothing. The stage therefore runs after the stages that
find mentions, just before events; on factRuEval dev it parses 44% of the
sentences. A sentence where the learned trigger detector
(`rusnews.stages.events.learned`, which reads no syntax) finds a trigger the
lexicons miss is parsed too. Tokens of a skipped sentence keep `head`/`rel` as None;
`ParseSyntax(only_record_sentences=False)` parses all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rusnews import resources
from rusnews.model import Article, Sentence
from rusnews.stages.base import DATES, MORPH, NAMES, SENTENCES, SYNTAX
from rusnews.stages.events.learned import TriggerDetector, learned_events
from rusnews.stages.events.lexicon import event_lexicon, fold
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.stages.slovnet.batching import map_sorted
from rusnews.stages.slovnet.executor import SyntaxNet


def can_hold_record(sentence: Sentence, lemmas: frozenset[str]) -> bool:
    return any(tok.lemma is not None and fold(tok.lemma) in lemmas for tok in sentence.tokens)


def adapt_syntax(sentence: Sentence, parse: list[tuple[int, str]]) -> None:
    """(head, relation) pairs, 1-based heads and 0 for the root, onto the sentence's tokens."""
    for tok, (head, rel) in zip(sentence.tokens, parse):
        tok.head = head
        tok.rel = rel


class ParseSyntax:
    name: ClassVar[str] = "syntax"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES, DATES)
    assigns: ClassVar[tuple[str, ...]] = (SYNTAX,)

    def __init__(self, parser=None, only_record_sentences: bool = True) -> None:
        self.parser = parser or resources.syntax_parser()
        self.model = SyntaxNet(self.parser)
        self.lemmas = event_lexicon().record_lemmas() if only_record_sentences else None
        self.detector: TriggerDetector | None = (
            learned_events().detector if only_record_sentences else None
        )
        self.parsed = 0
        self.skipped = 0

    def wanted(self, articles: Iterable[Article]) -> list[Sentence]:
        if self.lemmas is None:
            return [sent for article in articles for sent in article.sentences]
        kept, total = [], 0
        for article in articles:
            total += len(article.sentences)
            for idx, (sent, mentions) in enumerate(
                zip(article.sentences, sentence_mentions(article))
            ):
                if mentions and (
                    can_hold_record(sent, self.lemmas) or self._detected(sent, idx, mentions)
                ):
                    kept.append(sent)
        self.skipped += total - len(kept)
        return kept

    def _detected(self, sentence: Sentence, idx: int, mentions: list) -> bool:
        return self.detector is not None and bool(
            self.detector.triggers(Tree(sentence, idx, mentions))
        )

    def __call__(self, articles: list[Article]) -> list[Article]:
        sentences = self.wanted(articles)
        words = [[tok.text for tok in sent.tokens] for sent in sentences]
        for sent, parse in zip(sentences, map_sorted(words, self.model, len)):
            adapt_syntax(sent, parse)
        self.parsed += len(sentences)
        return articles
