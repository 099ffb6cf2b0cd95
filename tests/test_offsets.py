"""Offset lookups: the same answers as a walk over the sentences, without the walk."""

from __future__ import annotations

import pytest
from rusnews.model import Article, Token
from rusnews.stages.segment import Segment

from tests.conftest import SAMPLE


class Walks(list):
    """A sentence list that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):
        Walks.walks += 1
        return super().__iter__()


@pytest.fixture(scope="module")
def article() -> Article:
    text = (SAMPLE / "riga-port-modernization.txt").read_text(encoding="utf-8")
    (article,) = Segment()([Article("a", text * 3)])
    return article


def walked_tokens_in(article: Article, start: int, end: int) -> list[Token]:
    """The definition: every token of every sentence that shares a character with the span."""
    return [
        tok
        for sent in article.sentences
        if sent.start < end and start < sent.end
        for tok in sent.tokens
        if tok.start < end and start < tok.end
    ]


def walked_sentence_of(article: Article, offset: int) -> int:
    return next((i for i, s in enumerate(article.sentences) if s.start <= offset < s.end), -1)


def test_lookups_answer_as_the_definition(article: Article) -> None:
    n = len(article.text)
    for start in range(0, n, 7):
        assert article.sentence_of(start) == walked_sentence_of(article, start)
        for width in (0, 1, 5, 40, 300):
            end = min(n, start + width)
            assert article.tokens_in(start, end) == walked_tokens_in(article, start, end)


def test_each_lookup_costs_no_walk_over_the_sentences(article: Article) -> None:
    article.sentences = Walks(article.sentences)
    Walks.walks = 0
    tokens = [(idx, tok) for idx, sent in enumerate(article.sentences) for tok in sent.tokens]
    for idx, tok in tokens:
        assert article.tokens_in(tok.start, tok.end) == [tok]
        assert article.sentence_of(tok.start) == idx
    # One walk to list the tokens above, two to index them once: not one per question.
    assert Walks.walks <= 3


def test_new_sentences_are_indexed_anew(article: Article) -> None:
    first = article.sentences[0]
    assert article.tokens_in(first.start, first.end) == first.tokens
    article.sentences = article.sentences[1:]
    assert article.tokens_in(first.start, first.end) == []
    assert article.sentence_of(first.start) == -1
