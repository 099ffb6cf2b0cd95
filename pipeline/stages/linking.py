"""Entities to the knowledge tables: Wikidata ids, GeoNames places, countries (rusnews.kb)."""

from __future__ import annotations

from typing import ClassVar

from rusnews.kb.linker import Linker
from rusnews.model import Article
from rusnews.stages.base import ENTITIES, LINKS


class LinkKnowledge:
    name: ClassVar[str] = "link"
    requires: ClassVar[tuple[str, ...]] = (ENTITIES,)
    assigns: ClassVar[tuple[str, ...]] = (LINKS,)

    def __init__(self, linker: Linker | None = None) -> None:
        # The tables load once per process (rusnews.kb.tables.knowledge), at the first
        # batch: `rusnews build-kb` builds this stage list while it rewrites them.
        self.linker = linker

    def __call__(self, articles: list[Article]) -> list[Article]:
        if self.linker is None:
            self.linker = Linker()
        for article in articles:
            self.linker.link(article)
        return articles
