"""`rusnews train events`: fit the trigger detector and the role classifier on NEREL train.

scikit-learn fits the models (a `train` extra: it is not needed to run them);
the weights go to `models/events/*.npz`, which `rusnews.stages.events.learned`
scores with numpy. Each model's decision threshold is chosen by 3-fold
cross-validation grouped by document on the training set, never on dev.

The role classifier reads the rules' role of each pair as a feature and its
answer is the one kept; each role has a threshold of its own, the one of the
best out-of-fold F1 of that role (`role_thresholds`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rusnews.linear import LinearModel, feature_index
from rusnews.stages.events.learned import (
    DIMENSIONS,
    NONE,
    ROLE_MODELS,
    TRIGGER_MODEL,
    vector,
)
from rusnews.stages.events.lexicon import EVENTS_DIR, event_lexicon
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


def hashed(features: list[list[str]], bits: int = BITS):
    """One row of hashed binary features per example (scipy CSR)."""
    from scipy import sparse

    rows, cols = [], []
    for r, names in enumerate(features):
        for c in {feature_index(f, bits) for f in names}:
            rows.append(r)
            cols.append(c)
    return sparse.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)),
        shape=(len(features), 1 << bits),
        dtype=np.float32,
    )


def matrix(examples: Examples, bits: int = BITS, embedding=None):
    """Hashed binary features, then (with an embedding) the navec columns."""
    from scipy import sparse

    x = hashed(examples.features, bits)
    n = len(examples.features)
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
class RoleThreshold:
    threshold: float
    f1: float  # out of fold, of the role, at `threshold`
    rules_f1: float  # out of fold, of the role as the rules alone give it


def _role_f1(decided: np.ndarray, y: np.ndarray, role: str) -> float:
    said, gold = decided == role, y == role
    return _f1(int(np.sum(said & gold)), int(said.sum()), int(gold.sum()))


def role_thresholds(
    fitted: Fitted, y: np.ndarray, rule_roles: np.ndarray
) -> dict[str, RoleThreshold]:
    """Per role, the threshold of the best out-of-fold F1 of that role. A pair is given the
    role of its highest probability when that reaches the role's threshold, so each role's
    threshold decides only the pairs that role tops, and the roles are chosen one by one."""
    classes = np.unique(y)
    best = fitted.oof.argmax(axis=1)
    top = fitted.oof[np.arange(len(y)), best]
    out = {}
    for k, role in enumerate(str(c) for c in classes):
        if role == NONE:
            continue
        scores = {}
        for t in THRESHOLDS:
            decided = np.where((best == k) & (top >= t), role, NONE)
            scores[float(t)] = _role_f1(decided, y, role)
        t = max(scores, key=lambda t: (scores[t], -abs(t - 0.5)))
        out[role] = RoleThreshold(t, scores[t], _role_f1(rule_roles, y, role))
    return out


def train_events(
    corpora: Path,
    out: Path = EVENTS_DIR,
    limit: int | None = None,
    learner: str = "logistic",
    say=print,
) -> dict[str, Fitted]:
    """Rebuild the trigger detector, each profile's role model and the occupation models
    (`rusnews.train.occupations`) from `corpora/nerel-train` and write them into `out`."""
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
    jobs = [(TRIGGER_MODEL, lambda: trigger_examples(articles, golds, lex), TRIGGER_C)]
    jobs += [
        (name, lambda p=profile: role_examples(articles, golds, lex, p == "nerel"), ROLE_C)
        for profile, name in ROLE_MODELS.items()
    ]
    for name, build, c in jobs:
        examples = build()
        y = np.array(examples.labels)
        x = matrix(examples, BITS, resources.embedding() if name == TRIGGER_MODEL else None)
        fitted[name] = fit(x, y, np.array(examples.groups), c, learner)
        if name != TRIGGER_MODEL and fitted[name].oof is not None:
            chosen = role_thresholds(fitted[name], y, np.array(examples.rule_roles, dtype=object))
            fitted[name].model.thresholds = {r: t.threshold for r, t in chosen.items()}
            for role, t in chosen.items():
                say(
                    f"{name} {role}: threshold {t.threshold:.2f}; out-of-fold F1 {t.f1:.3f} "
                    f"(the rules alone {t.rules_f1:.3f})"
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
    fitted.update(train_occupations(articles, posts, lex, resources.embedding(), out, learner, say))
    return fitted
