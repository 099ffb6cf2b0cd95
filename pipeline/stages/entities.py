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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews.lexicon import read_lexicon, read_word_classes
from rusnews.model import DATE, PER, Article, Entity, Mention
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import DATES, ENTITIES, MENTIONS_FINAL, NAMES, NORMALS
from rusnews.text import fold_spaced, is_acronym

GAZETTEERS = MODELS_DIR / "gazetteers"
# `initials_skipped`: words an acronym skips when spelling a name's initials;
# `state_words`: `Республика Казахстан` names `Казахстан`.
WORD_CLASSES = ("initials_skipped", "state_words")


def _read_names(path: Path, key=str) -> dict[str, str]:
    return {key(short): full for short, full in read_lexicon(path, ("short", "full"))}


@dataclass(frozen=True, slots=True)
class EntityLexicon:
    acronyms: dict[str, str]  # acronym -> its full name
    short_names: dict[str, str]  # folded short name -> its full name
    initials_skipped: frozenset[str]
    state_words: frozenset[str]

    def initials(self, normal: str) -> str:
        words = [
            w
            for w in re.split(r"[\s\-]+", normal)
            if w and w.casefold() not in self.initials_skipped
        ]
        return "".join(w[0] for w in words).upper()

    def expand(self, acronym: str) -> str | None:
        return self.acronyms.get(acronym)

    def full_name(self, normal: str) -> str | None:
        """The full name a short name stands for (`Евросоюз` -> `Европейский союз`)."""
        return self.short_names.get(fold_spaced(normal))


def read_entity_lexicon(folder: Path = GAZETTEERS) -> EntityLexicon:
    classes = read_word_classes(folder / "word_classes.tsv", WORD_CLASSES)
    return EntityLexicon(
        _read_names(folder / "acronyms.tsv"),
        _read_names(folder / "short_names.tsv", fold_spaced),
        classes["initials_skipped"],
        classes["state_words"],
    )


@lru_cache(maxsize=1)
def entity_lexicon() -> EntityLexicon:
    """The lexicon in `models/`, read once per process."""
    return read_entity_lexicon()


def known_acronyms() -> dict[str, str]:
    return entity_lexicon().acronyms


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


def name_form(mention: Mention) -> str:
    """What a mention calls its entity: the name without its descriptor (`газета
    «Ведомости»` and `Ведомости` are one newspaper), else the normal form, else the text."""
    return mention.core or mention.normal or mention.text


def _group(label: str) -> str:
    return "PER" if label == PER else "NAME"


def _by_initials(
    mentions: list[Mention], idx: list[int], lex: EntityLexicon
) -> dict[str, list[int]]:
    """Initials of every name an unknown acronym may stand for (not persons, not acronyms)."""
    spelled: dict[str, list[int]] = {}
    for j in idx:
        other = mentions[j]
        if other.label != PER and not is_acronym(other.text):
            spelled.setdefault(lex.initials(name_form(other)), []).append(j)
    return spelled


def aliased(
    mention: Mention, position: dict[int, int], ends: dict[tuple[str, int], int]
) -> int | None:
    """Index of the mention `mention` names again, if any. A stage after repair may have
    grown or retyped that one (`ООН` to `организации ООН`) into a new mention: the
    longest of its kind ending where it ended is the same name."""
    named = mention.alias_of
    if named is None:
        return None
    found = position.get(id(named))
    return found if found is not None else ends.get((_group(mention.label), named.end))


def link_names(mentions: list[Mention], lexicon: EntityLexicon | None = None) -> _Clusters:
    """Union the PER/ORG/LOC mentions (indices into `mentions`) that name one thing."""
    lex = lexicon or entity_lexicon()
    clusters = _Clusters(len(mentions))
    by_form: dict[tuple[str, str], int] = {}
    surnames: dict[str, int] = {}
    idx = [i for i, m in enumerate(mentions) if m.label != DATE]
    # Names by their initials, built at the first unknown acronym: comparing
    # every acronym with every name cost the square of the article's length.
    spelled: dict[str, list[int]] | None = None
    position = {id(m): i for i, m in enumerate(mentions)}
    ends: dict[tuple[str, int], int] = {}
    for i in idx:
        ends.setdefault((_group(mentions[i].label), mentions[i].end), i)
    for i in idx:
        m = mentions[i]
        key = (_group(m.label), fold_spaced(name_form(m)))
        if key in by_form:
            clusters.union(by_form[key], i)
        else:
            by_form[key] = i
        if m.label == PER and m.last and (m.first or m.middle):
            surnames.setdefault(fold_spaced(m.last), i)
    for i in idx:
        m = mentions[i]
        form = fold_spaced(name_form(m))
        # `Джошуа Вольфа (Joshua Wolf)`, `... дел (МИД)`: repair split the name in
        # parentheses off the one it names again.
        named = aliased(m, position, ends)
        if named is not None and _group(mentions[named].label) == _group(m.label):
            clusters.union(named, i)
        if m.label == PER:
            if " " not in form and form in surnames:
                clusters.union(surnames[form], i)
            continue
        if is_acronym(m.text):
            full = lex.expand(m.text)
            if full:
                # A known acronym links to its expansion only: initials are
                # ambiguous (ЕС spells both Европейский союз and Европейский совет).
                if ("NAME", fold_spaced(full)) in by_form:
                    clusters.union(i, by_form[("NAME", fold_spaced(full))])
            else:
                if spelled is None:
                    spelled = _by_initials(mentions, idx, lex)
                names = spelled.get(m.text)
                if names:
                    for j in names:
                        clusters.union(i, j)
                    # One cluster now: a later acronym of these letters joins it through one.
                    spelled[m.text] = names[:1]
        full = lex.full_name(form)
        if full and ("NAME", fold_spaced(full)) in by_form:
            clusters.union(i, by_form[("NAME", fold_spaced(full))])
        words = form.split()
        if len(words) >= 2 and words[0] in lex.state_words:
            core = ("NAME", " ".join(words[1:]))
            if core in by_form:
                clusters.union(i, by_form[core])
    return clusters


def canonical(members: list[Mention], lexicon: EntityLexicon | None = None) -> tuple[str, Mention]:
    """The entity's name and the mention that gave it: the fullest, most frequent form."""
    lex = lexicon or entity_lexicon()
    non_acronyms = [m for m in members if not is_acronym(m.text)]
    pool = non_acronyms or members
    counts = Counter(fold_spaced(name_form(m)) for m in pool)

    def rank(m: Mention) -> tuple[int, int, int, int]:
        parts = sum(p is not None for p in (m.first, m.middle, m.last))
        normal = name_form(m)
        return (parts, len(normal.split()), counts[fold_spaced(normal)], -m.start)

    best = max(pool, key=rank)
    name = name_form(best)
    if not non_acronyms:
        name = lex.expand(best.text) or name
    return lex.full_name(name) or name, best


def build_entities(article: Article, lexicon: EntityLexicon | None = None) -> list[Entity]:
    mentions = article.mentions
    clusters = link_names(mentions, lexicon)
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
            name, best = canonical(members, lexicon)
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
    requires: ClassVar[tuple[str, ...]] = (NAMES, DATES, MENTIONS_FINAL, NORMALS)
    assigns: ClassVar[tuple[str, ...]] = (ENTITIES,)

    def __init__(self, lexicon: EntityLexicon | None = None) -> None:
        self.lexicon = lexicon or entity_lexicon()

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.entities = build_entities(article, self.lexicon)
        return articles
