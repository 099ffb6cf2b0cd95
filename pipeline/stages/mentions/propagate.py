"""One name, one reading per article: occurrences the tagger missed take the
label it gave the same name elsewhere in the article.

The tagger decides word by word from a window of context, so a surname it
found in `Владимир Путин подписал` may be missed in a title line `Путин
подписал закон`, and an organization found once may be missed in a list.
Both gold corpora annotate every occurrence, so the article's own mentions
are the best evidence. Rules are ordered small functions, the first with an
opinion wins; `PropagateNames(debug=True)` records which fired in `fired`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from rusnews.model import DATE, LOC, ORG, PER, Article, Mention, Token
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES, RuleFamily, needs
from rusnews.text import fold


def keys(token: Token) -> set[str]:
    """A word and its dictionary form: `Путина` and `Путин` share `путин`."""
    out = {fold(token.text)}
    if token.lemma:
        out.add(fold(token.lemma))
    return out


def capitalized(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.islower() for c in token.text[1:])


@dataclass(slots=True)
class Known:
    """What the article's mentions say about words: surnames of persons, and
    the words of other names (so that a word both a surname and, say, a
    place has no opinion)."""

    words: dict[str, str] = field(default_factory=dict)
    # Words seen with more than one label: no opinion on them.
    ambiguous: set[str] = field(default_factory=set)

    def add(self, key: str, label: str) -> None:
        if self.words.get(key, label) != label:
            self.ambiguous.add(key)
        self.words[key] = label

    def label(self, token: Token) -> str | None:
        found = {self.words[k] for k in keys(token) if k in self.words and k not in self.ambiguous}
        return found.pop() if len(found) == 1 else None


def learn(article: Article) -> Known:
    known = Known()
    for m in article.mentions:
        if m.label == DATE:
            continue
        tokens = [t for t in article.tokens_in(m.start, m.end) if any(c.isalpha() for c in t.text)]
        if not tokens:
            continue
        if m.label == PER:
            # The last word of a person's name is the surname (`Владимир Путин`);
            # a first name alone (`Марк`) is also a common word too often.
            for key in keys(tokens[-1]):
                known.add(key, PER)
        elif len(tokens) == 1 and m.label in (ORG, LOC):
            for key in keys(tokens[0]):
                known.add(key, m.label)
    return known


# A rule looks at a token no mention covers and returns the label to give it, or None.
Rule = Callable[[Known, list[Token], int], str | None]


@needs(MORPH)
def same_surname(known: Known, tokens: list[Token], i: int) -> str | None:
    """`Путин` in a title where `Владимир Путин` is tagged in the body."""
    token = tokens[i]
    if not capitalized(token) or token.pos not in ("PROPN", "NOUN", "X", "ADJ"):
        return None
    label = known.label(token)
    return label if label == PER else None


RULES: list[tuple[str, Rule]] = [
    ("same_surname", same_surname),
]


class PropagateNames(RuleFamily):
    name: ClassVar[str] = "propagate"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    default_rules: ClassVar[list[tuple[str, Rule]]] = RULES

    def propagate(self, article: Article) -> None:
        known = learn(article)
        if not known.words:
            return
        covered = {id(t) for m in article.mentions for t in article.tokens_in(m.start, m.end)}
        added: list[Mention] = []
        for idx, sentence in enumerate(article.sentences):
            for i, token in enumerate(sentence.tokens):
                if id(token) in covered:
                    continue
                decided = self.decide(known, sentence.tokens, i)
                if decided is not None:
                    rule_name, label = decided
                    self.note(rule_name, token.text, label)
                    added.append(
                        Mention(token.start, token.end, token.text, label, idx, source="propagated")
                    )
        article.mentions = sorted(
            article.mentions + merge_neighbours(article, added), key=lambda m: (m.start, -m.end)
        )

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.propagate(article)
        return articles


def merge_neighbours(article: Article, added: list[Mention]) -> list[Mention]:
    """Adjacent new words of one label form one name (`Максим Дадашев`)."""
    merged: list[Mention] = []
    for m in sorted(added, key=lambda m: m.start):
        last = merged[-1] if merged else None
        if last and last.label == m.label and article.text[last.end : m.start] == " ":
            merged[-1] = Mention(
                last.start,
                m.end,
                article.text[last.start : m.end],
                m.label,
                last.sentence_idx,
                source=last.source,
            )
        else:
            merged.append(m)
    return merged
