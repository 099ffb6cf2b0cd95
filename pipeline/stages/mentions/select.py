"""The profile as an output filter: every kind of mention is found, the profile's view kept.

The stages before this one find what any gold convention counts (rusnews.views);
a profile says which of those a user wants in the tables. `all` keeps every
mention, each with its kind, for `rusnews eval` to score each convention from one run.
"""

from __future__ import annotations

from typing import ClassVar

from rusnews.model import Article
from rusnews.stages.base import MENTIONS
from rusnews.views import fill_kinds, view


class SelectProfile:
    name: ClassVar[str] = "profile"
    requires: ClassVar[tuple[str, ...]] = (MENTIONS,)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __init__(self, profile: str) -> None:
        self.profile = profile
        self.view = view(profile)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            fill_kinds(article.mentions)
            found = {id(m) for m in article.mentions}
            kept = self.view(article.mentions, article.text)
            # A view that moved a bound (`МИД России`) may have moved a name out of text order,
            # which the stages before sort keep; dates are sort's to order.
            if any(id(m) not in found for m in kept):
                kept.sort(key=lambda m: (m.start, -m.end, m.label))
            article.mentions = kept
        return articles
