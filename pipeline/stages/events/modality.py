"""What an event's verb says of it: asserted, planned or possible, and whether it is negated.

- `possible` when a word listed as possible in `modality.tsv` governs the trigger through
  `xcomp` (`может возглавить`, `могут быть подписаны`) or hangs on the trigger or on a verb
  above it as a parenthetical or adverb (`возможно`, `вероятно`); it wins over planned,
  since `может посетить` promises less than `посетит`.
- `planned` when the trigger is in the future tense, is governed through `xcomp` by a word
  listed as planned (`планирует посетить`, `договорились провести`), or is a noun that is
  the object of one (`анонсировал визит`) or modified by one (`предстоящий визит`).
- `negated` when `не` attaches to the trigger or to a verb governing it, or the governing word
  negates (`отказался подписать`).
"""

from __future__ import annotations

from rusnews.stages.events.lexicon import ASSERTED, NEGATED, PLANNED, EventLexicon
from rusnews.stages.events.tree import VERBAL, Tree
from rusnews.stages.events.triggers import Frame

POSSIBLE = "possible"
MODALITIES = (ASSERTED, PLANNED, POSSIBLE)
# Where a hedge such as 'возможно' hangs on the verb it qualifies.
HEDGE_RELS = ("advmod", "parataxis", "discourse")


def _negates(tree: Tree, i: int) -> bool:
    return any(tree.lemma(c) in ("не", "ни") for c in tree.kids(i))


def _future(tree: Tree, i: int) -> bool:
    if tree.feat(i, "Tense") == "Fut":
        return True
    return any(
        tree.lemma(c) == "быть" and tree.feat(c, "Tense") == "Fut"
        for c in tree.kids(i, "aux", "aux:pass")
    )


def _hedged(tree: Tree, i: int, lex: EventLexicon) -> bool:
    return any(lex.modality.get(tree.lemma(c)) == POSSIBLE for c in tree.kids(i, *HEDGE_RELS))


def modality_of(tree: Tree, frame: Frame, lex: EventLexicon) -> tuple[str, bool]:
    planned = any(_future(tree, i) for i in frame.tokens if tree.pos(i) in VERBAL)
    negated = any(_negates(tree, i) for i in frame.tokens)
    possible = any(_hedged(tree, i, lex) for i in frame.tokens)
    for i in frame.tokens:
        if i != frame.trigger and lex.modality.get(tree.lemma(i)) == PLANNED:
            planned = True  # 'визит ожидается'
    if any(lex.modality.get(tree.lemma(a)) == PLANNED for a in tree.kids(frame.trigger, "amod")):
        planned = True  # 'предстоящий визит'
    h = tree.head(frame.trigger)
    if frame.verb is None and h is not None and tree.rel(frame.trigger) == "obj":
        planned = planned or lex.modality.get(tree.lemma(h)) == PLANNED  # 'анонсировал визит'
    x = frame.top(tree)
    seen = {x}
    # slovnet's heads can form a cycle: the walk stops at a token it has seen.
    while (
        tree.rel(x) in ("xcomp", "conj") and tree.head(x) is not None and tree.head(x) not in seen
    ):
        seen.add(tree.head(x))  # type: ignore[arg-type]
        via_xcomp = tree.rel(x) == "xcomp"
        x = tree.head(x)  # type: ignore[assignment]
        effect = lex.modality.get(tree.lemma(x))
        if via_xcomp:
            planned = planned or effect == PLANNED or _future(tree, x)
            possible = possible or effect == POSSIBLE
            negated = negated or effect == NEGATED or _negates(tree, x)
        possible = possible or _hedged(tree, x, lex)
    if possible:
        return POSSIBLE, negated
    return (PLANNED if planned else ASSERTED), negated
