"""The rules of identity: when two articles' entities are one thing.

Each rule is a small named function over the entity records that says which
pairs it would join; `link` applies them in order (`RULES`), refuses a join
that would put two owners, two Wikidata ids, two genders or two different
full names of a person into one thing, and counts what each rule joined and
what it was refused. Rules after the first see what the earlier ones joined
(the surname rule counts the full names a corpus entity has, not its rows).
No rule compares all pairs: each groups the records by a key, or looks a
surname up in an index.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field

from rusnews.corpus.names import (
    MIN_SKELETON,
    NameTables,
    has_latin,
    is_initial,
    latin_skeleton,
    official_form,
)
from rusnews.model import ORG, PER
from rusnews.text import fold, fold_spaced

DEFAULT_WINDOW_DAYS = 3


@dataclass(slots=True)
class Record:
    """One article's entity, as the rules see it."""

    label: str
    name: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    gender: str | None = None
    day: int | None = None  # publication date of its article, as a day number
    wikidata: str | None = None
    body: str | None = None  # a body's name without its owner (`министерство иностранных дел`)
    owner: str | None = None  # the body's owner's comparison form; None: a body with none found
    n_mentions: int = 1
    # (first, last) folded, for a person named with both (not by an initial); set once.
    full_person: tuple[str, str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if self.label == PER and self.first and self.last and not is_initial(self.first):
            self.full_person = (fold(self.first), fold_spaced(self.last))

    @property
    def partial_person(self) -> bool:
        """A person named without first name and surname both: `Путин`, `В. Путин`, `Мадонна`."""
        return self.label == PER and self.full_person is None


NONE: frozenset = frozenset()


@dataclass(slots=True)
class Cluster:
    """What the rules need to know of a group of records joined so far (most sets stay empty,
    so they are frozen and shared until a join fills them)."""

    owners: frozenset[str | None] = NONE  # of its bodies; None: a body with no owner found
    wikidata: frozenset[str] = NONE
    genders: frozenset[str] = NONE
    persons: frozenset[tuple[str, str]] = NONE  # full names (first, last)
    # Sorted and distinct: the rules ask only whether some day lies in a window, and a name
    # in every article of a large run would otherwise grow a tuple copied at every join.
    days: tuple[int, ...] = ()

    @classmethod
    def of(cls, record: Record) -> Cluster:
        return cls(
            frozenset((record.owner,)) if record.body is not None else NONE,
            frozenset((record.wikidata,)) if record.wikidata else NONE,
            frozenset((record.gender,)) if record.gender else NONE,
            frozenset((record.full_person,)) if record.full_person else NONE,
            # Only the surname rules ask a group's days; places in every article need none.
            (record.day,) if record.day is not None and record.label == PER else (),
        )

    def conflict(self, other: Cluster, by_wikidata: bool = False) -> str | None:
        """Why the two may not be one thing, or None."""
        if len(self.owners | other.owners) > 1:
            return "owner"
        if self.wikidata and other.wikidata and not self.wikidata & other.wikidata:
            return "wikidata"
        if len(self.genders | other.genders) > 1:
            return "gender"
        # The same Wikidata id outweighs two spellings of a name (Майкл Стил, Michael Steele).
        if not by_wikidata and self.persons and other.persons and not self.persons & other.persons:
            return "person"
        return None

    def absorb(self, other: Cluster) -> None:
        if other.owners:
            self.owners |= other.owners
        if other.wikidata:
            self.wikidata |= other.wikidata
        if other.genders:
            self.genders |= other.genders
        if other.persons:
            self.persons |= other.persons
        if other.days:
            self.days = tuple(sorted(set(self.days).union(other.days)))


class Links:
    """Records joined into groups (union-find), with each group's `Cluster`."""

    def __init__(self, records: list[Record]) -> None:
        self.records = records
        self.parent = list(range(len(records)))
        self.clusters = [Cluster.of(r) for r in records]
        self.fired: Counter[str] = Counter()
        self.refused: Counter[str] = Counter()
        self.trace: list[tuple[str, int, int]] | None = None

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, rule: str, i: int, j: int) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        why = self.clusters[a].conflict(self.clusters[b], by_wikidata=rule == "same_wikidata")
        if why:
            self.refused[f"{rule}/{why}"] += 1
            return False
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        self.clusters[keep].absorb(self.clusters[gone])
        self.fired[rule] += 1
        if self.trace is not None:
            self.trace.append((rule, i, j))
        return True


Rule = Callable[[list[Record], Links, NameTables, int], Iterable[tuple[int, int]]]


def by_key(
    records: list[Record], key: Callable[[Record], Hashable | None]
) -> Iterator[tuple[int, int]]:
    """Every record with the first record of its key: one pass, no pairs compared."""
    first: dict[Hashable, int] = {}
    for i, record in enumerate(records):
        k = key(record)
        if k is None:
            continue
        if k in first:
            yield first[k], i
        else:
            first[k] = i


def _group(record: Record) -> str:
    # The tagger gives one name ORG in one article and LOC in another
    # (`Казахстан` acting as a party); persons are kept apart.
    return PER if record.label == PER else "NAME"


def same_wikidata(records: list[Record], links: Links, tables: NameTables, window: int):
    """Two entities a knowledge base linked to one Wikidata item."""
    return by_key(records, lambda r: r.wikidata or None)


def same_name(records: list[Record], links: Links, tables: NameTables, window: int):
    """The same name (case and ё aside); a body's name with its owner; a person's full name."""

    def key(r: Record) -> Hashable | None:
        if r.body is not None:
            return ("body", r.body, r.owner)
        if r.label == PER:
            return None if r.partial_person else (PER, fold_spaced(r.name))
        return ("NAME", fold_spaced(r.name))

    return by_key(records, key)


def full_name(records: list[Record], links: Links, tables: NameTables, window: int):
    """First name and surname agree; a patronymic given or not (`Дмитрий Анатольевич Медведев`)."""
    return by_key(records, lambda r: r.full_person)


def official_name(records: list[Record], links: Links, tables: NameTables, window: int):
    """Names of one place or body: Россия / Российская Федерация / РФ, США / Соединённые Штаты
    Америки, Республика Татарстан / Татарстан, Минфин / Министерство финансов."""

    def key(r: Record) -> Hashable | None:
        if r.label == PER:
            return None
        if r.body is not None:
            return ("body", official_form(r.body, tables), r.owner)
        return ("NAME", official_form(r.name, tables))

    return by_key(records, key)


def transliteration(records: list[Record], links: Links, tables: NameTables, window: int):
    """An organization spelled in Latin and in Cyrillic letters: Lenta.ru / Лента.ру."""

    def key(r: Record) -> Hashable | None:
        if r.label != ORG or r.body is not None:
            return None
        skeleton = latin_skeleton(r.name)
        return skeleton if len(skeleton) >= MIN_SKELETON else None

    groups: dict[str, list[int]] = {}
    for i, record in enumerate(records):
        k = key(record)
        if k is not None:
            groups.setdefault(k, []).append(i)
    for members in groups.values():
        # Only across scripts: two Cyrillic names of one skeleton differ in more than spelling.
        if len(members) > 1 and len({has_latin(records[i].name) for i in members}) == 2:
            yield from ((members[0], j) for j in members[1:])


def _compatible(record: Record, firsts: set[str], genders: frozenset[str]) -> bool:
    """A partial name fits a full one: initials that begin its first name, the same gender."""
    if record.first and is_initial(record.first):
        initial = fold(record.first[0])
        if not any(first.startswith(initial) for first in firsts):
            return False
    return not (record.gender and genders and record.gender not in genders)


def _within(days: tuple[int, ...], day: int, window: int) -> bool:
    at = bisect.bisect_left(days, day - window)
    return at < len(days) and days[at] <= day + window


def _partial_names(surname_only: bool) -> Rule:
    def rule(records: list[Record], links: Links, tables: NameTables, window: int):
        # Surname -> the groups holding a full name of it, and their first names: the
        # groups as the earlier rules left them, so a name in a thousand articles is one.
        by_surname: dict[str, dict[int, set[str]]] = {}
        for i, r in enumerate(records):
            if r.full_person:
                first, last = r.full_person
                by_surname.setdefault(last, {}).setdefault(links.find(i), set()).add(first)
        for i, r in enumerate(records):
            if not r.partial_person or not r.last or (r.first is None) != surname_only:
                continue
            groups = by_surname.get(fold_spaced(r.last), {})
            fits = [
                root
                for root, firsts in groups.items()
                if _compatible(r, firsts, links.clusters[root].genders)
            ]
            if len(fits) > 1 and r.day is not None:
                # Several people of that name in the corpus: the one in the article's days.
                fits = [root for root in fits if _within(links.clusters[root].days, r.day, window)]
            if len(fits) == 1:
                yield fits[0], i

    return rule


surname_to_full_name = _partial_names(surname_only=True)
surname_to_full_name.__name__ = "surname_to_full_name"
surname_to_full_name.__doc__ = """`Путин` joins `Владимир Путин` when the corpus, or else the
article's days, holds exactly one full name of that surname and gender."""
initials_to_full_name = _partial_names(surname_only=False)
initials_to_full_name.__name__ = "initials_to_full_name"
initials_to_full_name.__doc__ = """`В. Путин` joins `Владимир Путин` on the same terms,
and only a full name whose first name the initial begins."""


def same_partial_name(records: list[Record], links: Links, tables: NameTables, window: int):
    """Partial names no full name took: one thing per spelling (`Медведев` where two
    Медведевs are named), never joined to a full name by this rule."""

    def key(r: Record) -> Hashable | None:
        return (PER, fold_spaced(r.name)) if r.partial_person else None

    for i, j in by_key(records, key):
        a, b = links.find(i), links.find(j)
        if not links.clusters[a].persons and not links.clusters[b].persons:
            yield i, j


RULES: tuple[Rule, ...] = (
    same_wikidata,
    same_name,
    full_name,
    official_name,
    transliteration,
    surname_to_full_name,
    initials_to_full_name,
    same_partial_name,
)


def link(
    records: list[Record],
    tables: NameTables,
    window: int = DEFAULT_WINDOW_DAYS,
    rules: tuple[Rule, ...] = RULES,
    trace: bool = False,
) -> Links:
    """Apply the rules in order; `trace` keeps (rule, i, j) of every join made."""
    links = Links(records)
    if trace:
        links.trace = []
    for rule in rules:
        for i, j in rule(records, links, tables, window):
            links.join(rule.__name__, i, j)
    return links
