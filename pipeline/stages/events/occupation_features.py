"""Features of the learned occupation components: named strings for a position candidate and for
a (position, name) pair, read off the morphology, the position lexicon, the rules and the parse.

Shared by the training code (`rusnews.train.occupations`) and the run time
(`rusnews.stages.events.occupation_classifier`), so both hash the same strings.
The rules' own answers (`holder`, the workplace of `position_phrase`) are
features too: where the rules are right the classifier learns to trust them, and
where they say nothing the parse and the words decide.
"""

from __future__ import annotations

from rusnews.model import LOC, ORG, PER, Mention
from rusnews.stages.events.features import _between, _path, token_features
from rusnews.stages.events.lexicon import EventLexicon
from rusnews.stages.events.occupations import holder, position_lemma, position_phrase
from rusnews.stages.events.tree import Tree

# Heads of NEREL PROFESSION spans are nouns; the tagger calls a capitalized `Президент` PROPN.
POSITION_POS = frozenset({"NOUN", "PROPN"})
NAME_LABELS = (PER, ORG, LOC)
MAX_PATH = 4
DASHES = frozenset({"—", "–", "-"})


def is_candidate(tree: Tree, i: int) -> bool:
    """A token that can head a position: a noun outside every PER/ORG/LOC name ('Администрации
    Президента' is an organization's name, not a post)."""
    if tree.pos(i) not in POSITION_POS:
        return False
    m = tree.mention_at[i]
    return m is None or m.label not in NAME_LABELS


def position_features(tree: Tree, i: int, lex: EventLexicon) -> list[str]:
    """What a candidate token says about being a position's head."""
    lemma = position_lemma(tree, i, lex)
    out = [f"lemma={lemma}", f"suffix3={lemma[-3:]}", f"suffix4={lemma[-4:]}"]
    kind = lex.positions.get(lemma)
    if kind is not None:
        out += ["listed", f"listed={kind}"]
    if tree.lemma(i) != lemma:
        out.append("ex_prefix")
    if lemma in lex.posts:
        out.append("post_word")
    if lemma in lex.triggers:
        out.append("trigger_word")
    out += token_features(tree.tokens, i, None)
    out.append(f"rel={tree.rel(i)}")
    h = tree.head(i)
    if h is not None:
        out.append(f"head_lemma={tree.lemma(h)}")
        if tree.lemma(h) in lex.holds:
            out.append("under_holds_verb")
    labels = {tree.mention_at[k].label for k in tree.kids(i) if tree.mention_at[k] is not None}
    out += [f"governs={label}" for label in sorted(labels)]
    return out


def _bucket(gap: int) -> str:
    return str(gap) if gap <= 3 else "4-6" if gap <= 6 else "7-12" if gap <= 12 else "far"


def _names_between(tree: Tree, lo: int, hi: int, label: str, own: Mention) -> int:
    seen = {
        id(m)
        for k in range(lo + 1, hi)
        if (m := tree.mention_at[k]) is not None and m.label == label and m is not own
    }
    return len(seen)


def pair_features(
    tree: Tree,
    p: int,
    m: Mention,
    h: int,
    lex: EventLexicon,
    rule_person: Mention | None,
    rule_workplace: Mention | None,
) -> list[str]:
    """A position headed by token p and a PER/ORG/LOC mention m whose head token is h; the rules'
    holder and workplace for p are given once per position."""
    label = m.label
    lemma = position_lemma(tree, p, lex)
    side = "before" if h < p else "after"
    lo, hi = sorted((p, h))
    gap = _bucket(hi - lo)
    prep = tree.preposition(h) or "-"
    case_h, case_p = tree.feat(h, "Case") or "-", tree.feat(p, "Case") or "-"
    out = [
        f"label={label}",
        f"side={side}|{label}",
        f"distance={gap}|{label}",
        f"side_distance={side}|{gap}|{label}",
        f"prep={prep}|{label}",
        f"case={case_h}|{label}",
        f"case_pair={case_p}|{case_h}|{label}",
        f"same_case={case_p == case_h}|{label}",
        f"mention_rel={tree.rel(h)}|{label}",
        f"position_rel={tree.rel(p)}|{label}",
        f"position={lemma}|{label}",
        f"listed={lex.positions.get(lemma, '-')}|{label}",
    ]
    if m is rule_person:
        out.append("rule_holder")
    if m is rule_workplace:
        out.append("rule_workplace")
    between = _names_between(tree, lo, hi, label, m)
    out.append(f"same_label_between={min(between, 2)}|{label}")
    if label != PER and _names_between(tree, lo, hi, PER, m):
        out.append(f"person_between|{side}|{label}")
    if any(tree.tokens[k].text in DASHES for k in range(lo + 1, hi)):
        out.append(f"dash_between|{side}|{label}")
    others = sum(
        1
        for k in range(lo + 1, hi)
        if position_lemma(tree, k, lex) in lex.positions and is_candidate(tree, k)
    )
    out.append(f"positions_between={min(others, 2)}|{label}")
    out += [f"{f}|{label}" for f in _between(tree, lo, hi, set())]
    path = _path(tree, h, p)
    if path is None:
        out.append("path=none")
        return out
    rise, fall = path
    steps = len(rise) + len(fall)
    out.append(f"path_length={min(steps, MAX_PATH + 1)}|{label}")
    if steps <= MAX_PATH:
        text = "^".join(rise) + "|" + "v".join(fall)
        out += [f"path={text}|{label}", f"path_prep={text}|{prep}|{label}"]
        out.append(f"path_side={text}|{side}|{label}")
    if not fall:
        out.append(f"position_governs|{len(rise)}|{label}")
    if not rise:
        out.append(f"mention_governs|{len(fall)}|{label}")
    return out


def rule_view(tree: Tree, p: int, lex: EventLexicon) -> tuple[Mention | None, Mention | None]:
    """What the rules say of the position at p: its holder and its workplace."""
    _, workplace = position_phrase(tree, p, lex)
    return holder(tree, p, lex), workplace
