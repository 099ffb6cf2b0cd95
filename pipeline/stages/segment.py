"""Segmentation: razdel (through natasha's Segmenter) into sentences and tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from razdel.segmenters.tokenize import ATOM, Atom, TokenSegmenter, TokenSplit
from rusnews import resources
from rusnews.model import Article, Sentence, Token
from rusnews.offsets import Layout
from rusnews.stages.base import SENTENCES
from rusnews.text import visible


def lines(text: str) -> list[tuple[int, str]]:
    """Non-blank lines with their offsets: a news line break always ends a sentence."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            out.append((pos, line))
        pos += len(line)
    return out


_TOKENS = TokenSegmenter()
_WINDOW = 3  # atoms on each side that razdel's rules may look at


def tokenize(text: str) -> Iterator[tuple[int, int, str]]:
    """razdel's tokens as (start, stop, text), the same ones `razdel.tokenize` gives.

    razdel builds a rule context object for every pair of neighbouring atoms,
    though a pair with whitespace between them is always split and its rules
    never run. Here only the pairs that touch get a context and go through
    razdel's own rules, which made tokenization about twice as fast.
    """
    matches = list(ATOM.finditer(text))
    atoms: dict[int, Atom] = {}

    def atom(i: int) -> Atom:
        found = atoms.get(i)
        if found is None:
            m = matches[i]
            found = atoms[i] = Atom(m.start(), m.end(), m.lastgroup, m.group())
        return found

    if not matches:
        return
    start, stop = matches[0].span()
    for i in range(1, len(matches)):
        m = matches[i]
        if m.start() == stop:
            split = TokenSplit(
                [atom(j) for j in range(max(0, i - _WINDOW), i)],
                "",
                [atom(j) for j in range(i, min(len(matches), i + _WINDOW))],
            )
            split.buffer = text[start:stop]
            if _TOKENS.join(split):
                stop = m.end()
                continue
        yield start, stop, text[start:stop]
        start, stop = m.span()
    yield start, stop, text[start:stop]


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
    layout = Layout(sentences)
    for start, stop, word in tokenize(text):
        idx = layout.sentence_before(start)
        # The models and the normal forms see a word without invisible format
        # characters; its offsets still span them in the exact text.
        word = visible(word)
        if idx >= 0 and word:
            sentences[idx].tokens.append(Token(start, stop, word))
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
        tokens = sentence.tokens[i : i + limit]
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
