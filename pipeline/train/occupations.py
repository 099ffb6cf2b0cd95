"""Fit the position detector and the occupation classifier on NEREL train (part of
`rusnews train events`).

Examples come from the gold texts run through the pipeline (`examples.process`),
labelled by NEREL's PROFESSION spans and relations (directions in the field notes):

- Position examples: every candidate noun (`occupation_features.is_candidate`);
  positive when it heads a PROFESSION span (its head lies outside the span). The
  other tokens of a PROFESSION span are left out, as for triggers.
- Pair examples: each candidate position p of a sentence — listed in the
  lexicon, heading a PROFESSION, or called one out of fold by the detector, as
  the run time would — with each PER/ORG/LOC mention: `person` when the mention
  overlaps a PERSON that WORKS_AS a PROFESSION headed by p; `workplace` when it
  overlaps the target of a WORKPLACE from that PROFESSION or from such a person;
  else none.

Thresholds: the detector's is the best out-of-fold F1 of 3 folds grouped by
document (`events.fit`); the classifier has one per role, the best out-of-fold F1
of that role over its pairs. Nothing is chosen on dev.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from rusnews.eval.record_gold import NEREL_PLACES
from rusnews.model import PER, Article
from rusnews.stages.events.learned import NONE
from rusnews.stages.events.lexicon import EventLexicon
from rusnews.stages.events.occupation_classifier import (
    OCCUPATION_MODEL,
    PERSON_ROLE,
    POSITION_MODEL,
    WORKPLACE_ROLE,
)
from rusnews.stages.events.occupation_features import (
    NAME_LABELS,
    is_candidate,
    pair_features,
    position_features,
    rule_view,
)
from rusnews.stages.events.occupations import is_position
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.train.events import BITS, THRESHOLDS, Fitted, _f1, fit, matrix
from rusnews.train.examples import Examples, nerel_documents

Span = tuple[int, int]
POSITION_C = 0.5
PAIR_C = 1.0


@dataclass(slots=True)
class GoldOccupations:
    doc_id: str
    professions: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    # profession id -> spans of the people who work as it, and of their workplaces
    people: dict[str, list[tuple[Span, ...]]] = field(default_factory=dict)
    workplaces: dict[str, list[tuple[Span, ...]]] = field(default_factory=dict)


def read_nerel_occupations(folder: Path, limit: int | None = None) -> list[GoldOccupations]:
    """Sorted like `examples.read_nerel`, so the two lists pair up document by document."""
    docs = []
    for txt, (entities, relations) in nerel_documents(folder, limit):
        gold = GoldOccupations(txt.stem)
        gold.professions = {k: s for k, (t, s) in entities.items() if t == "PROFESSION"}
        label = {k: t for k, (t, _) in entities.items()}
        jobs: dict[str, list[str]] = {}  # person id -> profession ids
        for rel, a1, a2 in relations:
            if rel == "WORKS_AS" and label.get(a1) == "PERSON" and a2 in gold.professions:
                gold.people.setdefault(a2, []).append(entities[a1][1])
                jobs.setdefault(a1, []).append(a2)
        for rel, a1, a2 in relations:
            if rel != "WORKPLACE" or label.get(a2) not in NEREL_PLACES:
                continue
            for prof in [a1] if a1 in gold.professions else jobs.get(a1, []):
                gold.workplaces.setdefault(prof, []).append(entities[a2][1])
        docs.append(gold)
    return docs


def _overlaps(a: Span, spans: tuple[Span, ...]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def profession_heads(tree: Tree, gold: GoldOccupations) -> tuple[dict[int, list[str]], set[int]]:
    """Token -> the PROFESSION ids it heads, and every token inside a PROFESSION."""
    heads: dict[int, list[str]] = {}
    covered: set[int] = set()
    for pid, spans in gold.professions.items():
        inside = [i for i, t in enumerate(tree.tokens) if _overlaps((t.start, t.end), spans)]
        covered.update(inside)
        head = next((i for i in inside if tree.head(i) not in inside), None)
        if head is not None:
            heads.setdefault(head, []).append(pid)
    return heads, covered


@dataclass(slots=True)
class Sentence:
    doc: int
    tree: Tree
    heads: dict[int, list[str]]
    covered: set[int]

    def candidates(self) -> list[int]:
        """Candidate tokens that are examples: not a PROFESSION's inner token."""
        return [
            i
            for i in range(len(self.tree))
            if is_candidate(self.tree, i) and (i in self.heads or i not in self.covered)
        ]


def parsed_sentences(articles: list[Article], golds: list[GoldOccupations]) -> list[Sentence]:
    out = []
    for n, (article, gold) in enumerate(zip(articles, golds)):
        for idx, (sent, mentions) in enumerate(zip(article.sentences, sentence_mentions(article))):
            if Tree.parsed(sent):
                tree = Tree(sent, idx, mentions)
                out.append(Sentence(n, tree, *profession_heads(tree, gold)))
    return out


def position_examples(sentences: list[Sentence], lex: EventLexicon) -> Examples:
    out = Examples()
    for s in sentences:
        for i in s.candidates():
            out.features.append(position_features(s.tree, i, lex))
            out.words.append(s.tree.tokens[i])
            out.labels.append("position" if i in s.heads else NONE)
            out.groups.append(s.doc)
    return out


def _role(m, span: Span, pids: list[str], gold: GoldOccupations) -> str:
    if m.label == PER:
        hit = any(_overlaps(span, p) for pid in pids for p in gold.people.get(pid, []))
        return PERSON_ROLE if hit else NONE
    hit = any(_overlaps(span, w) for pid in pids for w in gold.workplaces.get(pid, []))
    return WORKPLACE_ROLE if hit else NONE


def pair_examples(
    sentences: list[Sentence],
    golds: list[GoldOccupations],
    lex: EventLexicon,
    detected: set[tuple[int, int]],
) -> Examples:
    """`detected`: (sentence number, token) the detector calls a position out of fold."""
    out = Examples()
    for k, s in enumerate(sentences):
        tree = s.tree
        for p in s.candidates():
            if not (p in s.heads or is_position(tree, p, lex) or (k, p) in detected):
                continue
            rule_person, rule_workplace = rule_view(tree, p, lex)
            for m in tree.mentions:
                h = tree.mention_head(m)
                if m.label not in NAME_LABELS or h is None or h == p:
                    continue
                out.features.append(pair_features(tree, p, m, h, lex, rule_person, rule_workplace))
                out.words.append(None)
                out.labels.append(_role(m, (m.start, m.end), s.heads.get(p, []), golds[s.doc]))
                out.groups.append(s.doc)
    return out


def role_thresholds(fitted: Fitted, y: np.ndarray) -> dict[str, tuple[float, float]]:
    """Per role, the threshold of the best out-of-fold F1 of that role, and the F1."""
    classes = list(np.unique(y))
    out = {}
    for role in (c for c in classes if c != NONE):
        p = fitted.oof[:, classes.index(role)]
        gold = y == role
        scores = {
            float(t): _f1(int(np.sum((p >= t) & gold)), int(np.sum(p >= t)), int(gold.sum()))
            for t in THRESHOLDS
        }
        best = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
        out[role] = (best, scores[best])
    return out


def train_occupations(
    articles: list[Article],
    golds: list[GoldOccupations],
    lex: EventLexicon,
    embedding,
    out: Path,
    learner: str = "logistic",
    say=print,
) -> dict[str, Fitted]:
    """Fit both models on processed NEREL articles and their gold, and write them into `out`."""
    sentences = parsed_sentences(articles, golds)
    positions = position_examples(sentences, lex)
    y = np.array(positions.labels)
    detector = fit(matrix(positions, BITS, embedding), y, np.array(positions.groups), POSITION_C)
    where = [(k, i) for k, s in enumerate(sentences) for i in s.candidates()]
    column = list(np.unique(y)).index("position")
    detected = {
        at for at, p in zip(where, detector.oof[:, column]) if p >= detector.model.threshold
    }
    pairs = pair_examples(sentences, golds, lex, detected)
    yp = np.array(pairs.labels)
    classifier = fit(matrix(pairs, BITS), yp, np.array(pairs.groups), PAIR_C, learner)
    chosen = role_thresholds(classifier, yp)
    classifier.model.thresholds = {role: t for role, (t, _) in chosen.items()}
    Path(out).mkdir(parents=True, exist_ok=True)
    detector.model.save(Path(out) / POSITION_MODEL)
    classifier.model.save(Path(out) / OCCUPATION_MODEL)
    say(
        f"{POSITION_MODEL}: {len(y)} examples, {int(np.sum(y != NONE))} positive; threshold "
        f"{detector.model.threshold:.2f} (cross-validated F1 {detector.cv_f1:.3f}); "
        f"{detector.seconds:.0f} s"
    )
    said = ", ".join(f"{r} {t:.2f} (F1 {f:.3f})" for r, (t, f) in chosen.items())
    say(f"{OCCUPATION_MODEL}: {len(yp)} pairs; thresholds {said}; {classifier.seconds:.0f} s")
    return {POSITION_MODEL: detector, OCCUPATION_MODEL: classifier}
