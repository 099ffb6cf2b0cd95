"""Normalize stage: PER/ORG/LOC mentions to their nominative form.

Persons go through ``names.py`` (all parts of a name agree on one case and
gender, ``agreement.py`` adds what the sentence says about the case);
organizations and places through ``name_phrases.py`` (the head noun and its
adjectives to nominative) and ``name_descriptors.py`` (the name without the
descriptor before it or its quote marks: ``партии «Яблоко»`` -> ``Яблоко``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pipeline.model import NAME_LABELS, PER, Article, Token
from pipeline.stages.agreement import allowed_cases, governing_verb_feats, with_feats
from pipeline.stages.base import MORPH, NAMES, NORMALS
from pipeline.stages.name_descriptors import normalize_name
from pipeline.stages.name_phrases import inflect_phrase
from pipeline.stages.name_readings import join_tokens
from pipeline.stages.names import normalize_person


@dataclass(slots=True)
class Normal:
    normal: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None


def normalize_mention(
    label: str, tokens: list[Token], cases: frozenset[str] | None = None
) -> Normal:
    """Nominative form of a PER/ORG/LOC mention from the tokens it covers;
    ``cases``: those its context allows a person's name (None: any)."""
    if not tokens:
        return Normal(normal="")
    if label == PER:
        name = normalize_person(tokens, cases)
        return Normal(name.normal, name.first, name.middle, name.last)
    if label in NAME_LABELS:
        return Normal(normalize_name(tokens, inflect_phrase(tokens)))
    return Normal(join_tokens([tok.text for tok in tokens], tokens))


class Normalize:
    """Stage: for each article, set mention.normal (and first/middle/last for PER)
    of every PER/ORG/LOC mention whose normal is None."""

    name: ClassVar[str] = "normalize"
    requires: ClassVar[tuple[str, ...]] = (MORPH, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (NORMALS,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            for mention in article.mentions:
                if mention.label not in NAME_LABELS or mention.normal is not None:
                    continue
                tokens = article.tokens_in(mention.start, mention.end)
                cases = None
                if mention.label == PER:
                    if cue := governing_verb_feats(article, mention):
                        tokens = with_feats(tokens, cue)
                    cases = allowed_cases(article, mention)
                normal = normalize_mention(mention.label, tokens, cases)
                # No tokens (an article without sentences): the text as written is all we have.
                mention.normal = normal.normal or mention.text
                if mention.label == PER:
                    mention.first, mention.middle, mention.last = (
                        normal.first, normal.middle, normal.last
                    )
        return articles
