"""Features of the learned event components: named strings for a token or a (trigger, mention)
pair, read off the morphology, the lexicons and the parse.

A feature is a string (`lemma=визит`, `path=nsubj^`); the linear models in
`rusnews.stages.events.learned` hash them into weight rows, so the training code
and the run time share these functions and nothing else has to agree.

Trigger features use only what exists before the syntax stage (lemma, part of
speech, morphology, the lexicon, neighbours): the syntax stage parses just the
sentences that can hold a record, and the detector is what tells it which.
"""

from __future__ import annotations

from dataclasses import dataclass

from rusnews.model import Token
from rusnews.stages.events.lexicon import AGENT, EventLexicon
from rusnews.stages.events.tree import Tree
from rusnews.text import fold

# Tokens of these parts of speech can be triggers; NEREL's EVENT heads are verbs, nouns,
# participles and the odd acronym (`ЧМ`).
CANDIDATE_POS = frozenset({"NOUN", "VERB", "PROPN", "ADJ", "AUX"})
MORPH_FEATS = ("Aspect", "Voice", "Tense", "VerbForm", "Animacy", "Case", "Number", "Mood")
PAIR_FEATS = ("Case", "Voice", "VerbForm")
# Words that open a clause of their own: a mention beyond one belongs to another predicate.
CLAUSE_OPENERS = frozenset({"что", "который", "чтобы", "где", "когда", "если", "потому", "как"})
MAX_PATH = 4


def lemma_of(tok: Token) -> str:
    return fold((tok.lemma or tok.text).casefold())


def lemma_features(lemma: str, lex: EventLexicon) -> list[str]:
    """What the word alone says; cached per lemma at run time."""
    entry = lex.triggers.get(lemma)
    out = [f"lemma={lemma}", f"suffix3={lemma[-3:]}", f"suffix4={lemma[-4:]}"]
    if entry is not None:
        out += [f"lexicon={entry.pos}", f"lexicon_type={entry.event_type}"]
    if lemma in lex.light:
        out.append("light_verb")
    if lemma in lex.support:
        out.append("support_verb")
    if lemma in lex.positions:
        out.append("position")
    return out


NEIGHBOURS = ((-1, "prev"), (1, "next"), (-2, "prev2"))


def own_features(tok: Token, first: bool, in_name: str | None) -> list[str]:
    """What the token says of itself: part of speech, morphology, case of its letters, the
    label of the name it lies in (`in_name`), if any."""
    pos = tok.pos or ""
    out = [f"pos={pos}", f"lemma_pos={lemma_of(tok)}|{pos}"]
    out += [f"{name}={tok.feats[name]}" for name in MORPH_FEATS if name in tok.feats]
    if "VerbForm" in tok.feats:
        out.append(f"pos_form={pos}|{tok.feats['VerbForm']}")
    if tok.text[:1].isupper():
        out.append("capital_first" if first else "capital")
    if tok.text.isupper() and len(tok.text) > 1:
        out.append("acronym")
    if in_name is not None:
        out.append(f"in_name={in_name}")
    return out


def neighbour_features(side: str, tok: Token | None) -> list[str]:
    """What a neighbour on `side` says (None: the sentence ends there)."""
    if tok is None:
        return [f"{side}=edge"]
    return [f"{side}_lemma={lemma_of(tok)}", f"{side}_pos={tok.pos or ''}"]


def token_features(tokens: list[Token], i: int, in_name: str | None) -> list[str]:
    """What the token says in its place: itself and its neighbours. The detector adds up the
    two parts' weights apart, each cached (`learned.TriggerDetector`)."""
    out = own_features(tokens[i], i == 0, in_name)
    for offset, side in NEIGHBOURS:
        j = i + offset
        out += neighbour_features(side, tokens[j] if 0 <= j < len(tokens) else None)
    return out


# ---------------------------------------------------------------- pairs


def _path(tree: Tree, a: int, b: int) -> tuple[list[str], list[str]] | None:
    """Relations up from a to the lowest common ancestor, then down to b (each side's list)."""
    up_a = [a, *tree.ancestors(a)]
    up_b = [b, *tree.ancestors(b)]
    common = next((x for x in up_a if x in set(up_b)), None)
    if common is None:
        return None
    rise = [tree.rel(x) for x in up_a[: up_a.index(common)]]
    fall = [tree.rel(x) for x in up_b[: up_b.index(common)]]
    return rise, fall[::-1]


def _between(tree: Tree, lo: int, hi: int, triggers: set[int]) -> list[str]:
    out = []
    words = [tree.lemma(k) for k in range(lo + 1, hi)]
    if any(w in CLAUSE_OPENERS for w in words):
        out.append("clause_opener_between")
    if any(tree.tokens[k].text in (";", ":", "(", ")") for k in range(lo + 1, hi)):
        out.append("break_between")
    commas = sum(tree.tokens[k].text == "," for k in range(lo + 1, hi))
    out.append(f"commas_between={min(commas, 3)}")
    verbs = sum(tree.pos(k) == "VERB" for k in range(lo + 1, hi))
    out.append(f"verbs_between={min(verbs, 2)}")
    if any(k in triggers for k in range(lo + 1, hi)):
        out.append("trigger_between")
    return out


@dataclass(frozen=True, slots=True)
class RuleView:
    """What the parse rules (`rusnews.stages.events.roles`) said of a trigger's arguments: the
    classifier reads it as evidence, so it learns where NEREL's roles agree with the rules'
    (a subject is an agent of `напасть`, a participant of `встретиться`) and where not."""

    roles: dict[tuple[int, int], str]  # mention span -> the rules' role
    has_agent: bool = False
    lexicon: bool = True  # the lexicon's frame, not the detector's

    def of(self, m) -> str:
        return self.roles.get((m.start, m.end), "none")


def rule_features(view: RuleView, m, label: str) -> list[str]:
    role = view.of(m)
    frame = "lexicon" if view.lexicon else "detector"
    out = [f"rule={role}", f"rule_label={role}|{label}", f"rule_frame={frame}|{role}"]
    if view.has_agent and role != AGENT:
        out.append(f"rules_have_agent|{label}")
    return out


def pair_features(
    tree: Tree,
    t: int,
    h: int,
    label: str,
    event_type: str,
    triggers: set[int],
    rules: list[str] = (),
) -> list[str]:
    """A trigger token t and a mention whose head token is h, labelled `label`; `triggers` are
    the sentence's other trigger tokens; `rules` are `rule_features` of the pair."""
    distance = h - t
    side = "before" if distance < 0 else "after"
    gap = abs(distance)
    bucket = str(gap) if gap <= 3 else "4-6" if gap <= 6 else "7-12" if gap <= 12 else "far"
    prep = tree.preposition(h) or "-"
    case = tree.feat(h, "Case") or "-"
    t_pos = tree.pos(t)
    out = [
        f"label={label}",
        f"type={event_type}",
        f"type_label={event_type}|{label}",
        f"side={side}|{label}",
        f"distance={bucket}",
        f"distance_label={bucket}|{label}",
        f"prep={prep}|{label}",
        f"case={case}|{label}",
        f"prep_case={prep}|{case}",
        f"trigger_pos={t_pos}|{label}",
        f"trigger_lemma={tree.lemma(t)}|{label}",
        f"mention_rel={tree.rel(h)}",
        *rules,
    ]
    out += [f"trigger_{n}={tree.feat(t, n)}" for n in PAIR_FEATS if tree.feat(t, n)]
    if tree.feat(t, "Voice") == "Pass" or tree.rel(h) == "nsubj:pass":
        out.append(f"passive|{tree.rel(h)}")
    lo, hi = sorted((t, h))
    out += _between(tree, lo, hi, triggers - {t})
    path = _path(tree, h, t)
    if path is None:
        out.append("path=none")
        return out
    rise, fall = path
    steps = len(rise) + len(fall)
    out.append(f"path_length={min(steps, MAX_PATH + 1)}")
    if steps <= MAX_PATH:
        text = "^".join(rise) + "|" + "v".join(fall)
        out += [f"path={text}", f"path_label={text}|{label}", f"path_type={text}|{event_type}"]
        out.append(f"path_prep={text}|{prep}")
    if not fall:
        out.append("trigger_governs")
        if len(rise) == 1:
            out += [f"child={rise[0]}|{label}|{t_pos}", f"child_prep={rise[0]}|{prep}|{label}"]
    if not rise:
        out.append("mention_governs")
    return out
