"""Metrics on cases small enough to count by hand."""

import pytest
from nervaluate import Evaluator
from rusnews.eval.conventions import tokenize
from rusnews.eval.metrics import (
    MICRO,
    Counts,
    score_exact,
    score_partial,
    score_tokens,
)

LABELS = ("PER", "ORG", "LOC", "DATE")
# two documents
GOLD = [[("PER", 0, 5), ("ORG", 10, 20)], [("LOC", 0, 6)]]
PRED = [[("PER", 0, 5), ("ORG", 10, 15), ("LOC", 30, 35)], []]


def f1s(scores: dict[str, Counts]) -> dict[str, float | None]:
    return {label: counts.f1 for label, counts in scores.items()}


def test_counts_are_absent_not_zero_when_nothing_was_scored() -> None:
    assert (Counts().precision, Counts().recall, Counts().f1) == (None, None, None)
    missed_all = Counts(tp=0, n_pred=0, n_gold=3)
    assert (missed_all.precision, missed_all.recall, missed_all.f1) == (None, 0.0, 0.0)


def test_exact() -> None:
    scores = score_exact(GOLD, PRED, LABELS)
    assert list(scores) == ["PER", "ORG", "LOC", MICRO]  # DATE: nothing to score
    assert f1s(scores) == {"PER": 1.0, "ORG": 0.0, "LOC": 0.0, MICRO: pytest.approx(1 / 3)}
    loc, micro = scores["LOC"], scores[MICRO]
    # the LOC predicted in document 1 cannot match the LOC of document 2
    assert (loc.tp, loc.n_pred, loc.n_gold) == (0, 1, 1)
    assert (micro.tp, micro.n_pred, micro.n_gold) == (1, 3, 3)


def test_exact_agrees_with_nervaluate_strict() -> None:
    def as_dicts(docs):
        return [[{"label": lab, "start": s, "end": e - 1} for lab, s, e in doc] for doc in docs]

    results = Evaluator(as_dicts(GOLD), as_dicts(PRED), tags=list(LABELS), loader="dict").evaluate()
    for label, counts in score_exact(GOLD, PRED, LABELS).items():
        if label != MICRO:
            assert results["entities"][label]["strict"].correct == counts.tp


def test_partial_counts_overlap_with_the_same_label() -> None:
    scores = score_partial(GOLD, PRED, LABELS)
    # ORG 10-15 overlaps gold 10-20; LOC 30-35 overlaps nothing
    assert f1s(scores) == {"PER": 1.0, "ORG": 1.0, "LOC": 0.0, MICRO: pytest.approx(2 / 3)}


def test_partial_spans_that_only_touch_do_not_overlap() -> None:
    # with exclusive ends 0-5 and 5-10 share no character
    scores = score_partial([[("PER", 0, 5)]], [[("PER", 5, 10)]], LABELS)
    assert scores["PER"].tp == 0


def test_partial_matches_one_to_one() -> None:
    scores = score_partial([[("ORG", 0, 20)]], [[("ORG", 0, 5), ("ORG", 6, 20)]], LABELS)
    assert (scores["ORG"].tp, scores["ORG"].n_pred, scores["ORG"].n_gold) == (1, 2, 1)


def test_nothing_scored() -> None:
    assert score_exact([[]], [[]], LABELS) == {}
    assert score_partial([], [], LABELS) == {}


def test_tokens() -> None:
    text = "Юрий Лужков посетил Казань."
    tokens = tokenize(text)  # Юрий, Лужков, посетил, Казань, .
    gold = [[("PER", 0, 11), ("LOC", 20, 26)]]
    # `Лужков` only; LOC over `посетил Казань`; a PER inside `Юрий` is half a token
    pred = [[("PER", 5, 11), ("LOC", 12, 26), ("PER", 0, 3)]]
    scores = score_tokens(gold, pred, [tokens], LABELS)
    per, loc, micro = scores["PER"], scores["LOC"], scores[MICRO]
    assert (per.tp, per.n_pred, per.n_gold) == (1, 1, 2)
    assert (loc.tp, loc.n_pred, loc.n_gold) == (1, 2, 1)
    assert per.f1 == loc.f1 == micro.f1 == pytest.approx(2 / 3)
