"""Precision, recall and F1 per type and micro-averaged, three ways.

- `exact`: a prediction counts when its `(label, start, end)` equals a gold
  span's (spaCy's scorer, nervaluate's `strict`).
- `partial`: a prediction counts when it overlaps a gold span of the same
  label, each gold span matched at most once (nervaluate's `ent_type`, full
  credit; its SemEval `partial` ignores labels and gives half credit).
- `token`: every razdel token is labelled with the type of the spans covering
  it, and tokens are counted (Naeval; its published Russian NER tables are
  this metric). As in Naeval, spans that do not start and end on token
  boundaries are left out on both sides: a token cannot be half a name.

Micro-averages pool the per-type counts. A rate with nothing to divide by is
None, never 0: a type absent from both gold and predictions is not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nervaluate import Evaluator
from rusnews.eval.conventions import Bounds, Span, drop_misaligned

EXACT = "exact"
PARTIAL = "partial"
TOKEN = "token"
METRICS = (EXACT, PARTIAL, TOKEN)
MICRO = "micro"


@dataclass(slots=True)
class Counts:
    """Matched predictions and gold, and how many there were of each."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold

    @property
    def precision(self) -> float | None:
        return self.tp / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        if not (self.n_pred or self.n_gold):
            return None
        if not self.tp:
            return 0.0
        # tp > 0 implies both rates exist.
        precision, recall = self.tp / self.n_pred, self.tp / self.n_gold
        return 2 * precision * recall / (precision + recall)

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
        }


Scores = dict[str, Counts]  # label (and MICRO) -> counts


def with_micro(per_type: dict[str, Counts], labels: Sequence[str]) -> Scores:
    """Keep the labels that were scored, in `labels` order, then the micro total."""
    scores: Scores = {label: per_type[label] for label in labels if label in per_type}
    scores = {label: counts for label, counts in scores.items() if counts.n_pred or counts.n_gold}
    if scores:
        total = Counts()
        for counts in scores.values():
            total.add(counts)
        scores[MICRO] = total
    return scores


def score_exact(
    gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]], labels: Sequence[str]
) -> Scores:
    """Set arithmetic on `(label, start, end)`, document by document."""
    per_type = {label: Counts() for label in labels}
    for gold_doc, pred_doc in zip(gold, pred, strict=True):
        gold_set, pred_set = set(gold_doc), set(pred_doc)
        for label in labels:
            gold_label = {span for span in gold_set if span[0] == label}
            pred_label = {span for span in pred_set if span[0] == label}
            counts = per_type[label]
            counts.tp += len(gold_label & pred_label)
            counts.n_pred += len(pred_label)
            counts.n_gold += len(gold_label)
    return with_micro(per_type, labels)


def _nervaluate_docs(docs: Sequence[Sequence[Span]]) -> list[list[dict[str, object]]]:
    # nervaluate compares inclusive ends (`pred.end < true.start`): with our
    # exclusive ends, spans that only touch would count as overlapping.
    return [
        [{"label": label, "start": start, "end": end - 1} for label, start, end in sorted(set(doc))]
        for doc in docs
    ]


def score_partial(
    gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]], labels: Sequence[str]
) -> Scores:
    """Overlap with a gold span of the same label, one-to-one (nervaluate `ent_type`)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predicted")
    per_type: dict[str, Counts] = {}
    if not gold:
        return per_type
    results = Evaluator(
        _nervaluate_docs(gold), _nervaluate_docs(pred), tags=list(labels), loader="dict"
    ).evaluate()
    for label, by_strategy in results["entities"].items():
        result = by_strategy["ent_type"]
        # Within one label `incorrect` cannot occur, and `actual`/`possible`
        # are the prediction and gold counts.
        per_type[label] = Counts(tp=result.correct, n_pred=result.actual, n_gold=result.possible)
    return with_micro(per_type, labels)


def covered_tokens(spans: Sequence[Span], tokens: Sequence[Bounds], label: str) -> set[int]:
    """Indices of tokens overlapping a span of `label` (for spans aligned with
    tokens: the tokens inside it, Naeval's IO tagging)."""
    covered: set[int] = set()
    bounds = sorted((start, end) for span_label, start, end in spans if span_label == label)
    if not bounds:
        return covered
    index = 0
    for start, end in bounds:
        # Tokens are sorted and do not overlap: skip those ending before the span.
        while index < len(tokens) and tokens[index][1] <= start:
            index += 1
        probe = index
        while probe < len(tokens) and tokens[probe][0] < end:
            covered.add(probe)
            probe += 1
    return covered


def score_tokens(
    gold: Sequence[Sequence[Span]],
    pred: Sequence[Sequence[Span]],
    tokens: Sequence[Sequence[Bounds]],
    labels: Sequence[str],
) -> Scores:
    """Token-level (Naeval) counts: tokens, not spans, are the units."""
    per_type = {label: Counts() for label in labels}
    for gold_doc, pred_doc, doc_tokens in zip(gold, pred, tokens, strict=True):
        gold_doc = drop_misaligned(gold_doc, doc_tokens)
        pred_doc = drop_misaligned(pred_doc, doc_tokens)
        for label in labels:
            gold_tokens = covered_tokens(gold_doc, doc_tokens, label)
            pred_tokens = covered_tokens(pred_doc, doc_tokens, label)
            counts = per_type[label]
            counts.tp += len(gold_tokens & pred_tokens)
            counts.n_pred += len(pred_tokens)
            counts.n_gold += len(gold_tokens)
    return with_micro(per_type, labels)


def score_all(
    gold: Sequence[Sequence[Span]],
    pred: Sequence[Sequence[Span]],
    tokens: Sequence[Sequence[Bounds]],
    labels: Sequence[str],
) -> dict[str, Scores]:
    return {
        EXACT: score_exact(gold, pred, labels),
        PARTIAL: score_partial(gold, pred, labels),
        TOKEN: score_tokens(gold, pred, tokens, labels),
    }


def scores_as_dict(scores: Scores) -> dict[str, dict[str, float | int | None]]:
    return {label: counts.as_dict() for label, counts in scores.items()}
