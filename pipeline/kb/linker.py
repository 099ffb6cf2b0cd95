"""An article's entities to the knowledge tables: Wikidata id, GeoNames id, coordinates,
country.

Precision first: a name that could be several things is linked only when something
decides between them, else it is left unlinked.

- Wikidata: the aliases of NEREL train for the entity's name (its canonical name first,
  then each mention's), of its own label before the other name label (a `Барселона`
  tagged ORG is the club, tagged LOC the city); the item most links went to, when it has
  at least `SHARE` of them. A person known by a first name alone (`Филипп`) is linked only
  when many train texts link that name to one item (`Чарльз`); a person named in full the
  aliases lack may be found by first name and surname (past a middle name, or by an
  initial: `Дж. Коми`).
- Places (LOC): a country's name is the country; else the cities and regions of that
  name. A region shadows the cities of other countries (`Техас`); of several cities, one
  in a country the article names otherwise wins (`Александрия` beside `Вирджиния`), else
  the most populous when it has `POPULATION_RATIO` times the next one's people; several
  candidates in one country give that country without coordinates. A city is no reading
  of a name whose Wikidata item NEREL types otherwise (`Флорида` is a state).
- Country of an organization: the places in its name (`МИД России`), or its own name
  when it is a country's (`Россия` acting as a party, tagged ORG), else what the tables
  say of its Wikidata item; of a person, the item's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rusnews.kb.tables import CITY, REGION, Knowledge, Place, knowledge
from rusnews.model import LOC, ORG, PER, Article, Entity, Mention
from rusnews.text import fold_spaced, is_acronym

# Chosen by leave-one-document-out on NEREL train: 0.5 / 0.7 / 0.9 gave precision .934 /
# .943 / .952 and recall .502 / .492 / .478 of its links.
SHARE = 0.7
NEREL_CITY = "CITY"
POPULATION_RATIO = 3.0
NAME_LABELS = (ORG, LOC)
# Chosen by leave-one-document-out on NEREL train (see known_by_first_name).
FIRST_NAME_DOCUMENTS = 3
# A first name of at most this many letters is an initial (`Б`, `Дж`).
INITIAL_LETTERS = 2


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    place: Place | None  # None: the country is known, the place among several is not
    country: str
    unique: bool  # one candidate only, no context needed: it may set the article's context
    # The article's other places chose it over a bigger namesake: the aliases, which count
    # what the name usually stands for, then do not say which item it is.
    by_context: bool = False


def mention_form(mention: Mention) -> str:
    return fold_spaced(mention.core or mention.normal or mention.text)


def entity_forms(article: Article, entity: Entity, acronyms: bool = True) -> list[str]:
    """The entity's names in matching form: its canonical name first, then its mentions'
    (without the acronyms unless `acronyms`)."""
    forms = [fold_spaced(entity.name)]
    forms += [
        mention_form(m)
        for m in (article.mentions[i] for i in entity.mention_ids)
        if acronyms or not is_acronym(m.text)
    ]
    return [f for f in dict.fromkeys(forms) if f]


@dataclass(frozen=True, slots=True)
class Located:
    """An article's LOC mentions in order of their start."""

    mentions: list[Mention]
    starts: list[int]

    @classmethod
    def of(cls, article: Article) -> Located:
        found = sorted((m for m in article.mentions if m.label == LOC), key=lambda m: m.start)
        return cls(found, [m.start for m in found])


def _people(place: Place) -> int:
    return place.population


def _unique_country(places: Iterable[Place]) -> str | None:
    countries = {p.country for p in places}
    return next(iter(countries)) if len(countries) == 1 else None


def given_name(first: str) -> tuple[str, bool]:
    """A person's folded first name and whether it is an initial (`Б.`, `Дж`)."""
    folded = fold_spaced(first)
    bare = folded.rstrip(".")
    return bare, folded.endswith(".") or len(bare) <= INITIAL_LETTERS


def person_index(kb: Knowledge) -> dict[str, list[tuple[str, str, int]]]:
    """Surname -> (first name, item, links) of the PER aliases of two words or more: `джон
    фицджеральд кеннеди` is found for `Джон Кеннеди`, `джеймс коми` for `Дж. Коми`."""
    found: dict[str, list[tuple[str, str, int]]] = {}
    for (form, label), items in sorted(kb.aliases.items()):
        words = form.split()
        if label != PER or len(words) < 2 or words[0].endswith("."):
            continue
        for item, n in items.items():
            found.setdefault(words[-1], []).append((words[0], item, n))
    return found


class Linker:
    def __init__(self, kb: Knowledge | None = None) -> None:
        self.kb = kb or knowledge()
        self.persons = person_index(self.kb)

    # -- places ------------------------------------------------------------------------
    def place_of(self, form: str, context: Counter | None = None) -> PlaceChoice | None:
        """The place `form` names, given the countries the article names (`context`)."""
        kb = self.kb
        countries = kb.countries.get(form)
        if countries:
            if len(countries) > 1:
                return None
            return PlaceChoice(countries[0], countries[0].country, True)
        cities, regions = kb.cities.get(form, []), kb.regions.get(form, [])
        if regions:
            home = {r.country for r in regions}
            cities = [c for c in cities if c.country in home]
        pool: list[Place] = cities or regions
        if not pool:
            return None
        if len(pool) == 1:
            return PlaceChoice(pool[0], pool[0].country, True)
        if context:
            near = [p for p in pool if p.country in context]
            moved = bool(near) and max(near, key=_people) is not max(pool, key=_people)
            pool = near or pool
            if len(pool) == 1:
                return PlaceChoice(pool[0], pool[0].country, False, moved)
        else:
            moved = False
        if pool[0].kind != REGION:
            ranked = sorted(pool, key=_people, reverse=True)
            if ranked[0].population >= POPULATION_RATIO * ranked[1].population:
                return PlaceChoice(ranked[0], ranked[0].country, False, moved)
        country = _unique_country(pool)
        return PlaceChoice(None, country, False, moved) if country else None

    def first_place(
        self, forms: list[str], context: Counter | None = None, acronyms: Iterable[str] = ()
    ) -> PlaceChoice | None:
        """The place of the first form the tables know (a known form that is ambiguous
        decides too: a later, shorter form must not overrule it). `acronyms` are looked up
        among the countries only: `США` is a country, but `МО` of `Московская область (МО)`
        is no French town."""
        kb = self.kb
        for form in forms:
            if form in kb.countries:
                return self.place_of(form, context)
            if form not in acronyms and (form in kb.cities or form in kb.regions):
                return self.place_of(form, context)
        return None

    def _fits(self, entity: Entity, forms: list[str], choice: PlaceChoice) -> bool:
        """A city reading needs a name the aliases do not give to something else: NEREL's
        `Флорида` is a state and its `Азия` a continent, not the towns of Uruguay and the
        Philippines that bear those names."""
        if choice.place is None or choice.place.kind != CITY:
            return True
        item = self.item_of(entity, forms)
        return item is None or self.kb.item_types.get(item, NEREL_CITY) == NEREL_CITY

    # -- Wikidata ----------------------------------------------------------------------
    def item_of(self, entity: Entity, forms: list[str], country: str | None = None) -> str | None:
        """The Wikidata item of the entity's first name the aliases know; where the text
        gives the entity a country, the items of that country first (`МИД` of `МИД
        России`), and never an item of another country."""
        if entity.label == PER and entity.last is None:
            return self.known_by_first_name(forms, country)
        others = [label for label in NAME_LABELS if label != entity.label]
        if entity.label == PER and entity.first:
            # A person the text names in full is linked by that name: the surname alone is
            # shared (`Кан` is Наото Кан's alias, and not Оливер Кан's item).
            forms = [form for form in forms if len(form.split()) > 1]
        for form in forms:
            for labels in ([entity.label], others if entity.label != PER else []):
                counts: Counter = Counter()
                for label in labels:
                    counts.update(self.kb.aliases.get((form, label), {}))
                if counts:
                    return self._decide(counts, country)
        if entity.label == PER and entity.first and entity.last:
            return self.person_item(entity, country)
        return None

    def known_by_first_name(self, forms: list[str], country: str | None) -> str | None:
        """A first name alone names many people, but a few are known by it in many texts
        (`Чарльз` is the prince, `Франциск` the pope): the first name is linked only when
        train links it to one item in at least `FIRST_NAME_DOCUMENTS` documents."""
        for form in forms:
            counts = self.kb.aliases.get((form, PER))
            if counts:
                item = self._decide(Counter(counts), country)
                documents = self.kb.documents.get((form, PER), {})
                if item is not None and documents.get(item, 0) >= FIRST_NAME_DOCUMENTS:
                    return item
                return None
        return None

    def person_item(self, entity: Entity, country: str | None) -> str | None:
        """A person the aliases know by first name and surname, with another middle name or
        none (`Джон Кеннеди`: `джон фицджеральд кеннеди`), or by the first name an initial
        opens (`Дж. Коми`: `джеймс коми`)."""
        first, initial = given_name(entity.first or "")
        counts: Counter = Counter()
        for name, item, n in self.persons.get(fold_spaced(entity.last or ""), ()):
            if name == first or (initial and name.startswith(first)):
                counts[item] += n
        return self._decide(counts, country) if counts else None

    def _decide(self, counts: Counter, country: str | None) -> str | None:
        if country is not None:
            own = Counter(
                {i: n for i, n in counts.items() if self.kb.item_countries.get(i) == country}
            )
            counts = own or counts
        item, n = counts.most_common(1)[0]
        if n / sum(counts.values()) < SHARE:
            return None
        if country is not None and self.kb.item_countries.get(item, country) != country:
            return None
        return item

    # -- countries of organizations ----------------------------------------------------
    def owner_country(
        self, article: Article, entity: Entity, places: dict[int, str], located: Located
    ) -> str | None:
        """The country the places inside the organization's names name (`МИД России`),
        or its own name's country; None when they disagree."""
        votes: Counter = Counter()
        for i in entity.mention_ids:
            mention = article.mentions[i]
            start, end = mention.extent_span
            # Places by start, so each name looks at the few inside it: scanning every
            # mention for every name would cost the square of a long article's length.
            for j in range(bisect_left(located.starts, start), len(located.starts)):
                other = located.mentions[j]
                if other.start >= end:
                    break
                if other is not mention and other.end <= end and other.entity_id in places:
                    votes[places[other.entity_id]] += 1
            own = self.kb.countries.get(mention_form(mention))
            if own and len(own) == 1:
                votes[own[0].country] += 1
        if not votes:
            return None
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return None
        return ranked[0][0]

    # -- an article ----------------------------------------------------------------------
    def link(self, article: Article) -> None:
        named = [e for e in article.entities if e.label in (PER, ORG, LOC)]
        located = Located.of(article)
        forms = {e.entity_id: entity_forms(article, e) for e in named}
        places = [e for e in named if e.label == LOC]
        acronyms = {
            e.entity_id: set(forms[e.entity_id]) - set(entity_forms(article, e, acronyms=False))
            for e in places
        }
        context: Counter = Counter()
        for entity in places:
            choice = self.first_place(forms[entity.entity_id], None, acronyms[entity.entity_id])
            if (
                choice is not None
                and choice.unique
                and self._fits(entity, forms[entity.entity_id], choice)
            ):
                context[choice.country] += 1
        countries: dict[int, str] = {}
        moved: set[int] = set()
        for entity in places:
            choice = self.first_place(forms[entity.entity_id], context, acronyms[entity.entity_id])
            if choice is None or not self._fits(entity, forms[entity.entity_id], choice):
                continue
            countries[entity.entity_id] = entity.country = choice.country
            if choice.by_context:
                moved.add(entity.entity_id)
            if choice.place is not None:
                place = choice.place
                entity.geonames = place.geonames
                entity.latitude, entity.longitude = place.latitude, place.longitude
                entity.wikidata = place.wikidata
        for entity in named:
            if entity.label == ORG:
                entity.country = self.owner_country(article, entity, countries, located)
            if entity.entity_id in moved:
                continue
            item = self.item_of(entity, forms[entity.entity_id], entity.country)
            if item is not None:
                entity.wikidata = item
            elif entity.label == LOC and entity.wikidata is not None:
                # The place's own item (a country's) unless its aliases say otherwise.
                if self.kb.item_countries.get(entity.wikidata, entity.country) != entity.country:
                    entity.wikidata = None
            if entity.country is None and entity.wikidata:
                entity.country = self.kb.item_countries.get(entity.wikidata)
