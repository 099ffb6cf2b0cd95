"""Entities to the knowledge tables: Wikidata ids, GeoNames places, countries (rusnews.kb)."""

from __future__ import annotations

from typing import ClassVar

from rusnews.kb.linker import Linker
from rusnews.model import PER, Article
from rusnews.stages.base import ENTITIES, LINKS, OCCUPATIONS


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


class PersonCountries:
    """A person's country from the occupation the article gives them: `министр иностранных
    дел России Сергей Лавров` works for a Russian body, so he is RU. The workplace's country
    first, else the occupation's place; a person the tables already placed keeps theirs."""

    name: ClassVar[str] = "person_countries"
    requires: ClassVar[tuple[str, ...]] = (LINKS, OCCUPATIONS)
    assigns: ClassVar[tuple[str, ...]] = (LINKS,)

    def place(self, article: Article) -> None:
        by_id = {e.entity_id: e for e in article.entities}
        for occupation in article.occupations:
            person = by_id.get(occupation.person.entity_id)
            if person is None or person.label != PER or person.country is not None:
                continue
            for where in (occupation.organization, occupation.place):
                found = by_id.get(where.entity_id) if where is not None else None
                if found is not None and found.country is not None:
                    person.country = found.country
                    break

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.place(article)
        return articles
