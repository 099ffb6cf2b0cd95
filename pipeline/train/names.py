"""`rusnews train names`: fit the mention confidence on three gold corpora, judged by 5-fold CV.

The examples are the PER/ORG/LOC mentions the rules find in `nerel-train`
(scored under NEREL's convention), `factru-dev` (factRuEval's objects, which the
`names` view serves) and `collection5-dev` (Collection5's): a mention is a name
to a convention when its extent overlaps a gold span of that convention, and
only mentions of the kinds the convention's view counts are examples of it.

Cross-validation is 5 folds grouped by document over the three corpora
together. Each convention's threshold is the one of the best out-of-fold exact
micro F1 of its corpus, and the figures reported are those out-of-fold figures:
the model never scores a document it was fitted on. Then one model is fitted on
every document and written with the thresholds to `models/mentions/`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from rusnews.eval.conventions import convention_named
from rusnews.eval.evaluate import load_gold, score_convention
from rusnews.eval.gold import GoldDoc
from rusnews.linear import LinearModel
from rusnews.model import Article, Mention
from rusnews.stages.mentions.confidence import (
    DIMENSIONS,
    ScoreMentions,
    for_convention,
    mention_features,
    mention_vector,
    repeats_of,
    scored,
)
from rusnews.train.events import hashed
from rusnews.views import COLLECTION5, CONFIDENCE_MODEL, NAMES, NEREL, fill_kinds, view

BITS = 18
C = 1.0
FOLDS = 5
THRESHOLDS = np.round(np.arange(0.2, 0.81, 0.05), 2)
NEVER = 0.0  # a threshold every probability reaches: the rules alone


@dataclass(frozen=True, slots=True)
class Corpus:
    """A gold corpus, its reader and the convention (and view) its gold is scored under."""

    folder: str
    fmt: str
    convention: str  # rusnews.eval.conventions name
    scores: str  # which confidence column (rusnews.views.CONVENTIONS) it trains
    # Other (convention, metric) figures of the same view, reported beside.
    also: tuple[tuple[str, str], ...] = ()


CORPORA = (
    Corpus("nerel-train", "brat", "nerel", NEREL),
    Corpus("factru-dev", "factru", "object", NAMES, also=(("naeval", "token"),)),
    Corpus("collection5-dev", "brat", "collection5", COLLECTION5),
)


@dataclass(slots=True)
class Examples:
    features: list[list[str]] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    names: list[int] = field(default_factory=list)  # 1: the convention counts it
    groups: list[str] = field(default_factory=list)  # corpus/document, for the folds
    corpora: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Scored:
    """One corpus's documents and articles, which the out-of-fold decisions are scored on."""

    corpus: Corpus
    docs: list[GoldDoc]
    articles: list[Article]


def _stages():
    """The full pipeline's stages up to the normal forms, with every mention kept, split
    where the confidence is scored."""
    from rusnews.stages.registry import full_stages

    stages = full_stages("all")
    names = [s.name for s in stages]
    cut, end = names.index(ScoreMentions.name), names.index("normalize") + 1
    return stages[:cut], stages[cut + 1 : end]


def _overlaps_gold(m: Mention, gold: list[tuple[str, int, int]]) -> bool:
    start, end = m.extent_span
    return any(min(end, g[2]) > max(start, g[1]) for g in gold)


def collect(
    corpora: Path, limit: int | None = None, say: Callable[[str], None] = print
) -> tuple[Examples, list[Scored]]:
    from rusnews import resources
    from rusnews.pipeline import Pipeline

    before, after = _stages()
    first = Pipeline(before)
    embedding = resources.embedding()
    examples, scored_corpora = Examples(), []
    for corpus in CORPORA:
        started = time.perf_counter()
        docs = load_gold(Path(corpora) / corpus.folder, corpus.fmt, limit)
        convention = convention_named(corpus.convention)
        articles = first.process(
            [Article(article_id=d.doc_id, text=d.text, published=d.published) for d in docs]
        )
        for doc, article in zip(docs, articles):
            gold = convention.gold(doc)
            fill_kinds(article.mentions)
            kinds = {m.kind for m in view(convention.view)(article.mentions, doc.text)}
            mentions = scored(article)
            repeats = repeats_of(mentions)
            for m in mentions:
                if m.kind not in kinds:
                    continue
                base = mention_features(m, article, repeats[m.text.casefold()])
                examples.features.append(for_convention(base, corpus.scores))
                examples.vectors.append(mention_vector(m, article, embedding))
                examples.names.append(int(_overlaps_gold(m, gold)))
                examples.groups.append(f"{corpus.folder}/{doc.doc_id}")
                examples.corpora.append(corpus.folder)
                examples.mentions.append(m)
        for stage in after:  # what the first part set, the rest reads
            articles = stage(articles)
        scored_corpora.append(Scored(corpus, docs, articles))
        say(
            f"{corpus.folder}: {len(docs)} documents, "
            f"{examples.corpora.count(corpus.folder)} mentions "
            f"in {time.perf_counter() - started:.0f} s"
        )
    return examples, scored_corpora


def matrix(examples: Examples):
    """The hashed features, then the navec columns."""
    from scipy import sparse

    n = len(examples.features)
    dense = np.stack(examples.vectors) if n else np.zeros((0, DIMENSIONS), np.float32)
    return sparse.hstack([hashed(examples.features, BITS), sparse.csr_matrix(dense)], format="csr")


def _learner():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=500)


def out_of_fold(x, y: np.ndarray, groups: np.ndarray, folds: int = FOLDS) -> np.ndarray:
    """P(name) of every example from a model fitted on the folds without its document."""
    from sklearn.model_selection import GroupKFold

    p = np.ones(len(y))
    folds = min(folds, len(np.unique(groups)))
    if folds < 2:
        return p
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        if len(np.unique(y[train])) < 2:
            continue
        p[test] = _learner().fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return p


def corpus_f1(
    scored_corpus: Scored, dropped: set[int], convention: str | None = None, metric: str = "exact"
) -> dict[str, float]:
    """F1 per label of the corpus under its convention (or another of its format), mentions
    in `dropped` left out: the decisions are the out-of-fold ones, and the training
    mentions carry no confidence for the views to read."""
    scheme = convention_named(convention or scored_corpus.corpus.convention)
    predictions = {
        a.article_id: [m for m in a.mentions if id(m) not in dropped]
        for a in scored_corpus.articles
    }
    scores, _ = score_convention(scored_corpus.docs, scheme, predictions)
    return {label: round(v["f1"] or 0.0, 4) for label, v in scores[metric].items()}


@dataclass(slots=True)
class Report:
    thresholds: dict[str, float]
    before: dict[str, dict[str, float]]  # corpus -> label -> exact F1, the rules alone
    after: dict[str, dict[str, float]]  # out of fold, at the chosen threshold
    n_examples: int
    seconds: float


def choose_thresholds(
    examples: Examples, p: np.ndarray, scored_corpora: list[Scored]
) -> tuple[dict[str, float], dict, dict]:
    thresholds, before, after = {}, {}, {}
    for sc in scored_corpora:
        name = sc.corpus.folder
        mine = [i for i, c in enumerate(examples.corpora) if c == name]
        by_threshold = {}
        for t in (NEVER, *THRESHOLDS):
            dropped = {id(examples.mentions[i]) for i in mine if p[i] < t}
            by_threshold[float(t)] = corpus_f1(sc, dropped)
        best = max(by_threshold, key=lambda t: (by_threshold[t]["micro"], -t))
        thresholds[sc.corpus.scores] = best
        before[name], after[name] = by_threshold[NEVER], by_threshold[best]
        for convention, metric in sc.corpus.also:
            line = f"{name} · {convention} · {metric}"
            dropped = {id(examples.mentions[i]) for i in mine if p[i] < best}
            before[line] = corpus_f1(sc, set(), convention, metric)
            after[line] = corpus_f1(sc, dropped, convention, metric)
    return thresholds, before, after


def fit_model(x, y: np.ndarray, thresholds: dict[str, float]) -> LinearModel:
    model = _learner().fit(x, y)
    coef = model.coef_.astype(np.float32)  # one row: the class `1`, a name
    width = 1 << BITS
    return LinearModel(
        ("name",),
        BITS,
        coef[:, :width].T.copy(),
        model.intercept_.astype(np.float32),
        coef[:, width:].T.copy(),
        0.5,
        dict(thresholds),
    )


def train_names(
    corpora: Path,
    out: Path = CONFIDENCE_MODEL,
    limit: int | None = None,
    say: Callable[[str], None] = print,
) -> Report:
    """Collect the examples, cross-validate, choose the thresholds, fit and write the model."""
    started = time.perf_counter()
    examples, scored_corpora = collect(corpora, limit, say)
    if not examples.names:
        raise ValueError(f"{corpora}: no mentions to learn from")
    x, y, groups = matrix(examples), np.array(examples.names), np.array(examples.groups)
    p = out_of_fold(x, y, groups)
    say(f"{FOLDS}-fold cross-validation by document: {time.perf_counter() - started:.0f} s")
    thresholds, before, after = choose_thresholds(examples, p, scored_corpora)
    model = fit_model(x, y, thresholds)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    report = Report(thresholds, before, after, len(y), time.perf_counter() - started)
    for line in before:
        say(
            f"{line}: micro F1 {before[line]['micro']:.4f} by the rules, "
            f"{after[line]['micro']:.4f} with the confidence (out of fold); "
            + ", ".join(
                f"{label} {before[line][label]:.4f} -> {after[line][label]:.4f}"
                for label in before[line]
                if label != "micro"
            )
        )
    say("thresholds: " + ", ".join(f"{c} {t:.2f}" for c, t in thresholds.items()))
    out.with_suffix(".json").write_text(
        json.dumps(asdict(report), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    say(f"{out}: {len(y)} mentions, {report.seconds:.0f} s")
    return report
