"""Trigger words: which tokens of a parsed sentence start an event, and which tokens lend it
arguments.

Triggers are tokens whose lemma is in `models/events/triggers.tsv` (verbs and
event nouns). A light verb from `frames.tsv` (`провести`, `принять участие`,
`подписать`) governing an event noun yields one event whose type the noun
decides and whose arguments the verb lends (`Казахстан и ЕС провели раунд
переговоров` -> NEGOTIATION). A support verb (`встреча состоялась`,
`заседания, прошедшего 1 декабря в Брюсселе`) lends its dependents to the noun.
A noun directly under a trigger verb of the same type (`с официальным визитом
посетить`) is the same event and yields nothing of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from rusnews.model import LOC, ORG, PER
from rusnews.stages.events.lexicon import AGENT, EventLexicon, LightVerb, Trigger
from rusnews.stages.events.tree import VERBAL, Tree


@dataclass(slots=True)
class Frame:
    """One event's words: the trigger and the tokens that lend it their dependents."""

    trigger: int
    entry: Trigger
    tokens: list[int]
    verb: int | None  # the verb carrying tense and negation, if any
    light: int | None = None  # the light verb, if the event came through one
    subject_role: str = AGENT

    def top(self, tree: Tree) -> int:
        for i in self.tokens:
            if tree.head(i) not in self.tokens:
                return i
        return self.trigger


def _meets(tree: Tree, i: int, condition: str | None) -> bool:
    if condition is None:
        return True
    objects = tree.kids(i, "obj")
    if condition == "obj_anim":
        return any(
            tree.feat(o, "Animacy") == "Anim"
            or (tree.mention_at[o] is not None and tree.mention_at[o].label == PER)
            for o in objects
        )
    if condition.startswith("obj="):
        return any(tree.lemma(o) == condition[4:] for o in objects)
    raise ValueError(f"unknown trigger condition {condition!r} in models/events/triggers.tsv")


def _event_noun(tree: Tree, i: int, lex: EventLexicon) -> Trigger | None:
    entry = lex.triggers.get(tree.lemma(i))
    if entry is None or entry.pos != "NOUN" or tree.pos(i) not in ("NOUN", "PROPN"):
        return None
    m = tree.mention_at[i]
    return None if m is not None and m.label in (PER, ORG, LOC) else entry


def _subject_role(light: LightVerb, entry: Trigger, lex: EventLexicon) -> str:
    # 'принять участие' makes its subject a participant whatever the event; otherwise the
    # type decides.
    return light.subject_role if light.subject_role != AGENT else lex.subject_role(entry.event_type)


def light_frame(tree: Tree, v: int, lex: EventLexicon) -> Frame | None:
    """`провести переговоры`, `провести раунд переговоров`, `принять участие в саммите`."""
    for light in lex.light.get(tree.lemma(v), ()):
        for c in tree.kids(v, "obj", "obl"):
            if light.noun is not None and tree.lemma(c) != light.noun:
                continue
            if tree.rel(c) == "obl" and tree.preposition(c) not in lex.light_prepositions:
                continue  # 'объявили о начале переговоров' is a statement about them
            entry = _event_noun(tree, c, lex)
            if entry is not None:
                return Frame(c, entry, [v, c], v, v, _subject_role(light, entry, lex))
            # The event noun one level down: 'раунд переговоров', 'участие в саммите'.
            for n in tree.kids(c, "nmod"):
                entry = _event_noun(tree, n, lex)
                if entry is not None:
                    return Frame(n, entry, [v, c, n], v, v, _subject_role(light, entry, lex))
    return None


def noun_frame(tree: Tree, i: int, entry: Trigger, lex: EventLexicon) -> Frame:
    """An event noun, with the verb that says it happened (`встреча состоялась`), if any."""
    h = tree.head(i)
    role = lex.subject_role(entry.event_type)
    if h is not None and tree.rel(i) in ("nsubj", "nsubj:pass") and tree.lemma(h) in lex.support:
        return Frame(i, entry, [i, h], h, subject_role=role)
    for c in tree.kids(i, "acl"):
        if tree.lemma(c) in lex.support:
            return Frame(i, entry, [i, c], c, subject_role=role)
    return Frame(i, entry, [i], None, subject_role=role)


def find_frames(tree: Tree, lex: EventLexicon) -> list[Frame]:
    frames: list[Frame] = []
    used: set[int] = set()
    for v in range(len(tree)):
        if tree.pos(v) in VERBAL and tree.lemma(v) in lex.light:
            frame = light_frame(tree, v, lex)
            if frame is not None:
                frames.append(frame)
                used.update(frame.tokens)
    for i in range(len(tree)):
        entry = lex.triggers.get(tree.lemma(i))
        if entry is None or i in used or entry.pos != "VERB" or tree.pos(i) not in VERBAL:
            continue
        if _meets(tree, i, entry.condition):
            frames.append(Frame(i, entry, [i], i, subject_role=lex.subject_role(entry.event_type)))
            used.add(i)
    by_token = {f.trigger: f for f in frames}
    for i in range(len(tree)):
        entry = _event_noun(tree, i, lex)
        if entry is None or i in used:
            continue
        governor = by_token.get(tree.head(i))  # type: ignore[arg-type]
        if governor is not None and governor.entry.event_type == entry.event_type:
            continue  # 'с официальным визитом посетить': one visit, not two
        frames.append(noun_frame(tree, i, entry, lex))
    return sorted(frames, key=lambda f: f.trigger)
