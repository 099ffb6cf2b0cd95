"""Ownership records: who owns, founded or controls what, read off the parse around a cue word.

The cue words and the pattern each follows are data (`models/events/ownership.tsv`);
the patterns are the small rules below, one per way Russian news says it:
`holder` (`основатель MySQL Майкл Видениус`), `owned_by` (`DST, принадлежащая Юрию
Мильнеру`), `owns` (`он основал партию`), `share` (`доля DST в Facebook`) and
`held_in` (`в собственности МНКТ находится ООО «ТНГК»`).
What is owned is an organization; the owner a person, an organization or a
place acting as one (`правительство Китая`, `Украина и Турция создали совет`).
Like an occupation, ownership is a state, not an event: the records go to
`Article.ownerships` and the `ownerships` table, so event counts stay counts of events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from rusnews.lexicon import LexiconError, location, numbered_rows
from rusnews.model import LOC, ORG, PER, Article, Mention, Ownership
from rusnews.stages.base import ENTITIES, OWNERSHIPS, SYNTAX
from rusnews.stages.events.lexicon import EVENTS_DIR
from rusnews.stages.events.occupations import to_argument
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.text import fold

OWNERS = (PER, ORG, LOC)
PROPERTIES = (ORG,)
# How a common noun reaches the name it stands for: 'группы Talk Talk', 'компанией «Алтек»'.
NAMING = ("appos", "flat", "nmod", "nsubj")
RELATIVE = "который"


@lru_cache(maxsize=1)
def ownership_cues(path: Path = EVENTS_DIR / "ownership.tsv") -> dict[str, str]:
    """Cue lemma (ё-folded) -> its pattern."""
    cues = {}
    for number, (lemma, pattern, _notes) in numbered_rows(
        path, ("lemma", "pattern", "notes"), optional=1
    ):
        if pattern not in PATTERNS:
            raise LexiconError(
                f"{location(path, number)}: unknown pattern {pattern!r} "
                f"(one of {', '.join(PATTERNS)})"
            )
        cues[fold(lemma)] = pattern
    return cues


def name_at(tree: Tree, i: int | None, labels: tuple[str, ...]) -> Mention | None:
    """The name token i is part of, or the one a common noun there stands for."""
    if i is None:
        return None
    m = tree.mention_at[i]
    if m is not None:
        return m if m.label in labels else None
    # The nearest first: a misparse may hang a far name on the noun too.
    for c in sorted(tree.kids(i, *NAMING), key=lambda c: abs(c - i)):
        m = tree.mention_at[c]
        if m is not None and m.label in labels and tree.preposition(c) is None:
            return m
    return None


def _dependent(
    tree: Tree, i: int, labels: tuple[str, ...], case: str | None, prep: str | None = None
) -> Mention | None:
    """A name under token i in `case` (any when None) behind `prep` (none when None).

    A foreign name has no case (`основатель MySQL`), so it fits any.
    """
    for c in tree.kids(i):
        if tree.preposition(c) != prep or case not in (None, tree.feat(c, "Case") or case):
            continue
        m = name_at(tree, c, labels)
        if m is not None:
            return m
    return None


def _subject(tree: Tree, i: int, labels: tuple[str, ...]) -> Mention | None:
    """The subject's name; for `который` that of the noun the clause describes: `с диджеем
    Лиамом Хоулеттом, который стал основателем группы`."""
    for c in tree.kids(i, "nsubj"):
        relative = tree.lemma(c) == RELATIVE and tree.rel(i).startswith("acl")
        m = name_at(tree, tree.head(i) if relative else c, labels)
        if m is not None:
            return m
    return None


def _holder_of(tree: Tree, cue: int) -> Mention | None:
    """Who the owner noun names: its apposition either way, or the subject of the copula."""
    for c in tree.kids(cue, "appos", "flat", "nsubj"):
        m = name_at(tree, c, OWNERS)
        if m is not None:
            return m
    h = tree.head(cue)
    # Not through a conjunct: 'окончил институт, основатель стартапа' is a misparse as often.
    if h is not None and tree.rel(cue) in ("appos", "nmod"):
        m = name_at(tree, h, OWNERS)
        if m is not None:
            return m
    if h is not None and tree.rel(cue) in ("obl", "xcomp"):
        return _subject(tree, h, OWNERS)  # 'является владельцем', 'стал основателем'
    return None


Found = tuple[Mention, Mention]


def holder(tree: Tree, cue: int) -> Found | None:
    owned = _dependent(tree, cue, PROPERTIES, "Gen")
    if owned is None:
        for c in tree.kids(cue, "nmod"):  # 'один из создателей театра': through the numeral
            owned = owned or _dependent(tree, c, PROPERTIES, "Gen")
    owner = _holder_of(tree, cue)
    # 'один из создателей' under the person; not 'адвокат основателя WikiLeaks Марк Стивенс'.
    if owner is None and tree.rel(cue) == "nmod" and tree.preposition(cue) == "из":
        h = tree.head(cue)
        owner = _holder_of(tree, h) if h is not None else None
    return (owner, owned) if owner is not None and owned is not None else None


def _left_name(tree: Tree, cue: int, labels: tuple[str, ...]) -> Mention | None:
    """The name just before a participle set off by a comma: `DST, принадлежащая ...`; the
    parser often hangs the participle on a later noun."""
    i = cue - 1
    if i < 1 or tree.pos(i) != "PUNCT":
        return None
    m = tree.mention_at[i - 1]
    return m if m is not None and m.label in labels else None


def owned_by(tree: Tree, cue: int) -> Found | None:
    owner = _dependent(tree, cue, OWNERS, "Dat")
    if tree.pos(cue) == "VERB" and tree.rel(cue) not in ("amod", "acl"):
        owned = _subject(tree, cue, PROPERTIES)
    else:
        owned = _left_name(tree, cue, PROPERTIES) or name_at(tree, tree.head(cue), PROPERTIES)
    return (owner, owned) if owner is not None and owned is not None else None


def owns(tree: Tree, cue: int) -> Found | None:
    owner = _subject(tree, cue, OWNERS)
    owned = _dependent(tree, cue, PROPERTIES, None)
    return (owner, owned) if owner is not None and owned is not None else None


def share(tree: Tree, cue: int) -> Found | None:
    owned = _dependent(tree, cue, PROPERTIES, None, "в")
    owner = _dependent(tree, cue, OWNERS, "Gen")
    h = tree.head(cue)
    if owned is None and h is not None:  # 'приобрести долю в Facebook': under the verb
        owned = _dependent(tree, h, PROPERTIES, None, "в")
    if owner is None and h is not None:
        owner = _subject(tree, h, OWNERS)  # 'DST приобрела долю в Facebook'
    return (owner, owned) if owner is not None and owned is not None else None


def held_in(tree: Tree, cue: int) -> Found | None:
    """`в собственности МНКТ находится ООО «ТНГК»`, `под контролем X оказался Y`."""
    owner = _dependent(tree, cue, OWNERS, "Gen")
    h = tree.head(cue)
    owned = _subject(tree, h, PROPERTIES) if h is not None else None
    return (owner, owned) if owner is not None and owned is not None else None


PATTERNS: dict[str, Callable[[Tree, int], Found | None]] = {
    "holder": holder,
    "owned_by": owned_by,
    "owns": owns,
    "share": share,
    "held_in": held_in,
}


def same_entity(a: Mention, b: Mention) -> bool:
    return a.entity_id is not None and a.entity_id == b.entity_id


def conjoined(tree: Tree, m: Mention) -> list[Mention]:
    """The name and those joined to it: `Юрию Мильнеру, Григорию Фингеру и Алишеру Усманову`."""
    found = [m]
    head = tree.mention_head(m)
    for c in tree.kids(head, "conj") if head is not None else []:
        other = tree.mention_at[c]
        if other is not None and other.label == m.label and other not in found:
            found.append(other)
    return found


def find_ownerships(tree: Tree, cues: dict[str, str]) -> list[tuple[int, str, Found]]:
    """(cue token, pattern, (owner, property)) for each cue whose pattern found both, one for
    each of several owners or properties."""
    found = []
    for i in range(len(tree)):
        pattern = cues.get(fold(tree.lemma(i)))
        hit = PATTERNS[pattern](tree, i) if pattern is not None else None
        if hit is None:
            continue
        found.extend(
            (i, pattern, (owner, owned))
            for owner in conjoined(tree, hit[0])
            for owned in conjoined(tree, hit[1])
            if owner is not owned and not same_entity(owner, owned)
        )
    return found


def extract_ownerships(article: Article, cues: dict[str, str] | None = None) -> list[Ownership]:
    """The article's ownership records in text order, one per (owner, property, sentence)."""
    cues = ownership_cues() if cues is None else cues
    records: list[Ownership] = []
    seen: set[tuple[object, object, int]] = set()
    for idx, (sentence, mentions) in enumerate(zip(article.sentences, sentence_mentions(article))):
        if not Tree.parsed(sentence):
            continue
        tree = Tree(sentence, idx, mentions)
        for cue, _, (owner, owned) in find_ownerships(tree, cues):
            key = (owner.entity_id or owner.start, owned.entity_id or owned.start, idx)
            if key in seen:
                continue
            seen.add(key)
            tok = tree.tokens[cue]
            records.append(
                Ownership(
                    len(records),
                    idx,
                    tok.start,
                    tok.end,
                    tree.lemma(cue),
                    to_argument(article, "owner", owner),
                    to_argument(article, "property", owned),
                )
            )
    return records


@dataclass(slots=True)
class ExtractOwnership:
    name: ClassVar[str] = "ownership"
    requires: ClassVar[tuple[str, ...]] = (SYNTAX, ENTITIES)
    assigns: ClassVar[tuple[str, ...]] = (OWNERSHIPS,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        cues = ownership_cues()
        for article in articles:
            article.ownerships = extract_ownerships(article, cues)
        return articles
