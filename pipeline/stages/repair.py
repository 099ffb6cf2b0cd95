"""Boundary repair of NER spans: ordered rules, the first with an opinion wins.

Each rule takes the article and one mention and returns the mentions that
replace it, or None when it has no opinion. `Repair(debug=True)` records which
rule fired on which span in `Repair.fired`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from pipeline.model import Article, Mention
from pipeline.stages.base import MORPH, NAMES, SENTENCES

Rule = Callable[[Article, Mention], list[Mention] | None]

# `Министерстве иностранных дел (МИД)`: the acronym in parentheses is a second
# mention of the same organization, not part of its name.
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9\-]{0,11})\s*\)\s*$")


def split_parenthesized_acronym(article: Article, mention: Mention) -> list[Mention] | None:
    match = _TRAILING_ACRONYM.search(mention.text)
    if not match or match.start() == 0:
        return None
    acronym = match.group(1)
    if sum(c.isupper() for c in acronym) < 2:
        return None
    head_end = mention.start + match.start()
    acr_start = mention.start + match.start(1)
    acr_end = acr_start + len(acronym)
    return [
        Mention(mention.start, head_end, article.text[mention.start:head_end], mention.label,
                mention.sentence_idx, source=mention.source),
        Mention(acr_start, acr_end, acronym, mention.label, mention.sentence_idx, source="acronym"),
    ]


_EDGE_PUNCT = " \t\r\n.,;:–—-"


def trim_edges(article: Article, mention: Mention) -> list[Mention] | None:
    """Drop whitespace and trailing punctuation the tagger swallowed."""
    text = mention.text
    left = len(text) - len(text.lstrip(_EDGE_PUNCT))
    right = len(text) - len(text.rstrip(_EDGE_PUNCT))
    if not left and not right:
        return None
    start, end = mention.start + left, mention.end - right
    if start >= end:
        return []
    return [Mention(start, end, article.text[start:end], mention.label, mention.sentence_idx,
                    source=mention.source)]


# Parts of speech that never start or end a name: the tagger sometimes pulls a
# capitalized sentence-initial adverb into a person (`Вчера Алибек Бакаев`).
_NOT_NAME_POS = {"ADV", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "VERB", "AUX", "INTJ"}


def trim_function_words(article: Article, mention: Mention) -> list[Mention] | None:
    tokens = article.tokens_in(mention.start, mention.end)
    if len(tokens) < 2:
        return None
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].pos in _NOT_NAME_POS:
        lo += 1
    while hi > lo and tokens[hi - 1].pos in _NOT_NAME_POS:
        hi -= 1
    if (lo, hi) == (0, len(tokens)):
        return None
    if lo == hi:
        return []
    start, end = max(tokens[lo].start, mention.start), min(tokens[hi - 1].end, mention.end)
    return [Mention(start, end, article.text[start:end], mention.label, mention.sentence_idx,
                    source=mention.source)]


def cut_at_line_break(article: Article, mention: Mention) -> list[Mention] | None:
    """A name never runs across a line break (title, then body): keep each line's part."""
    if "\n" not in mention.text and "\r" not in mention.text:
        return None
    parts, pos = [], mention.start
    for piece in mention.text.splitlines(keepends=True):
        core = piece.strip()
        if core:
            start = pos + piece.index(core)
            parts.append(Mention(start, start + len(core), core, mention.label, article.sentence_of(start),
                                 source=mention.source))
        pos += len(piece)
    return parts


RULES: list[tuple[str, Rule]] = [
    ("cut_at_line_break", cut_at_line_break),
    ("trim_edges", trim_edges),
    ("trim_function_words", trim_function_words),
    ("split_parenthesized_acronym", split_parenthesized_acronym),
]


class Repair:
    name: ClassVar[str] = "repair"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __init__(self, rules: list[tuple[str, Rule]] | None = None, debug: bool = False) -> None:
        self.rules = RULES if rules is None else rules
        self.debug = debug
        self.fired: list[tuple[str, str, str]] = []

    def repair(self, article: Article, mention: Mention) -> list[Mention]:
        for rule_name, rule in self.rules:
            result = rule(article, mention)
            if result is not None:
                if self.debug:
                    self.fired.append((rule_name, mention.text, " | ".join(m.text for m in result)))
                # A repaired span may need another rule (trim, then split).
                return [out for m in result for out in (self.repair(article, m) if m.text != mention.text else [m])]
        return [mention]

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.mentions = [out for m in article.mentions for out in self.repair(article, m)]
        return articles

