"""Event arguments: the named things under a trigger, and the role each one plays.

Arguments come from the dependents of the trigger (and of its light or support
verb), each resolved to mentions: the mention over the dependent; for a common
noun, the names in apposition to it (`президент ... Антониу Кошта`); for a
position, relay or group noun from `frames.tsv`/`positions.tsv`, the name under
it (`глава МИД`, `под председательством X`, `делегация ООН`). Coordinated
dependents (`conj`) share the role. Roles come from `ROLE_RULES`, an ordered list
of small named rules where the first with an opinion wins; prepositions are data
(`argument_prepositions.tsv`). A trigger in `xcomp` or `conj` without a subject takes the
subject of the verb above it (`планирует посетить президент`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rusnews.model import DATE, LOC, ORG, Mention
from rusnews.stages.base import first_opinion
from rusnews.stages.events.lexicon import (
    AGENT,
    LOCATION,
    PARTICIPANT,
    STATEMENT,
    TIME,
    TOPIC,
    VISIT,
    EventLexicon,
)
from rusnews.stages.events.tree import NOMINAL, Tree
from rusnews.stages.events.triggers import Frame

# Dependents that can carry an argument; clauses (ccomp, advcl, xcomp...) carry their own events.
ARGUMENT_RELS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod")
CLAUSE_RELS = ("ccomp", "xcomp", "advcl", "acl", "acl:relcl", "parataxis", "conj", "csubj")
ROLE_RANK = {AGENT: 0, PARTICIPANT: 1, LOCATION: 2, TOPIC: 3, TIME: 4}


@dataclass(slots=True)
class Found:
    role: str
    mention: Mention
    rule: str


def referents(tree: Tree, c: int, lex: EventLexicon) -> list[Mention]:
    """The named things a dependent stands for."""
    m = tree.mention_at[c]
    if m is not None:
        return [m]
    if tree.pos(c) not in NOMINAL and tree.lemma(c) not in lex.positions:
        return []
    named = [
        m for a in tree.kids(c, "appos", "flat") for m in referents(tree, a, lex) if m.label != DATE
    ]
    if named:
        return named
    if tree.lemma(c) in lex.positions or tree.lemma(c) in lex.relay or tree.lemma(c) in lex.groups:
        return [
            m
            for n in tree.kids(c, "nmod")
            if tree.preposition(n) is None
            for m in referents(tree, n, lex)
            if m.label != DATE
        ]
    return []


def conjuncts(tree: Tree, c: int) -> list[int]:
    out, todo = [], [c]
    while todo:
        x = todo.pop()
        out.append(x)
        todo.extend(k for k in tree.kids(x, "conj") if k not in out)
    return sorted(out)


RoleRule = Callable[[Tree, Frame, int, int, Mention, EventLexicon], str | None]


def rule_time(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    return TIME if m.label == DATE else None


def rule_subject(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    rel = tree.rel(c)
    if rel == "nsubj":
        return frame.subject_role
    if rel == "nsubj:pass":
        return PARTICIPANT  # 'Бакаев был назначен': the one it happened to
    return AGENT if rel == "obl:agent" else None


def rule_statement_source(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    # 'заявили в МИД Казахстана': the ministry speaks, it is not a place.
    if (
        frame.entry.event_type == STATEMENT
        and m.label == ORG
        and tree.preposition(c) in lex.speaker_prepositions
    ):
        return AGENT
    return None


def rule_destination(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    if frame.entry.event_type == VISIT and m.label == LOC and tree.rel(c) == "obj":
        return LOCATION  # 'посетить Астану'
    return None


def rule_object(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    return PARTICIPANT if tree.rel(c) in ("obj", "iobj") else None


def rule_preposition(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    prep = tree.preposition(c)
    if prep is None or prep not in lex.prepositions:
        return None
    role, labels = lex.prepositions[prep]
    return role if labels is None or m.label in labels else None


def rule_relay(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    return PARTICIPANT if tree.lemma(c) in lex.relay else None  # 'под председательством X'


def rule_genitive(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> str | None:
    if f == frame.trigger and tree.rel(c) == "nmod" and tree.preposition(c) is None:
        return frame.entry.gen_role  # 'визит Путина' -> agent; 'убийство Немцова' -> participant
    return None


ROLE_RULES: list[tuple[str, RoleRule]] = [
    ("time", rule_time),
    ("subject", rule_subject),
    ("statement_source", rule_statement_source),
    ("destination", rule_destination),
    ("object", rule_object),
    ("preposition", rule_preposition),
    ("relay", rule_relay),
    ("genitive", rule_genitive),
]


def role_of(
    tree: Tree, frame: Frame, f: int, c: int, m: Mention, lex: EventLexicon
) -> tuple[str, str] | None:
    decided = first_opinion(ROLE_RULES, tree, frame, f, c, m, lex)
    return None if decided is None else (decided[1], decided[0])


def collect_arguments(tree: Tree, frame: Frame, lex: EventLexicon) -> list[Found]:
    found: list[Found] = []
    for f in frame.tokens:
        for c in tree.kids(f):
            if c in frame.tokens:
                continue
            if tree.rel(c) not in ARGUMENT_RELS:
                # Only a date outside the argument relations:
                # 'сегодня, 3 декабря, заявили' (advmod).
                m = tree.mention_at[c]
                if m is not None and m.label == DATE and tree.rel(c) not in CLAUSE_RELS:
                    found.append(Found(TIME, m, "time"))
                continue
            for x in conjuncts(tree, c):
                for m in referents(tree, x, lex):
                    # A conjunct takes the role of the first dependent ('Казахстан и ЕС').
                    decided = role_of(tree, frame, f, c, m, lex)
                    if decided is not None:
                        found.append(Found(decided[0], m, decided[1]))
    if not any(x.role == LOCATION for x in found):
        found.extend(nested_location(tree, frame, lex))
    return found + inherited_subject(tree, frame, lex)


def nested_location(tree: Tree, frame: Frame, lex: EventLexicon) -> list[Found]:
    """`посетил завод в Москве`: the place under an unnamed object or oblique noun."""
    for f in frame.tokens:
        for c in tree.kids(f, "obj", "obl"):
            if c in frame.tokens or tree.mention_at[c] is not None:
                continue
            for n in tree.kids(c, "nmod"):
                m = tree.mention_at[n]
                if (
                    m is not None
                    and m.label == LOC
                    and tree.preposition(n) in lex.place_prepositions
                ):
                    return [Found(LOCATION, m, "nested_location")]
    return []


def inherited_subject(tree: Tree, frame: Frame, lex: EventLexicon) -> list[Found]:
    """`планирует посетить президент`, `прибыл и встретился`: the subject of the verb above."""
    x = frame.top(tree)
    if any(tree.rel(c) in ("nsubj", "nsubj:pass") for f in frame.tokens for c in tree.kids(f)):
        return []
    seen = {x}
    # slovnet's heads can form a cycle: the walk stops at a token it has seen.
    while (
        tree.rel(x) in ("xcomp", "conj") and tree.head(x) is not None and tree.head(x) not in seen
    ):
        x = tree.head(x)  # type: ignore[assignment]
        seen.add(x)
        subjects = tree.kids(x, "nsubj")
        if subjects:
            return [
                Found(frame.subject_role, m, "inherited_subject")
                for s in subjects
                for y in conjuncts(tree, s)
                for m in referents(tree, y, lex)
            ]
    return []


# Clauses that carry their own events, and so their own dates: the walk up from a trigger
# stops at them. xcomp and conj share the date of the verb above ('4 декабря планирует
# посетить', '1 декабря прибыл и встретился').
OWN_CLAUSE_RELS = ("ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj")
# 'после встречи', 'до визита': the verb's date is when something else happened.
TEMPORAL_PREPOSITIONS = ("после", "до", "перед", "накануне", "в преддверие", "по итог")


def governing_date(tree: Tree, frame: Frame) -> Mention | None:
    """The nearest date on a word above the trigger in its own clause
    (`4 декабря ... планирует посетить`)."""
    x = frame.top(tree)
    if tree.preposition(x) in TEMPORAL_PREPOSITIONS:
        return None
    for a in tree.ancestors(x):
        if tree.rel(x) in OWN_CLAUSE_RELS:
            return None
        for c in tree.kids(a):
            m = tree.mention_at[c]
            if m is not None and m.label == DATE and m.normal:
                return m
        x = a
    return None
