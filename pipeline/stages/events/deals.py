"""The other parties of a deal: names the trigger's phrase holds beside the arguments the role
rules found.

A deal names its parties in more ways than an agent and a patient: `сделки по слиянию
компаний Oracle и Sun Microsystems`, `вложила в Zynga`, `выплатить «парижскому клубу»`,
`купила акции у сотрудников`. factRuEval's Deal facts list them all as participants,
so every organization, person or place inside the trigger's phrase is one, down to
where a new clause starts.
"""

from __future__ import annotations

from rusnews.model import LOC, ORG, PER, Argument, Article, Mention
from rusnews.stages.events.lexicon import PARTICIPANT
from rusnews.stages.events.occupations import to_argument
from rusnews.stages.events.tree import Tree

PARTIES = (PER, ORG, LOC)
# Relations that open a clause of its own: what lies below belongs to another event.
CLAUSES = ("acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "conj")
# How deep below the trigger a party may sit: 'покупке доли в отделении Bank of East Asia'.
DEPTH = 4


def _phrase(tree: Tree, trigger: int) -> list[int]:
    found, frontier = [], [trigger]
    for _ in range(DEPTH):
        frontier = [
            c for i in frontier for c in tree.kids(i) if tree.rel(c).split(":")[0] not in CLAUSES
        ]
        found.extend(frontier)
    return found


def _conjoined(tree: Tree, m: Mention) -> list[Mention]:
    head = tree.mention_head(m)
    kids = tree.kids(head, "conj") if head is not None else []
    return [x for c in kids if (x := tree.mention_at[c]) is not None and x.label in PARTIES]


def deal_parties(
    article: Article, tree: Tree, trigger: int, taken: list[Argument]
) -> list[Argument]:
    """Participants for a deal event beyond `taken`, its arguments so far."""
    seen = {(a.start, a.end) for a in taken}
    held = {a.entity_id for a in taken if a.entity_id is not None}
    parties: list[Argument] = []
    names = [tree.mention_at[i] for i in _phrase(tree, trigger)]
    names += [
        x
        for a in taken
        for m in tree.mentions
        if (m.start, m.end) == (a.start, a.end)
        for x in _conjoined(tree, m)
    ]
    for m in names:
        if m is None or m.label not in PARTIES or (m.start, m.end) in seen:
            continue
        if m.entity_id is not None and m.entity_id in held:
            continue
        seen.add((m.start, m.end))
        if m.entity_id is not None:
            held.add(m.entity_id)
        parties.append(to_argument(article, PARTICIPANT, m))
    return parties
