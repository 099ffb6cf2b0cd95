"""`corpus_entities`: the run's entities resolved into one row per real-world thing.

Every PER/ORG/LOC row of `entities` becomes a `Record` (its name parts, its
article's publication day, a body's owner, a knowledge base's Wikidata id when
`entities` has one); the rules of `rules.py` join them; each group is a corpus
entity, numbered in the order its first entity comes in the run. DATE
entities are values, not things, and get no corpus entity.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rusnews.corpus.names import NameTables, full_form, person_gender
from rusnews.corpus.owners import (
    Body,
    Owner,
    adjective_owner,
    article_country,
    is_owned_noun,
    names_an_owner,
    owner_of,
    owners_in_text,
    strip_owner,
)
from rusnews.corpus.rules import DEFAULT_WINDOW_DAYS, Links, Record, link
from rusnews.model import DATE, LOC, ORG, PER

# Columns a knowledge base adds to `entities`; each corpus entity takes its members' most
# frequent value. The step works without them.
KB_COLUMNS = ("wikidata", "geonames", "latitude", "longitude", "country")


def day_numbers(published: pd.Series) -> list[int | None]:
    """Days since 1970-01-01 (None for no date): windows compare them as integers."""
    days = published.to_numpy(dtype="datetime64[D]", na_value=np.datetime64("NaT"))
    return [None if np.isnat(d) else int(d.astype(np.int64)) for d in days]


def _value(value):
    return (
        None
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))
        else value
    )


def _nullable(column: pd.Series) -> list:
    """The column's values with None for every missing one (NaN, NA), in one pass."""
    return column.astype(object).where(column.notna(), None).tolist()


def _said_owners(mentions: pd.DataFrame) -> dict[tuple[str, int], Counter]:
    """(article, ORG entity id) -> the places named inside its mentions, as owners."""
    named = mentions[mentions["label"].isin((ORG, LOC)) & mentions["entity_id"].notna()]
    columns = [named[c].tolist() for c in ("article_id", "label", "start", "end", "text", "normal")]
    lo = named["extent_start"].fillna(named["start"]).astype("int64").tolist()
    hi = named["extent_end"].fillna(named["end"]).astype("int64").tolist()
    entity_ids = named["entity_id"].astype("int64").tolist()
    found: dict[tuple[str, int], Counter] = {}
    orgs: list[tuple[int, int, int, int, int]] = []
    places: list[tuple[int, int, int, str]] = []
    current = None

    def flush() -> None:
        if orgs and places:
            for entity_id, counts in owners_in_text(orgs, places).items():
                found[(current, entity_id)] = counts
        orgs.clear()
        places.clear()

    for article, label, start, end, text, normal, a, b, entity_id in zip(
        *columns, lo, hi, entity_ids
    ):
        if article != current:
            flush()
            current = article
        if label == ORG:
            orgs.append((start, end, a, b, entity_id))
        elif names_an_owner(text, _value(normal)):
            places.append((start, end, entity_id, text))
    flush()
    return found


@dataclass(slots=True)
class EntityRows:
    """The records, and for each the row of `entities` it came from and its owner's name."""

    records: list[Record]
    rows: list[int]
    articles: list[str]
    owner_names: list[str | None]
    said: list[bool]  # the body's owner is named in its own mentions


ENTITY_COLUMNS = (
    "article_id",
    "entity_id",
    "label",
    "name",
    "first",
    "middle",
    "last",
    "n_mentions",
)


class _Records:
    """Builds the records article by article: an article's bodies need its places first."""

    def __init__(self, published, entities: pd.DataFrame, mentions: pd.DataFrame, tables) -> None:
        self.published, self.tables = published, tables
        self.said_owners = _said_owners(mentions)
        self.cols = {c: _nullable(entities[c]) for c in ENTITY_COLUMNS}
        self.kb = {
            c: _nullable(entities[c]) if c in entities else None for c in ("wikidata", "country")
        }
        self.out = EntityRows([], [], [], [], [])
        self.bodies: list[Body | None] = []
        self.countries: dict[str, Owner | None] = {}

    def _kb(self, column: str, row: int):
        values = self.kb[column]
        return values[row] if values is not None else None

    def add_article(self, article: str, rows: range) -> None:
        cols, out = self.cols, self.out
        places: list[tuple[str, int, str | None]] = []
        loc_names: dict[int, str] = {}
        first_record = len(out.records)
        for row in rows:
            label = cols["label"][row]
            if label == DATE:
                continue
            name = cols["name"][row]
            first, middle, last = cols["first"][row], cols["middle"][row], cols["last"][row]
            n_mentions = int(cols["n_mentions"][row])
            gender = person_gender(first, last) if label == PER else None
            day, wikidata = self.published.get(article), self._kb("wikidata", row)
            out.records.append(
                Record(
                    label, name, first, middle, last, gender, day, wikidata, n_mentions=n_mentions
                )
            )
            out.rows.append(row)
            out.articles.append(article)
            out.owner_names.append(None)
            out.said.append(False)
            self.bodies.append(None)
            if label == LOC:
                loc_names[int(cols["entity_id"][row])] = name
                places.append((name, n_mentions, self._kb("country", row)))
        for i in range(first_record, len(out.records)):
            if out.records[i].label == ORG:
                inside = self.said_owners.get((article, int(cols["entity_id"][out.rows[i]])))
                self.bodies[i] = _body(out.records[i].name, inside, loc_names, self.tables)
        bodies = self.bodies[first_record:]
        said = [b.owner for b in bodies if b is not None and b.said and b.owner]
        country = article_country(places, said, self.tables)
        self.countries[article] = country
        for body in bodies:
            if body is not None and body.owner is None:
                body.owner = country

    def finish(self) -> EntityRows:
        _owners_by_evidence(self.out, self.bodies, self.countries, self.tables)
        for i, body in enumerate(self.bodies):
            if body is not None:
                self.out.records[i].body = body.base
                self.out.records[i].owner = body.owner.key if body.owner else None
                self.out.owner_names[i] = body.owner.name if body.owner else None
                self.out.said[i] = body.said
        return self.out


def entity_records(
    published: dict[str, int | None],
    entities: pd.DataFrame,
    mentions: pd.DataFrame,
    tables: NameTables,
) -> EntityRows:
    """A record of every PER/ORG/LOC row of `entities` (the rows of an article lie together)."""
    records = _Records(published, entities, mentions, tables)
    articles = records.cols["article_id"]
    start = 0
    while start < len(articles):
        end = start
        while end < len(articles) and articles[end] == articles[start]:
            end += 1
        records.add_article(articles[start], range(start, end))
        start = end
    return records.finish()


def _body(
    name: str, inside: Counter | None, loc_names: dict[int, str], tables: NameTables
) -> Body | None:
    if inside:
        (place_id, place_text), _ = inside.most_common(1)[0]
        place = loc_names.get(place_id)
        if place:
            return Body(
                full_form(strip_owner(name, place_text), tables), owner_of(place, tables), True
            )
    adjective = adjective_owner(name, tables)
    if adjective:
        rest, place = adjective
        return Body(full_form(rest, tables), owner_of(place, tables), True)
    if is_owned_noun(name, tables):
        return Body(full_form(name, tables), None, False)
    return None


def _owners_by_evidence(
    out: EntityRows, bodies: list[Body | None], countries, tables: NameTables
) -> None:
    """A name seen elsewhere with its owner in the text is a body wherever it stands
    (`Государственная дума` beside `Госдума России`): its owner is then the article's."""
    owned = {b.base for b in bodies if b is not None and b.said and b.owner}
    for i, record in enumerate(out.records):
        if record.label == ORG and bodies[i] is None:
            base = full_form(record.name, tables)
            if base in owned:
                bodies[i] = Body(base, countries.get(out.articles[i]), False)


def _canonical(members: list[int], out: EntityRows) -> str:
    """The fullest name, then the most mentioned, then the first: `Владимир Путин` over
    `Путин`, a body's name with its owner (`МИД России`) over the bare one."""
    weight: Counter[str] = Counter()
    fullness: dict[str, tuple[int, int]] = {}
    order: dict[str, int] = {}
    for i in members:
        record = out.records[i]
        weight[record.name] += record.n_mentions
        parts = sum(p is not None for p in (record.first, record.middle, record.last))
        score = (
            (int(record.full_person is not None), parts)
            if record.label == PER
            else (int(out.said[i]), 0)
        )
        fullness[record.name] = max(fullness.get(record.name, score), score)
        order.setdefault(record.name, i)
    return max(weight, key=lambda name: (fullness[name], weight[name], -order[name]))


def _most_common(values) -> object:
    counts = Counter(v for v, _ in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(v for v, _ in values if v is not None and counts[v] == best)


def resolve_entities(
    published: dict[str, int | None],
    entities: pd.DataFrame,
    mentions: pd.DataFrame,
    tables: NameTables,
    window: int = DEFAULT_WINDOW_DAYS,
    trace: bool = False,
) -> tuple[pd.DataFrame, list[int | None], Links]:
    """(corpus_entities rows, the corpus_entity_id of every `entities` row, the links made)."""
    out = entity_records(published, entities, mentions, tables)
    links = link(out.records, tables, window, trace=trace)
    root_ids: dict[int, int] = {}
    members: list[list[int]] = []
    for i in range(len(out.records)):
        root = links.find(i)
        if root not in root_ids:
            root_ids[root] = len(members)
            members.append([])
        members[root_ids[root]].append(i)
    ids: list[int | None] = [None] * len(entities)
    for cid, group in enumerate(members):
        for i in group:
            ids[out.rows[i]] = cid
    # Each KB column once as a list: a look-up per member through pandas cost 35 of the
    # 55 s of the step over 6,000 articles.
    kb = {c: _nullable(entities[c]) for c in KB_COLUMNS if c in entities}
    rows = [_corpus_row(cid, group, out, kb) for cid, group in enumerate(members)]
    frame = pd.DataFrame(rows, columns=list(CORPUS_COLUMNS))
    frame["aliases"] = _aliases(mentions, entities, ids, len(members))
    return frame, ids, links


CORPUS_COLUMNS = (
    "corpus_entity_id",
    "label",
    "name",
    "owner",
    "aliases",
    "n_articles",
    "n_mentions",
    "first_published",
    "last_published",
    *KB_COLUMNS,
)


def _corpus_row(cid: int, group: list[int], out: EntityRows, kb: dict[str, list]) -> dict:
    labels: Counter[str] = Counter()
    days = []
    for i in group:
        labels[out.records[i].label] += out.records[i].n_mentions
        if out.records[i].day is not None:
            days.append(out.records[i].day)
    row = {
        "corpus_entity_id": cid,
        "label": labels.most_common(1)[0][0],
        "name": _canonical(group, out),
        "owner": _most_common([(out.owner_names[i], i) for i in group]),
        "aliases": None,
        "n_articles": len({out.articles[i] for i in group}),
        "n_mentions": sum(out.records[i].n_mentions for i in group),
        "first_published": _day(min(days)) if days else None,
        "last_published": _day(max(days)) if days else None,
    }
    for column in KB_COLUMNS:
        values = kb.get(column)
        row[column] = (
            _most_common([(values[out.rows[i]], i) for i in group]) if values is not None else None
        )
    return row


def _day(number: int) -> pd.Timestamp:
    return pd.Timestamp(np.datetime64(number, "D"))


def _aliases(
    mentions: pd.DataFrame, entities: pd.DataFrame, ids: list[int | None], n: int
) -> list[str]:
    """Per corpus entity, JSON `{name: mentions}`: the names its mentions used, most used first."""
    keys = pd.DataFrame(
        {
            "article_id": entities["article_id"],
            "entity_id": entities["entity_id"],
            "cid": pd.array(ids, dtype="Int64"),
        }
    )
    keys = keys[keys["cid"].notna()]
    named = mentions[mentions["label"] != DATE][
        ["article_id", "entity_id", "core", "normal", "text"]
    ]
    named = named.assign(alias=named["core"].fillna(named["normal"]).fillna(named["text"]))
    joined = named.merge(keys, on=["article_id", "entity_id"], how="inner")
    counts = joined.groupby(["cid", "alias"], sort=False).size().reset_index(name="n")
    counts = counts.sort_values(["cid", "n", "alias"], ascending=[True, False, True], kind="stable")
    found = [dict() for _ in range(n)]
    for cid, alias, count in zip(
        counts["cid"].tolist(), counts["alias"].tolist(), counts["n"].tolist()
    ):
        found[int(cid)][alias] = int(count)
    return [json.dumps(d, ensure_ascii=False) for d in found]
