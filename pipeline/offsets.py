"""Lookups by character offset into an article's sentences and tokens, by bisection.

Stages ask which tokens a mention covers, or which sentence holds an offset,
once per mention; a scan over the sentences for each question made an
article's cost grow with the square of its length (a 2 MB article spent
most of its time there). The sorted starts and ends are built once per
segmentation and each question costs a logarithm.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rusnews.model import Sentence, Token


def index_before(starts: list[int], offset: int) -> int:
    """Index of the last of the sorted `starts` at or before `offset` (-1 when none)."""
    return bisect_right(starts, offset) - 1


class Layout:
    """Sentences and tokens of one segmentation, sorted by offset as the segmenter gives them.

    Tokens never overlap each other, nor sentences, so their starts and their
    ends are both sorted and one bisection finds each end of a range.
    """

    __slots__ = ("sentences", "size", "sentence_starts", "tokens", "token_starts", "token_ends")

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.size = len(sentences)
        self.sentence_starts = [s.start for s in sentences]
        self.tokens = [tok for s in sentences for tok in s.tokens]
        self.token_starts = [tok.start for tok in self.tokens]
        self.token_ends = [tok.end for tok in self.tokens]

    def describes(self, sentences: list[Sentence]) -> bool:
        """Whether this layout was built from `sentences` as they are now."""
        return self.sentences is sentences and self.size == len(sentences)

    def sentence_before(self, offset: int) -> int:
        """Index of the last sentence starting at or before `offset` (-1 when none)."""
        return index_before(self.sentence_starts, offset)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (-1 when none)."""
        idx = self.sentence_before(offset)
        return idx if idx >= 0 and offset < self.sentences[idx].end else -1

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens overlapping the span [start, end)."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end, lo=first)
        return self.tokens[first:last]
