"""The other parties of a deal: names the trigger's phrase holds beside the arguments the role
rules found.

A deal names its parties in more ways than an agent and a patient: `сделки по слиянию
компаний Oracle и Sun Microsystems`, `вложила в Zynga`, `выплатить «парижскому клубу»`,
`ЕС наложил на «Майкрософт» штраф`. factRuEval's Deal facts list them all as
participants, so every organization, person or place inside the phrase of the trigger,
of the light verb it came with and of the verb of its clause is one, down to where a new
clause starts; a place named by an adjective (`немецкий концерн`) is none.
On factru-dev the verb of the clause took deal triples from .490 to .590 F1 (P .658 -> .621).
"""

from __future__ import annotations

from rusnews.model import LOC, ORG, PER, Mention
from rusnews.stages.events.lexicon import PARTICIPANT
from rusnews.stages.events.roles import Found
from rusnews.stages.events.tree import Tree
from rusnews.stages.events.triggers import Frame
from rusnews.text import fold

PARTIES = (PER, ORG, LOC)
# Relations that open a clause of its own: what lies below belongs to another event.
CLAUSES = ("acl", "advcl", "ccomp", "csubj", "parataxis", "xcomp", "conj")
# How deep below the trigger a party may sit: 'покупке доли в отделении Bank of East Asia'.
DEPTH = 4
RULE = "deal_phrase"
ACTED_ON = ("obj", "nsubj:pass")


def deal_type_of(tree: Tree, frame: Frame, deal_types: dict[str, str]) -> str | None:
    """The deal kind of the trigger, or of what a verb trigger acts on: signing a contract
    (`контракт был подписан с Топаловым`) is an agreement and a deal."""
    found = deal_types.get(frame.entry.lemma)
    if found is not None or tree.pos(frame.trigger) != "VERB":
        return found
    for c in tree.kids(frame.trigger, *ACTED_ON):
        found = found or deal_types.get(fold(tree.lemma(c)))
    return found


def _inside(tree: Tree, c: int) -> bool:
    """Whether a dependent stays in the deal's phrase: not a clause of its own, save a
    participle describing it (`наложенного Вашингтоном эмбарго`)."""
    return (
        tree.rel(c).split(":")[0] not in CLAUSES
        or tree.rel(c) == "acl"
        and tree.feat(c, "VerbForm") == "Part"
    )


def _roots(tree: Tree, frame: Frame, triggers: set[int]) -> list[int]:
    """The trigger's words, the verb of its clause (`Hewlett-Packard объявила о покупке 3Com`:
    who announces a purchase makes it), and the noun it completes (in `о выделении
    Интерполу гранта` the grant's recipient hangs on `выделении`)."""
    roots = list(frame.tokens)
    for a in tree.ancestors(frame.top(tree)):
        if tree.pos(a) == "VERB":
            # A trigger verb acting on the deal is that deal's own event (`контракт был
            # подписан`, see deal_type_of); one the deal is only about is not
            # (`объявила о покупке`).
            if a not in triggers or tree.rel(frame.top(tree)) not in ACTED_ON:
                roots.append(a)
            break
    h = tree.head(frame.trigger)
    if tree.pos(frame.trigger) == "NOUN" and tree.rel(frame.trigger) == "nmod" and h is not None:
        if tree.pos(h) == "NOUN" and tree.mention_at[h] is None:
            roots.append(h)
    return roots


def _phrase(tree: Tree, roots: list[int]) -> list[int]:
    found, frontier = [], list(roots)
    for _ in range(DEPTH):
        frontier = [
            c for i in frontier for c in tree.kids(i) if _inside(tree, c) and c not in roots
        ]
        found.extend(frontier)
    return found


def _conjoined(tree: Tree, m: Mention) -> list[Mention]:
    head = tree.mention_head(m)
    kids = tree.kids(head, "conj") if head is not None else []
    return [x for c in kids if (x := tree.mention_at[c]) is not None]


def _adjectival(tree: Tree, m: Mention) -> bool:
    """`немецкий концерн`, `Лондонский «Арсенал»`: a place that says where a party is from."""
    head = tree.mention_head(m)
    return head is not None and tree.pos(head) == "ADJ"


def deal_parties(tree: Tree, frame: Frame, found: list[Found], triggers: set[int]) -> list[Found]:
    """Participants of a deal beyond `found`, the arguments the role rules gave it;
    `triggers` are the sentence's trigger tokens."""
    taken = {id(x.mention) for x in found}
    held = {x.mention.entity_id for x in found if x.mention.entity_id is not None}
    names = [tree.mention_at[i] for i in sorted(_phrase(tree, _roots(tree, frame, triggers)))]
    names += [m for x in found for m in _conjoined(tree, x.mention)]
    parties: list[Found] = []
    for m in names:
        if m is None or m.label not in PARTIES or id(m) in taken or _adjectival(tree, m):
            continue
        if m.entity_id is not None and m.entity_id in held:
            continue
        taken.add(id(m))
        if m.entity_id is not None:
            held.add(m.entity_id)
        parties.append(Found(PARTICIPANT, m, RULE))
    return parties
