"""The learned event components at run time: a trigger detector and an argument role classifier.

Both are linear models trained on NEREL train (`rusnews train events`, code in
`rusnews.train.events`) and stored as `.npz` weight tables in `models/events/`, so scoring
needs numpy only. A feature string is hashed (crc32) into a weight row; the
detector adds a navec vector of the lemma as dense columns.

How they join the rules (`rusnews.stages.events.stage`):
- Triggers: every lexicon trigger stays; the detector adds a token the lexicon
  does not list when its probability reaches the threshold stored with the
  model. A lemma listed in `triggers.tsv` keeps its type and CAMEO root; any
  other is typed `OTHER` with no CAMEO root (NEREL gives no event types to
  check a guessed type against, and a wrong type would miscount an analyst's
  chart where `OTHER` only under-counts it).
- Roles: the classifier gives each named thing in the sentence a role or none,
  reading the rules' role for it as one feature among the parse's (stacking): it
  learns where NEREL's roles agree with the rules' and where they do not, so its
  answer is the one kept (`arbitrate`).
"""

from __future__ import annotations

import math
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rusnews.linear import LinearModel
from rusnews.model import DATE, LOC, ORG, PER, Mention, Token
from rusnews.stages.events.features import (
    CANDIDATE_POS,
    NEIGHBOURS,
    RuleView,
    lemma_features,
    lemma_of,
    neighbour_features,
    own_features,
    pair_features,
    rule_features,
)
from rusnews.stages.events.lexicon import (
    AGENT,
    EVENTS_DIR,
    STATEMENT,
    TOPIC,
    EventLexicon,
    Trigger,
)
from rusnews.stages.events.roles import Found
from rusnews.stages.events.tree import Tree
from rusnews.stages.events.triggers import Frame

OTHER = "OTHER"
NONE = "none"
ARGUMENT_LABELS = (PER, ORG, LOC, DATE)
TRIGGER_MODEL = "trigger_detector.npz"
ROLE_MODEL = "role_classifier.npz"
# The profiles (`rusnews.stages.registry.PROFILES`) differ in what counts as an event. Under
# `names` every lexicon trigger is one (an analyst counts `поздравил` and `встретился`, and
# factRuEval's meetings are such verbs); NEREL leaves many of them unannotated, and its role
# model has learned from those triggers too that they take no arguments.
ROLE_MODELS = {"names": ROLE_MODEL, "nerel": "role_classifier_nerel.npz"}
DIMENSIONS = 300  # navec


def vector(embedding, tok: Token) -> np.ndarray | None:
    """The navec vector of the lemma, else of the word; None for a word navec does not know."""
    for word in (lemma_of(tok), tok.text.casefold()):
        v = embedding.get(word)
        if v is not None:
            return v
    return None


def vector_score(model: LinearModel, embedding, tok: Token) -> float:
    """What the navec columns of a one-column model add for a word (0 for a word navec does
    not know)."""
    v = vector(embedding, tok)
    return float(v @ model.dense[:, 0]) if v is not None and model.dense is not None else 0.0


@dataclass(slots=True)
class TriggerDetector:
    model: LinearModel
    lex: EventLexicon
    embedding: object
    # The linear score is a sum, so what depends on the lemma alone is added once per lemma.
    _by_lemma: dict[tuple[str, str], float] = field(default_factory=dict)
    _parts: dict[tuple, float] = field(default_factory=dict)

    def _lemma_score(self, tok: Token) -> float:
        lemma = lemma_of(tok)
        # The vector is the lemma's where navec knows it, so the word form matters only where
        # it does not.
        key = (lemma, "") if lemma in self.embedding else (lemma, tok.text.casefold())
        score = self._by_lemma.get(key)
        if score is None:
            score = self.model.score(lemma_features(lemma, self.lex))
            score += vector_score(self.model, self.embedding, tok)
            self._by_lemma[key] = score
        return score

    def _part(self, key: tuple, features, *args) -> float:
        score = self._parts.get(key)
        if score is None:
            score = self._parts[key] = self.model.score(features(*args))
        return score

    def probabilities(self, tree: Tree, skip: Container[int] = ()) -> dict[int, float]:
        """P(trigger) of each candidate token of a sentence. The score is a sum over the
        token's own features and each neighbour's, and words recur: each part's sum is cached
        under what it reads."""
        tokens, out = tree.tokens, {}
        n, bias = len(tokens), float(self.model.bias[0])
        for i, tok in enumerate(tokens):
            if tok.pos not in CANDIDATE_POS or i in skip:
                continue
            m = tree.mention_at[i]
            label = m.label if m else None
            own = (tok.text, tok.lemma, tok.pos, tuple(sorted(tok.feats.items())), i == 0, label)
            z = self._lemma_score(tok) + bias
            z += self._part(own, own_features, tok, i == 0, label)
            for offset, side in NEIGHBOURS:
                j = i + offset
                near = tokens[j] if 0 <= j < n else None
                key = (side, None) if near is None else (side, lemma_of(near), near.pos)
                z += self._part(key, neighbour_features, side, near)
            out[i] = 1.0 / (1.0 + math.exp(-z))
        return out

    def triggers(self, tree: Tree, taken: Container[int] = ()) -> list[int]:
        """Tokens the detector calls triggers and the lexicon does not list, outside `taken`
        (the rules' frames); those are not scored at all."""
        listed = self.lex.triggers
        skip = {i for i in range(len(tree)) if i in taken or tree.lemma(i) in listed}
        return [i for i, p in self.probabilities(tree, skip).items() if p >= self.model.threshold]


def entry_for(tree: Tree, i: int, lex: EventLexicon) -> Trigger:
    """The lexicon's entry for a learned trigger's lemma, else an OTHER one without CAMEO root."""
    lemma = tree.lemma(i)
    entry = lex.triggers.get(lemma)
    if entry is not None:
        return entry
    return Trigger(
        lemma, "VERB" if tree.pos(i) in ("VERB", "AUX") else "NOUN", OTHER, None, None, None
    )


@dataclass(slots=True)
class RoleClassifier:
    model: LinearModel

    def roles(
        self,
        tree: Tree,
        trigger: int,
        event_type: str,
        frame_tokens: list[int],
        triggers: set[int],
        rules: RuleView,
        skip: Container[tuple[int, int]] = (),
    ) -> list[tuple[str, Mention, float]]:
        """(role, mention, probability) for each named thing in the sentence given a role; what
        the rules said of each (`rules`) is one of the classifier's features. Mentions whose
        spans are in `skip` are not scored (their answer would not be used)."""
        pairs = []
        for m in tree.mentions:
            if m.label not in ARGUMENT_LABELS:
                continue
            h = tree.mention_head(m)
            if h is None or h in frame_tokens or (m.start, m.end) in skip:
                continue
            rule = rule_features(rules, m, m.label)
            pairs.append((m, pair_features(tree, trigger, h, m.label, event_type, triggers, rule)))
        if not pairs:
            return []
        z = self.model.raw_many([features for _, features in pairs]) + self.model.bias
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        out = []
        for (m, _), row in zip(pairs, p):
            best = int(row.argmax())
            role = self.model.classes[best]
            if role != NONE and row[best] >= self.model.threshold_of(role):
                out.append((role, m, float(row[best])))
        return out


@dataclass(slots=True)
class LearnedEvents:
    detector: TriggerDetector | None
    roles: RoleClassifier | None
    profile: str = "names"  # whose roles: `arbitrate`


def read_models(
    folder: Path, lex: EventLexicon, embedding, profile: str = "names"
) -> LearnedEvents:
    """The models found in `folder`, the role model of `profile`; a missing file leaves that
    component to the rules."""
    if profile not in ROLE_MODELS:
        raise ValueError(
            f"no role model for profile {profile!r}; choose from {', '.join(ROLE_MODELS)}"
        )
    triggers, roles = folder / TRIGGER_MODEL, folder / ROLE_MODELS[profile]
    return LearnedEvents(
        TriggerDetector(LinearModel.load(triggers), lex, embedding) if triggers.exists() else None,
        RoleClassifier(LinearModel.load(roles)) if roles.exists() else None,
        profile,
    )


@lru_cache(maxsize=2)
def learned_events(profile: str = "names") -> LearnedEvents:
    from rusnews import resources
    from rusnews.stages.events.lexicon import event_lexicon

    return read_models(EVENTS_DIR, event_lexicon(), resources.embedding(), profile)


# ---------------------------------------------------------------- joining the rules


def learned_frames(tree: Tree, frames: list[Frame], detector: TriggerDetector) -> list[Frame]:
    """Frames for the tokens the detector finds outside every rule frame."""
    if not any(m.label in ARGUMENT_LABELS for m in tree.mentions):
        return []  # an event is kept only with an argument, and none could be given here
    taken = {i for f in frames for i in f.tokens}
    return [detector_frame(tree, i, detector.lex) for i in detector.triggers(tree, taken)]


def detector_frame(tree: Tree, i: int, lex: EventLexicon) -> Frame:
    """The frame the rules read a detector's trigger through: the token alone."""
    entry = entry_for(tree, i, lex)
    verb = i if tree.pos(i) in ("VERB", "AUX") else None
    return Frame(i, entry, [i], verb, subject_role=lex.subject_role(entry.event_type))


def rule_view(found: list[Found], lexicon: bool) -> RuleView:
    return RuleView(
        {(x.mention.start, x.mention.end): x.role for x in found},
        any(x.role == AGENT for x in found),
        lexicon,
    )


def _rules_decide(found: Found, event_type: str) -> bool:
    """Under `names` the rules' role stands without the classifier, but for an agent of
    anything other than a statement: the classifier confirms that (`arbitrate`)."""
    return found.role != AGENT or event_type == STATEMENT


def settled(rules: list[Found], profile: str, event_type: str = OTHER) -> set[tuple[int, int]]:
    """Spans of the names whose role the rules settle under `profile` (`arbitrate`): the
    classifier need not be asked about them."""
    if profile != "names":
        return set()
    return {(x.mention.start, x.mention.end) for x in rules if _rules_decide(x, event_type)}


def arbitrate(
    rules: list[Found],
    learned: list[tuple[str, Mention, float]],
    profile: str = "names",
    event_type: str = OTHER,
) -> list[Found]:
    """One list of arguments from the rules' and the classifier's.

    `nerel`: the classifier's roles, which already weigh the rules' (`RuleView`), and the
    rules' topic, which the classifier does not give. `names`: the rules' roles stand, as an
    analyst reads them (in `X встретился с Y` X is the agent; NEREL calls both participants,
    and a classifier that learned that gives `с Y` the agent half the time), and the
    classifier adds the names the rules gave no role, but no second agent.

    The rules' agent alone is the classifier's to confirm: the subject rule calls whoever
    stands in subject position an agent, also of a trigger NEREL does not count as an event
    or of a subject that undergoes the event (`впал в кому`, `ушёл из жизни`). A rules'
    agent the classifier gives no role is left out; one it gives another role keeps the
    agent where the lexicon types the trigger (its `subject_role` is the analyst's reading:
    the visitor of `посетил` acts, where NEREL calls him a participant) and takes the
    classifier's role on an `OTHER` trigger, which the lexicon gives no reading. Statements
    are left to the rules: NEREL, which the classifier learned from, annotates none."""
    mine = [Found(role, m, "learned") for role, m, _ in learned]
    if profile == "nerel":
        return mine + [x for x in rules if x.role == TOPIC]
    said = {(x.mention.start, x.mention.end): x for x in mine}
    kept = []
    for x in rules:
        confirmed = said.get((x.mention.start, x.mention.end))
        if _rules_decide(x, event_type):
            kept.append(x)
        elif confirmed is not None:
            kept.append(confirmed if event_type == OTHER and confirmed.role != AGENT else x)
    given = {(x.mention.start, x.mention.end) for x in rules}
    has_agent = any(x.role == AGENT for x in kept)
    return kept + [
        x
        for x in mine
        if (x.mention.start, x.mention.end) not in given and not (has_agent and x.role == AGENT)
    ]
