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
        # The tables load once per process (rusnews.kb.tables.knowledge), with the models.
        self.linker = linker or Linker()

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.linker.link(article)
        return articles
