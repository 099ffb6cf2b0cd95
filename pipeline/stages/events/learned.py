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
- Roles: the classifier gives each named thing in the sentence a role or none
  (`ARBITRATION` says how its answer and the rules' are combined).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rusnews.model import DATE, LOC, ORG, PER, Mention, Token
from rusnews.stages.events.features import (
    CANDIDATE_POS,
    lemma_features,
    lemma_of,
    pair_features,
    token_features,
)
from rusnews.stages.events.lexicon import AGENT, EVENTS_DIR, TOPIC, EventLexicon, Trigger
from rusnews.stages.events.roles import Found
from rusnews.stages.events.tree import Tree
from rusnews.stages.events.triggers import Frame

OTHER = "OTHER"
NONE = "none"
ARGUMENT_LABELS = (PER, ORG, LOC, DATE)
TRIGGER_MODEL = "trigger_detector.npz"
ROLE_MODEL = "role_classifier.npz"
DIMENSIONS = 300  # navec


def feature_index(name: str, bits: int) -> int:
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


@dataclass(slots=True)
class LinearModel:
    """Weights of a logistic model over hashed features (one column per class; a binary model
    has one column, the positive class)."""

    classes: tuple[str, ...]
    bits: int
    weights: np.ndarray  # (2**bits, n_columns)
    bias: np.ndarray  # (n_columns,)
    dense: np.ndarray | None = None  # (DIMENSIONS, n_columns), for the navec columns
    threshold: float = 0.5
    # Per class, where one differs from `threshold`: the role classifier's, for pairs whose
    # trigger the rules found (`rusnews.train.events.union_thresholds`); above 1: never given.
    thresholds: dict[str, float] = field(default_factory=dict)

    def threshold_of(self, cls: str) -> float:
        return self.thresholds.get(cls, self.threshold)

    def raw(self, features: list[str]) -> np.ndarray:
        rows = [feature_index(f, self.bits) for f in features]
        return self.weights[rows].sum(axis=0)

    def save(self, path: Path) -> None:
        # Hashed rows no training feature reached stay zero: store the others only.
        used = np.flatnonzero(np.any(self.weights != 0, axis=1))
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            bits=np.array(self.bits),
            rows=used.astype(np.int32),
            values=self.weights[used].astype(np.float32),
            bias=self.bias.astype(np.float32),
            dense=self.dense if self.dense is not None else np.zeros((0, 0), np.float32),
            threshold=np.array(self.threshold),
            threshold_classes=np.array(list(self.thresholds), dtype=str),
            threshold_values=np.array(list(self.thresholds.values()), dtype=np.float64),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path) as data:
            bits = int(data["bits"])
            values = data["values"]
            weights = np.zeros((1 << bits, values.shape[1]), np.float32)
            weights[data["rows"]] = values
            dense = data["dense"] if data["dense"].size else None
            # Models saved before per-class thresholds have one threshold for all.
            named = data["threshold_classes"] if "threshold_classes" in data else []
            levels = data["threshold_values"] if "threshold_values" in data else []
            return cls(
                tuple(str(c) for c in data["classes"]),
                bits,
                weights,
                data["bias"],
                dense,
                float(data["threshold"]),
                {str(c): float(v) for c, v in zip(named, levels)},
            )


def vector(embedding, tok: Token) -> np.ndarray | None:
    """The navec vector of the lemma, else of the word; None for a word navec does not know."""
    for word in (lemma_of(tok), tok.text.casefold()):
        v = embedding.get(word)
        if v is not None:
            return v
    return None


@dataclass(slots=True)
class TriggerDetector:
    model: LinearModel
    lex: EventLexicon
    embedding: object
    # The linear score is a sum, so what depends on the lemma alone is added once per lemma.
    _by_lemma: dict[tuple[str, str], float] = field(default_factory=dict)

    def _lemma_score(self, tok: Token) -> float:
        key = (lemma_of(tok), tok.text.casefold())
        score = self._by_lemma.get(key)
        if score is None:
            score = float(self.model.raw(lemma_features(key[0], self.lex))[0])
            v = vector(self.embedding, tok)
            if v is not None and self.model.dense is not None:
                score += float(v @ self.model.dense[:, 0])
            self._by_lemma[key] = score
        return score

    def probabilities(self, tree: Tree) -> dict[int, float]:
        """P(trigger) of each candidate token of a sentence."""
        out = {}
        for i, tok in enumerate(tree.tokens):
            if tok.pos not in CANDIDATE_POS:
                continue
            m = tree.mention_at[i]
            local = self.model.raw(token_features(tree.tokens, i, m.label if m else None))[0]
            z = self._lemma_score(tok) + float(local) + float(self.model.bias[0])
            out[i] = 1.0 / (1.0 + np.exp(-z))
        return out

    def triggers(self, tree: Tree) -> list[int]:
        """Tokens the detector calls triggers and the lexicon does not list."""
        return [
            i
            for i, p in self.probabilities(tree).items()
            if p >= self.model.threshold and tree.lemma(i) not in self.lex.triggers
        ]


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
        beside_rules: bool = False,
    ) -> list[tuple[str, Mention, float]]:
        """(role, mention, probability) for each named thing in the sentence given a role.

        `beside_rules`: the rules found the trigger, so a role is given only at its own
        threshold, one chosen not to lower the rules' precision on that role."""
        out = []
        for m in tree.mentions:
            if m.label not in ARGUMENT_LABELS:
                continue
            h = tree.mention_head(m)
            if h is None or h in frame_tokens:
                continue
            z = self.model.raw(pair_features(tree, trigger, h, m.label, event_type, triggers))
            z = z + self.model.bias
            p = np.exp(z - z.max())
            p /= p.sum()
            best = int(p.argmax())
            role = self.model.classes[best]
            cut = self.model.threshold_of(role) if beside_rules else self.model.threshold
            if role != NONE and p[best] >= cut:
                out.append((role, m, float(p[best])))
        return out


@dataclass(slots=True)
class LearnedEvents:
    detector: TriggerDetector | None
    roles: RoleClassifier | None


def read_models(folder: Path, lex: EventLexicon, embedding) -> LearnedEvents:
    """The models found in `folder`; a missing file leaves that component to the rules."""
    triggers, roles = folder / TRIGGER_MODEL, folder / ROLE_MODEL
    return LearnedEvents(
        TriggerDetector(LinearModel.load(triggers), lex, embedding) if triggers.exists() else None,
        RoleClassifier(LinearModel.load(roles)) if roles.exists() else None,
    )


@lru_cache(maxsize=1)
def learned_events() -> LearnedEvents:
    from rusnews import resources
    from rusnews.stages.events.lexicon import event_lexicon

    return read_models(EVENTS_DIR, event_lexicon(), resources.embedding())


# ---------------------------------------------------------------- joining the rules

# How the classifier's roles and the rules' are combined, chosen on nerel-dev (README).
REPLACE, UNION, LEARNED_FIRST = "replace", "union", "learned_first"
ARBITRATION = UNION


def learned_frames(tree: Tree, frames: list[Frame], detector: TriggerDetector) -> list[Frame]:
    """Frames for the tokens the detector finds outside every rule frame."""
    taken = {i for f in frames for i in f.tokens}
    out = []
    for i in detector.triggers(tree):
        if i in taken:
            continue
        entry = entry_for(tree, i, detector.lex)
        verb = i if tree.pos(i) in ("VERB", "AUX") else None
        out.append(
            Frame(i, entry, [i], verb, subject_role=detector.lex.subject_role(entry.event_type))
        )
    return out


def arbitrate(rules: list[Found], learned: list[tuple[str, Mention, float]]) -> list[Found]:
    """One list of arguments from the rules' and the classifier's (see ARBITRATION)."""
    mine = [Found(role, m, "learned") for role, m, _ in learned]
    if ARBITRATION == REPLACE:
        return mine + [x for x in rules if x.role == TOPIC]
    if ARBITRATION == UNION:
        # The rules' subject is the agent when they found one: a second agent from the
        # classifier is mostly a name inside the first one's phrase ('Президент Казахстана').
        given = {(x.mention.start, x.mention.end) for x in rules}
        has_agent = any(x.role == AGENT for x in rules)
        return rules + [
            x
            for x in mine
            if (x.mention.start, x.mention.end) not in given
            and not (has_agent and x.role == AGENT)
        ]
    named = {(x.mention.start, x.mention.end) for x in mine}
    return mine + [x for x in rules if (x.mention.start, x.mention.end) not in named]
