"""Segmentation: razdel (through natasha's Segmenter) into sentences and tokens."""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from pipeline import resources
from pipeline.model import Article, Sentence, Token
from pipeline.stages.base import SENTENCES


def lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets: a news line break always ends a sentence."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((pos, line))
        pos += len(line)
    return out


def adapt_sentences(text: str, segmenter) -> list[Sentence]:
    """razdel substrings to our Sentences, each holding the tokens inside it.

    razdel joins a caption or title line to the sentence after it, so each
    line is split into sentences on its own.
    """
    sentences = [
        Sentence(offset + s.start, offset + s.stop, s.text)
        for offset, line in lines(text)
        for s in segmenter.sentenize(line)
    ]
    starts = [s.start for s in sentences]
    for tok in segmenter.tokenize(text):
        idx = bisect_right(starts, tok.start) - 1
        if idx >= 0:
            sentences[idx].tokens.append(Token(tok.start, tok.stop, tok.text))
    return [piece for s in sentences if s.tokens for piece in cut_long(text, s)]


# The syntax parser's cost grows with the square of a sentence's length; text
# without punctuation (lists, scraped tables) can make "sentences" of thousands
# of tokens. Beyond this many tokens a sentence is cut into pieces.
MAX_SENTENCE_TOKENS = 250


def cut_long(text: str, sentence: Sentence, limit: int = MAX_SENTENCE_TOKENS) -> list[Sentence]:
    if len(sentence.tokens) <= limit:
        return [sentence]
    pieces = []
    for i in range(0, len(sentence.tokens), limit):
        tokens = sentence.tokens[i:i + limit]
        start, end = tokens[0].start, tokens[-1].end
        pieces.append(Sentence(start, end, text[start:end], tokens))
    return pieces


class Segment:
    name: ClassVar[str] = "segment"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = (SENTENCES,)

    def __init__(self, segmenter=None) -> None:
        self.segmenter = segmenter or resources.segmenter()

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.sentences = adapt_sentences(article.text, self.segmenter)
        return articles
