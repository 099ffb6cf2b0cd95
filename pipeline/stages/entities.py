"""Per-article entities: mentions of one thing share an entity_id.

Links, each a small named rule: same normal form; a surname alone to the full
name; an acronym to the full name whose initials it spells or that it stands
beside in parentheses (`Министерство иностранных дел (МИД)`); a known acronym
to its expansion from `models/gazetteers/acronyms.tsv`, and a short name
(`Евросоюз`, `Минфин`) to its full name from `short_names.tsv`; `Республика
Казахстан` to `Казахстан`. ORG and LOC link to each other, since the tagger often gives
one name both labels (`ЕС`, `Казахстан` acting as a party).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import ClassVar

from rusnews.model import DATE, PER, Article, Entity, Mention
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import DATES, ENTITIES, NAMES, NORMALS
from rusnews.text import fold_spaced, is_acronym

# Words an acronym skips when spelling a name's initials.
_SKIPPED = {"и", "в", "во", "на", "по", "о", "об", "для", "при", "с", "со", "к", "от", "из", "за"}
_STATE_WORDS = ("республика", "королевство", "государство", "федерация", "княжество")


def _read_names(filename: str, key=str) -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    path = MODELS_DIR / "gazetteers" / filename
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        short, full, label = line.split("\t")
        table[key(short)] = (full, label)
    return table


@lru_cache(maxsize=1)
def known_acronyms() -> dict[str, tuple[str, str]]:
    return _read_names("acronyms.tsv")


@lru_cache(maxsize=1)
def known_short_names() -> dict[str, tuple[str, str]]:
    """Folded short name -> (full name, label)."""
    return _read_names("short_names.tsv", fold_spaced)


def initials(normal: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", normal) if w and w.casefold() not in _SKIPPED]
    return "".join(w[0] for w in words).upper()


def expand(acronym: str) -> str | None:
    known = known_acronyms().get(acronym)
    return known[0] if known else None


def full_name(normal: str) -> str | None:
    """The full name a short name stands for (`Евросоюз` -> `Европейский союз`)."""
    known = known_short_names().get(fold_spaced(normal))
    return known[0] if known else None


class _Clusters:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _group(label: str) -> str:
    return "PER" if label == PER else "NAME"


def _by_initials(mentions: list[Mention], idx: list[int]) -> dict[str, list[int]]:
    """Initials of every name an unknown acronym may stand for (not persons, not acronyms)."""
    spelled: dict[str, list[int]] = {}
    for j in idx:
        other = mentions[j]
        if other.label != PER and not is_acronym(other.text):
            spelled.setdefault(initials(other.normal or other.text), []).append(j)
    return spelled


def link_names(mentions: list[Mention]) -> _Clusters:
    """Union the PER/ORG/LOC mentions (indices into `mentions`) that name one thing."""
    clusters = _Clusters(len(mentions))
    by_form: dict[tuple[str, str], int] = {}
    surnames: dict[str, int] = {}
    idx = [i for i, m in enumerate(mentions) if m.label != DATE]
    # Names by their initials, built at the first unknown acronym: comparing
    # every acronym with every name cost the square of the article's length.
    spelled: dict[str, list[int]] | None = None
    for i in idx:
        m = mentions[i]
        key = (_group(m.label), fold_spaced(m.normal or m.text))
        if key in by_form:
            clusters.union(by_form[key], i)
        else:
            by_form[key] = i
        if m.label == PER and m.last and (m.first or m.middle):
            surnames.setdefault(fold_spaced(m.last), i)
    for i in idx:
        m = mentions[i]
        form = fold_spaced(m.normal or m.text)
        # `Джошуа Вольфа (Joshua Wolf)`: a name in parentheses right after
        # another of its kind is the same thing spelled another way.
        previous = mentions[i - 1] if i > 0 else None
        if (
            m.source == "alias"
            and previous is not None
            and _group(previous.label) == _group(m.label)
            and previous.end <= m.start <= previous.end + 3
        ):
            clusters.union(i - 1, i)
        if m.label == PER:
            if " " not in form and form in surnames:
                clusters.union(surnames[form], i)
            continue
        if is_acronym(m.text):
            full = expand(m.text)
            if full:
                # A known acronym links to its expansion only: initials are
                # ambiguous (ЕС spells both Европейский союз and Европейский совет).
                if ("NAME", fold_spaced(full)) in by_form:
                    clusters.union(i, by_form[("NAME", fold_spaced(full))])
            else:
                if spelled is None:
                    spelled = _by_initials(mentions, idx)
                names = spelled.get(m.text)
                if names:
                    for j in names:
                        clusters.union(i, j)
                    # One cluster now: a later acronym of these letters joins it through one.
                    spelled[m.text] = names[:1]
            # `... дел (МИД)`: the acronym right after its full form.
            if (
                m.source == "acronym"
                and i > 0
                and mentions[i - 1].end <= m.start <= mentions[i - 1].end + 3
            ):
                clusters.union(i - 1, i)
        full = full_name(form)
        if full and ("NAME", fold_spaced(full)) in by_form:
            clusters.union(i, by_form[("NAME", fold_spaced(full))])
        words = form.split()
        if len(words) >= 2 and words[0] in _STATE_WORDS:
            core = ("NAME", " ".join(words[1:]))
            if core in by_form:
                clusters.union(i, by_form[core])
    return clusters


def canonical(members: list[Mention]) -> tuple[str, Mention]:
    """The entity's name and the mention that gave it: the fullest, most frequent form."""
    non_acronyms = [m for m in members if not is_acronym(m.text)]
    pool = non_acronyms or members
    counts = Counter(fold_spaced(m.normal or m.text) for m in pool)

    def rank(m: Mention) -> tuple[int, int, int, int]:
        parts = sum(p is not None for p in (m.first, m.middle, m.last))
        normal = m.normal or m.text
        return (parts, len(normal.split()), counts[fold_spaced(normal)], -m.start)

    best = max(pool, key=rank)
    name = best.normal or best.text
    if not non_acronyms:
        name = expand(best.text) or name
    return full_name(name) or name, best


def build_entities(article: Article) -> list[Entity]:
    mentions = article.mentions
    clusters = link_names(mentions)
    groups: dict[object, list[int]] = {}
    for i, m in enumerate(mentions):
        root = ("DATE", m.normal or fold_spaced(m.text)) if m.label == DATE else clusters.find(i)
        groups.setdefault(root, []).append(i)
    entities: list[Entity] = []
    for member_ids in groups.values():  # dicts keep first-mention order
        members = [mentions[i] for i in member_ids]
        label = Counter(m.label for m in members).most_common(1)[0][0]
        entity_id = len(entities)
        if label == DATE:
            value = members[0].normal
            entity = Entity(
                entity_id,
                DATE,
                value or members[0].text,
                f"DATE:{value or fold_spaced(members[0].text)}",
                member_ids,
                value=value,
                granularity=members[0].granularity,
            )
        else:
            name, best = canonical(members)
            entity = Entity(
                entity_id,
                label,
                name,
                f"{label}:{fold_spaced(name)}",
                member_ids,
                first=best.first,
                middle=best.middle,
                last=best.last,
            )
        for m in members:
            m.entity_id = entity_id
        entities.append(entity)
    return entities


class LinkEntities:
    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = (NAMES, DATES, NORMALS)
    assigns: ClassVar[tuple[str, ...]] = (ENTITIES,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.entities = build_entities(article)
        return articles
