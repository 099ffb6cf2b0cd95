"""The last word on mentions: text order, exact duplicates dropped, `mention_id` the position.

Every stage that adds, drops or retypes mentions runs before this one; normal forms,
entities (their `mention_ids`), syntax and events rely on the numbering it fixes
(`MENTIONS_FINAL`), so `check_order` rejects a stage that changes mentions after it.
"""

from __future__ import annotations

from typing import ClassVar

from rusnews.model import Article, Mention
from rusnews.stages.base import MENTIONS, MENTIONS_FINAL


def sort_mentions(article: Article) -> None:
    """Mentions in text order, exact duplicates dropped; mention_id is the position."""
    seen: set[tuple[str, int, int]] = set()
    ordered: list[Mention] = []
    for m in sorted(article.mentions, key=lambda m: (m.start, -m.end, m.label)):
        if m.span not in seen:
            seen.add(m.span)
            ordered.append(m)
    article.mentions = ordered


class SortMentions:
    name: ClassVar[str] = "sort"
    requires: ClassVar[tuple[str, ...]] = (MENTIONS,)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS_FINAL,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            sort_mentions(article)
        return articles
