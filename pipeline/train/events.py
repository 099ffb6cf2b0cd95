"""`rusnews train events`: fit the trigger detector and the role classifier on NEREL train.

scikit-learn fits the models (a `train` extra: it is not needed to run them);
the weights go to `models/events/*.npz`, which `rusnews.stages.events.learned`
scores with numpy. Each model's decision threshold is chosen by 3-fold
cross-validation grouped by document on the training set, never on dev.

Where the rules found the trigger, the role classifier has thresholds of its
own, one per role (`union_thresholds`): at run time it only adds roles beside
the rules', and the roles it added there at the common threshold were wrong
more often than the rules' own (agent precision fell on dev and on train). Each
is the one with the best out-of-fold F1 of its role among those at which the
rules and the classifier together are at least as precise on it as the rules
alone, or none when no threshold is.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rusnews.stages.events.learned import (
    DIMENSIONS,
    NONE,
    ROLE_MODEL,
    TRIGGER_MODEL,
    LinearModel,
    feature_index,
    vector,
)
from rusnews.stages.events.lexicon import AGENT, EVENTS_DIR, event_lexicon
from rusnews.train.examples import (
    Examples,
    process,
    read_nerel,
    role_examples,
    trigger_examples,
)

BITS = 18
TRIGGER_C = 0.5
ROLE_C = 1.0
FOLDS = 3
THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.05), 2)
LEARNERS = ("logistic", "sgd")
NEVER = 1.01  # a threshold no probability reaches


def matrix(examples: Examples, bits: int = BITS, embedding=None):
    """Hashed binary features, then (with an embedding) the navec columns."""
    from scipy import sparse

    rows, cols = [], []
    for r, names in enumerate(examples.features):
        for c in {feature_index(f, bits) for f in names}:
            rows.append(r)
            cols.append(c)
    n = len(examples.features)
    x = sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)), shape=(n, 1 << bits), dtype=np.float32
    )
    if embedding is None:
        return x
    dense = np.zeros((n, DIMENSIONS), np.float32)
    for r, tok in enumerate(examples.words):
        v = vector(embedding, tok) if tok is not None else None
        if v is not None:
            dense[r] = v
    return sparse.hstack([x, sparse.csr_matrix(dense)], format="csr")


def _learner(kind: str, c: float, n: int):
    from sklearn.linear_model import LogisticRegression, SGDClassifier

    if kind == "logistic":
        return LogisticRegression(C=c, max_iter=400)
    if kind == "sgd":
        return SGDClassifier(loss="log_loss", alpha=1.0 / (c * n), max_iter=30, tol=1e-4)
    raise ValueError(f"unknown learner {kind!r}; expected one of {', '.join(LEARNERS)}")


def _f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0


def _decide(p: np.ndarray, classes: np.ndarray, threshold: float) -> np.ndarray:
    """The class of the highest probability, `none` below the threshold; for two classes, the
    other one wherever its probability reaches the threshold."""
    if len(classes) == 2:
        other = int(np.flatnonzero(classes != NONE)[0])
        return np.where(p[:, other] >= threshold, classes[other], NONE).astype(object)
    best = p.argmax(axis=1)
    decided = classes[best].astype(object)
    decided[p[np.arange(len(p)), best] < threshold] = NONE
    return decided


def _score(decided: np.ndarray, y: np.ndarray) -> float:
    wanted, gold = decided != NONE, y != NONE
    return _f1(int(np.sum(wanted & (decided == y))), int(wanted.sum()), int(gold.sum()))


def _probabilities(model, x) -> np.ndarray:
    p = model.predict_proba(x)
    return np.column_stack([1 - p[:, 0], p[:, 0]]) if p.shape[1] == 1 else p


@dataclass(slots=True)
class Fitted:
    model: LinearModel
    cv_f1: float  # of the chosen threshold, out of fold
    seconds: float
    oof: np.ndarray | None = None  # out-of-fold probabilities, columns in `np.unique(y)` order


def fit(x, y: np.ndarray, groups: np.ndarray, c: float, learner: str = "logistic") -> Fitted:
    """Fit on everything; the threshold is the best out-of-fold one over `THRESHOLDS`."""
    from sklearn.model_selection import GroupKFold

    started = time.perf_counter()
    classes = np.unique(y)
    oof = np.zeros((len(y), len(classes)))
    folds = min(FOLDS, len(np.unique(groups)))
    if folds >= 2:
        for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
            if len(np.unique(y[train])) < len(classes):
                continue  # a tiny corpus whose fold lacks a class cannot vote
            model = _learner(learner, c, len(train)).fit(x[train], y[train])
            oof[test] = _probabilities(model, x[test])
    scores = {t: _score(_decide(oof, classes, t), y) for t in THRESHOLDS}
    threshold = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
    model = _learner(learner, c, len(y)).fit(x, y)
    coef = model.coef_.astype(np.float32)
    intercept = model.intercept_.astype(np.float32)
    if len(model.classes_) == 2:  # one column for the positive class, which sorts after `none`
        names = tuple(c for c in model.classes_ if c != NONE)
        if model.classes_[1] == NONE:
            coef, intercept = -coef, -intercept
    else:
        names = tuple(str(c) for c in model.classes_)
    width = 1 << BITS
    dense = coef[:, width:].T.copy() if coef.shape[1] > width else None
    linear = LinearModel(names, BITS, coef[:, :width].T.copy(), intercept, dense, float(threshold))
    return Fitted(linear, scores[threshold], time.perf_counter() - started, oof)


@dataclass(slots=True)
class Guard:
    threshold: float
    rules_precision: float
    precision: float  # rules and classifier together, out of fold, at `threshold`
    f1: float
    rules_f1: float


def union_roles(
    oof: np.ndarray,
    classes: np.ndarray,
    thresholds: dict[str, float],
    base: float,
    rules: RuleView,
) -> np.ndarray:
    """Each pair's role as the run time joins them (`learned.arbitrate`, union): the rules'
    role where they give one, else the classifier's (at `thresholds` where the rules found the
    trigger, at `base` elsewhere), but no second agent."""
    best = oof.argmax(axis=1)
    decided = classes[best].astype(object)
    cut = np.array([thresholds.get(str(c), base) for c in classes])[best]
    cut = np.where(rules.frame, cut, base)
    decided[oof[np.arange(len(oof)), best] < cut] = NONE
    decided[(decided == AGENT) & rules.agent] = NONE
    ruled = rules.roles != NONE
    decided[ruled] = rules.roles[ruled]
    return decided


@dataclass(slots=True)
class RuleView:
    """What the rules gave each role example (`Examples.rule_roles`, `rule_agent`,
    `rule_frame`), as arrays."""

    roles: np.ndarray
    agent: np.ndarray
    frame: np.ndarray

    @classmethod
    def of(cls, examples: Examples) -> RuleView:
        return cls(
            np.array(examples.rule_roles, dtype=object),
            np.array(examples.rule_agent, dtype=bool),
            np.array(examples.rule_frame, dtype=bool),
        )


def _role_counts(decided: np.ndarray, y: np.ndarray, role: str) -> tuple[float, float]:
    said, gold = decided == role, y == role
    tp = int(np.sum(said & gold))
    return (tp / int(said.sum()) if said.any() else 0.0), _f1(tp, int(said.sum()), int(gold.sum()))


def union_thresholds(fitted: Fitted, y: np.ndarray, rules: RuleView) -> dict[str, Guard]:
    """For each role, the threshold at which the classifier adds it beside the rules, where the
    rules found the trigger: the best out-of-fold F1 of the role over those pairs, among the
    thresholds (from the common one up, or never) whose precision is not below the rules'
    own there. Where the rules found no trigger they say nothing to compare with."""
    classes = np.unique(y)
    base = fitted.model.threshold
    at, gold = rules.frame, y[rules.frame]
    chosen: dict[str, float] = {}
    out = {}
    for role in (str(c) for c in classes if c != NONE):
        rules_p, rules_f1 = _role_counts(rules.roles[at], gold, role)
        best = Guard(NEVER, rules_p, rules_p, rules_f1, rules_f1)
        for t in [float(t) for t in THRESHOLDS if t >= base]:
            decided = union_roles(fitted.oof, classes, {**chosen, role: t}, base, rules)
            p, f1 = _role_counts(decided[at], gold, role)
            if p >= rules_p and f1 > best.f1:
                best = Guard(t, rules_p, p, f1, rules_f1)
        chosen[role] = best.threshold
        out[role] = best
    return out


def train_events(
    corpora: Path,
    out: Path = EVENTS_DIR,
    limit: int | None = None,
    learner: str = "logistic",
    say=print,
) -> dict[str, Fitted]:
    """Rebuild the event models and the occupation models (`rusnews.train.occupations`) from
    `corpora/nerel-train` and write them into `out`."""
    from rusnews import resources

    folder = Path(corpora) / "nerel-train"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: NEREL train split not found")
    started = time.perf_counter()
    golds = read_nerel(folder, limit)
    articles = process(golds)
    say(f"{len(golds)} documents through the pipeline in {time.perf_counter() - started:.0f} s")
    lex = event_lexicon()
    fitted = {}
    for name, examples, c, embedding in (
        (TRIGGER_MODEL, trigger_examples(articles, golds, lex), TRIGGER_C, resources.embedding()),
        (ROLE_MODEL, role_examples(articles, golds, lex), ROLE_C, None),
    ):
        y = np.array(examples.labels)
        x = matrix(examples, BITS, embedding)
        fitted[name] = fit(x, y, np.array(examples.groups), c, learner)
        if name == ROLE_MODEL and fitted[name].oof is not None:
            guards = union_thresholds(fitted[name], y, RuleView.of(examples))
            fitted[name].model.thresholds = {r: g.threshold for r, g in guards.items()}
            for role, g in guards.items():
                say(
                    f"{role}: threshold {g.threshold:.2f} beside the rules' triggers; out of fold "
                    f"precision {g.rules_precision:.3f} rules only, {g.precision:.3f} with the "
                    f"classifier; F1 {g.rules_f1:.3f} -> {g.f1:.3f}"
                )
        Path(out).mkdir(parents=True, exist_ok=True)
        fitted[name].model.save(Path(out) / name)
        f = fitted[name]
        say(
            f"{name}: {len(y)} examples, {int(np.sum(y != NONE))} positive; threshold "
            f"{f.model.threshold:.2f} (cross-validated F1 {f.cv_f1:.3f}); {f.seconds:.0f} s"
        )
    from rusnews.train.occupations import read_nerel_occupations, train_occupations

    posts = read_nerel_occupations(folder, limit)
    fitted.update(
        train_occupations(articles, posts, lex, resources.embedding(), out, learner, say)
    )
    return fitted
