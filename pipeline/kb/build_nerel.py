"""Wikidata items and their Russian aliases, from the links of NEREL train.

NEREL links its spans to Wikidata (`N` lines); the span's text is inflected
(`Киргизии`), and the run time looks names up in the form rusnews gives them. So the
train texts go through the pipeline up to the entities, and each linked PER/ORG/LOC
span that a mention covers exactly (its span, its core or its extent) gives the
mention's name form and its entity's name, both folded, as aliases of the item. The
item's name as the annotator wrote it (`Киргизия`, `Челах, Владислав Валерьевич`) is
an alias too, for spans the pipeline did not find. Only train is read, never dev or
test.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rusnews.eval.brat import parse_ann, parse_links, parse_relations
from rusnews.eval.conventions import NEREL_TYPES
from rusnews.eval.gold import read_lines, read_text
from rusnews.model import DATE, LOC, ORG, PER, Article, Mention
from rusnews.stages.entities import name_form
from rusnews.text import fold_spaced

# What annotators wrote where an item was missing.
NO_NAME = frozenset({"", "нет данных"})
BATCH = 32


@dataclass(slots=True)
class LinkedSpan:
    ann_id: str
    nerel_type: str
    label: str  # PER, ORG, LOC
    start: int
    end: int
    wikidata: str
    name: str


@dataclass(slots=True)
class NerelDoc:
    doc_id: str
    text: str
    links: list[LinkedSpan] = field(default_factory=list)
    # ann id -> its NEREL type and its item (None when it has none)
    items: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    relations: list[tuple[str, str, str]] = field(default_factory=list)


def read_nerel_links(
    folder: Path, limit: int | None = None, problems: list[str] | None = None
) -> Iterator[NerelDoc]:
    """The linked documents of a NEREL folder in name order."""
    n = 0
    for txt in sorted(Path(folder).glob("*.txt")):
        ann = txt.with_suffix(".ann")
        if not ann.exists():
            continue
        lines = read_lines(ann)
        entities = {r.ann_id: r for r in parse_ann(lines, ann)}
        doc = NerelDoc(txt.stem, read_text(txt))
        for link in parse_links(lines, ann, problems):
            record = entities.get(link.ann_id)
            if record is None:
                continue
            doc.items[link.ann_id] = (record.type, link.wikidata)
            label = NEREL_TYPES.get(record.type)
            if link.wikidata is None or label not in (PER, ORG, LOC):
                continue
            start = min(s for s, _ in record.fragments)
            end = max(e for _, e in record.fragments)
            doc.links.append(
                LinkedSpan(link.ann_id, record.type, label, start, end, link.wikidata, link.name)
            )
        doc.relations = [(r.type, r.arg1, r.arg2) for r in parse_relations(lines, ann)]
        yield doc
        n += 1
        if limit is not None and n >= limit:
            return


def process(docs: list[NerelDoc], say: Callable[[str], object] = lambda _: None) -> list[Article]:
    """The pipeline up to the entities, every kind of name found (profile `all`)."""
    from rusnews.pipeline import Pipeline
    from rusnews.stages.entities import LinkEntities
    from rusnews.stages.registry import full_stages

    stages = full_stages("all", links=False)
    last = next(i for i, s in enumerate(stages) if isinstance(s, LinkEntities))
    pipe = Pipeline(stages[: last + 1])
    articles: list[Article] = []
    for i in range(0, len(docs), BATCH):
        batch = [Article(d.doc_id, d.text) for d in docs[i : i + BATCH]]
        articles += pipe.process(batch)
        say(f"  {len(articles)}/{len(docs)} documents through the pipeline")
    return articles


def _by_bounds(article: Article) -> dict[tuple[int, int], Mention]:
    """Mentions by their span, else by their core's or their extent's bounds."""
    found: dict[tuple[int, int], Mention] = {}
    for m in article.mentions:
        if m.label != DATE:
            found.setdefault((m.start, m.end), m)
    for m in article.mentions:
        if m.label != DATE:
            for bounds in ((m.core_start, m.core_end), (m.extent_start, m.extent_end)):
                if bounds[0] >= 0:
                    found.setdefault(bounds, m)
    return found


def item_name_forms(name: str, label: str) -> list[str]:
    """Matching forms of an annotator's item name; a person's `Фамилия, Имя Отчество` as
    rusnews writes the name (`имя отчество фамилия`, and `имя фамилия`)."""
    if name.strip().casefold() in NO_NAME or not any(c.isalpha() for c in name):
        return []
    surname, comma, given = (part.strip() for part in name.partition(","))
    if label == PER and comma and given:
        words = given.split()
        forms = [f"{given} {surname}"]
        if len(words) == 2:
            forms.append(f"{words[0]} {surname}")
        return [fold_spaced(f) for f in forms]
    return [fold_spaced(name)]


@dataclass(slots=True)
class Aliases:
    # (form, label, item) -> links read so
    counts: Counter = field(default_factory=Counter)
    # (form, label, item) -> train documents with such a link
    documents: Counter = field(default_factory=Counter)
    labels: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    types: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    names: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    links: Counter = field(default_factory=Counter)
    matched: int = 0


def collect_aliases(docs: list[NerelDoc], articles: list[Article]) -> Aliases:
    found = Aliases()
    for doc, article in zip(docs, articles):
        bounds = _by_bounds(article)
        linked: set[tuple[str, str, str]] = set()
        for link in doc.links:
            forms = set(item_name_forms(link.name, link.label))
            mention = bounds.get((link.start, link.end))
            if mention is not None and mention.label == link.label:
                found.matched += 1
                forms.add(fold_spaced(name_form(mention)))
                # The entity's name (`Владимир Путин` for `Путина`) is the item's only when
                # every mention of the entity is of the item's kind: organizations and
                # places share entities, and one's name would become the other's alias.
                entity = article.entities[mention.entity_id]
                members = {article.mentions[i].label for i in entity.mention_ids}
                if members == {link.label}:
                    forms.add(fold_spaced(entity.name))
            for form in forms:
                if form:
                    found.counts[(form, link.label, link.wikidata)] += 1
                    linked.add((form, link.label, link.wikidata))
            found.labels[link.wikidata][link.label] += 1
            found.types[link.wikidata][link.nerel_type] += 1
            if link.name.strip().casefold() not in NO_NAME:
                found.names[link.wikidata][link.name.strip()] += 1
            found.links[link.wikidata] += 1
        found.documents.update(linked)
    return found


# Relations that say in which country an organization, a person or a place is: the filler
# is the second argument, a country item tied to an ISO code.
COUNTRY_RELATIONS = {
    ORG: ("HEADQUARTERED_IN", "LOCATED_IN", "ORIGINS_FROM"),
    PER: ("ORIGINS_FROM",),
    # A region, district or city in a country (`Флорида` LOCATED_IN `США`).
    LOC: ("LOCATED_IN",),
}
# An item's country is the one its relations name at least this often and this share.
COUNTRY_SUPPORT = 2
COUNTRY_SHARE = 0.8


def text_votes(docs: list[NerelDoc], articles: list[Article]) -> dict[str, Counter]:
    """Item -> the countries the linked entities got from their text, once the linker has
    run over the articles: a place's own country, an organization's owner (`МВД России`)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc, article in zip(docs, articles):
        bounds = _by_bounds(article)
        for link in doc.links:
            mention = bounds.get((link.start, link.end))
            if mention is None or mention.label != link.label or link.label == PER:
                continue
            country = article.entities[mention.entity_id].country
            # A place left without a country votes against every country: one stray
            # reading must not outvote many unresolved ones. An organization's owner is
            # rarely written, so there silence says nothing.
            if country or link.label == LOC:
                votes[link.wikidata][country or ""] += 1
    return votes


def decide_countries(votes: dict[str, Counter], support: int = 1) -> dict[str, str]:
    """Item -> the country of at least `COUNTRY_SHARE` of its votes and `support` of them."""
    found = {}
    for item, counts in votes.items():
        country, n = counts.most_common(1)[0]
        if country and n >= support and n / sum(counts.values()) >= COUNTRY_SHARE:
            found[item] = country
    return found


def relation_countries(
    docs: list[NerelDoc], country_items: dict[str, str], labels: dict[str, Counter]
) -> dict[str, str]:
    """Item -> ISO country, from the relations that place an organization or a person in a
    country item (`HEADQUARTERED_IN`, `ORIGINS_FROM`)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for relation, arg1, arg2 in doc.relations:
            first, second = doc.items.get(arg1), doc.items.get(arg2)
            if first is None or second is None or first[1] is None or second[1] is None:
                continue
            label = NEREL_TYPES.get(first[0])
            if relation in COUNTRY_RELATIONS.get(label or "", ()) and second[1] in country_items:
                votes[first[1]][country_items[second[1]]] += 1
    kinds = {item: labels[item].most_common(1)[0][0] for item in votes if labels.get(item)}
    decided = decide_countries(votes, COUNTRY_SUPPORT)
    return {item: c for item, c in decided.items() if kinds.get(item) in COUNTRY_RELATIONS}
