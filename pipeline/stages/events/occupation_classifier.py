"""The learned occupation components at run time: a position detector and a (position, name)
classifier, beside the rules of `rusnews.stages.events.occupations`.

Both are linear models over hashed features (`LinearModel`, as for the event
components), trained on NEREL train (`rusnews train events`, code in
`rusnews.train.occupations`) and stored in `models/events/`; scoring needs numpy only.

- The detector gives each noun outside a name the probability that it heads a
  position (a NEREL PROFESSION); the lexicon's positions are candidates whatever it says,
  and it adds the words the lexicon does not list (`тренер`, `солистка`).
- The classifier gives each (candidate, PER/ORG/LOC mention) pair of a sentence a
  role: `person` (NEREL WORKS_AS), `workplace` (WORKPLACE) or none. A candidate
  with no person at its threshold gives no record.
- How they join the rules: `POLICY` (README, "Event records", gives the numbers
  that chose it). Phases always come from the rules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from rusnews.model import PER, Article, Mention, Occupation
from rusnews.stages.events.learned import LinearModel, vector_score
from rusnews.stages.events.lexicon import EVENTS_DIR, EventLexicon
from rusnews.stages.events.occupation_features import (
    NAME_LABELS,
    is_candidate,
    pair_features,
    position_features,
    rule_view,
)
from rusnews.stages.events.occupations import (
    extract_occupations,
    is_position,
    occupation_record,
    position_phrase,
)
from rusnews.stages.events.tree import Tree

POSITION_MODEL = "position_detector.npz"
OCCUPATION_MODEL = "occupation_classifier.npz"
PERSON_ROLE, WORKPLACE_ROLE = "person", "workplace"

# How the classifier's records and the rules' are combined.
LEARNED, RULES_FIRST, LEARNED_FIRST = "learned", "rules_first", "learned_first"
POLICY = LEARNED_FIRST


@dataclass(slots=True)
class PositionDetector:
    model: LinearModel
    embedding: object
    # The navec part of the score depends on the word alone: computed once per word.
    _by_word: dict[tuple[str, str], float] = field(default_factory=dict)

    def _word_score(self, tok) -> float:
        key = (tok.lemma or "", tok.text)
        score = self._by_word.get(key)
        if score is None:
            score = self._by_word[key] = vector_score(self.model, self.embedding, tok)
        return score

    def probabilities(self, tree: Tree, found: list[int], lex: EventLexicon) -> list[float]:
        bias = float(self.model.bias[0])
        return [
            1.0
            / (
                1.0
                + math.exp(
                    -(
                        self.model.score(position_features(tree, i, lex))
                        + self._word_score(tree.tokens[i])
                        + bias
                    )
                )
            )
            for i in found
        ]

    def probability(self, tree: Tree, i: int, lex: EventLexicon) -> float:
        return self.probabilities(tree, [i], lex)[0]

    def candidates(self, tree: Tree, lex: EventLexicon) -> list[int]:
        """Token positions that may head a position: the lexicon's, then the detector's."""
        found = [i for i in range(len(tree)) if is_candidate(tree, i)]
        listed = {i for i in found if is_position(tree, i, lex)}
        unlisted = [i for i in found if i not in listed]
        sure = {
            i
            for i, p in zip(unlisted, self.probabilities(tree, unlisted, lex))
            if p >= self.model.threshold
        }
        return [i for i in found if i in listed or i in sure]


@dataclass(slots=True)
class OccupationClassifier:
    model: LinearModel

    def roles(self, tree: Tree, p: int, lex: EventLexicon) -> list[tuple[str, Mention, float]]:
        """(role, mention, probability) of each name of the sentence given a role at p."""
        rule_person, rule_workplace = rule_view(tree, p, lex)
        pairs = []
        for m in tree.mentions:
            if m.label not in NAME_LABELS:
                continue
            h = tree.mention_head(m)
            if h is None or h == p:
                continue
            pairs.append((m, pair_features(tree, p, m, h, lex, rule_person, rule_workplace)))
        if not pairs:
            return []
        z = self.model.raw_many([features for _, features in pairs]) + self.model.bias
        prob = np.exp(z - z.max(axis=1, keepdims=True))
        prob /= prob.sum(axis=1, keepdims=True)
        out = []
        for (m, _), row in zip(pairs, prob):
            role = PERSON_ROLE if m.label == PER else WORKPLACE_ROLE
            level = float(row[self.model.classes.index(role)])
            if level >= self.model.threshold_of(role):
                out.append((role, m, level))
        return out


@dataclass(slots=True)
class LearnedOccupations:
    detector: PositionDetector
    classifier: OccupationClassifier


def read_occupation_models(folder: Path, embedding) -> LearnedOccupations | None:
    """The models in `folder`; None (rules only) unless both are there."""
    positions, pairs = folder / POSITION_MODEL, folder / OCCUPATION_MODEL
    if not (positions.exists() and pairs.exists()):
        return None
    return LearnedOccupations(
        PositionDetector(LinearModel.load(positions), embedding),
        OccupationClassifier(LinearModel.load(pairs)),
    )


@lru_cache(maxsize=1)
def learned_occupations() -> LearnedOccupations | None:
    from rusnews import resources

    return read_occupation_models(EVENTS_DIR, resources.embedding())


def classify_occupations(
    article: Article, tree: Tree, lex: EventLexicon, learned: LearnedOccupations
) -> list[Occupation]:
    """The classifier's records of a sentence, left to right: one per person it gives a
    position, since a post may be shared (`экс-президентов: Альберто Фухимори, Алехандро
    Толедо`); a candidate inside an earlier record's phrase is part of that phrase ('министра'
    of 'заместителя министра')."""
    records: list[Occupation] = []
    inside: set[int] = set()
    for p in learned.detector.candidates(tree, lex):
        if p in inside:
            continue
        roles = learned.classifier.roles(tree, p, lex)
        people = [m for role, m, _ in roles if role == PERSON_ROLE]
        if not people:
            continue
        places = sorted((x for x in roles if x[0] == WORKPLACE_ROLE), key=lambda x: -x[2])
        workplaces = [m for _, m, _ in places]
        tokens, _ = position_phrase(tree, p, lex)
        inside.update(tokens)
        records.extend(
            occupation_record(article, tree, p, tokens, person, workplaces, lex)
            for person in people
        )
    return records


def _overlaps(a: Occupation, b: Occupation) -> bool:
    return a.start < b.end and b.start < a.end


def find_occupations(
    article: Article, tree: Tree, lex: EventLexicon, learned: LearnedOccupations | None
) -> list[Occupation]:
    """The sentence's occupation records, the rules' and the classifier's joined by `POLICY`."""
    rules = extract_occupations(article, tree, lex)
    if learned is None or not any(m.label == PER for m in tree.mentions):
        return rules  # the classifier's holder is a person named in the sentence
    mine = classify_occupations(article, tree, lex, learned)
    if POLICY == LEARNED:
        return mine
    if POLICY == RULES_FIRST:
        # The rules' records stand; the classifier adds positions the rules did not read.
        return rules + [o for o in mine if not any(_overlaps(o, r) for r in rules)]
    # The classifier's records stand; the rules add positions it gave no one.
    return mine + [r for r in rules if not any(_overlaps(r, o) for o in mine)]
