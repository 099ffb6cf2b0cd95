"""The learned confidence: every name gets one probability per convention, and each
convention's view leaves out what its model doubts."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from rusnews.model import DATE
from rusnews.rows import mention_rows
from rusnews.stages.mentions.confidence import (
    ScoreMentions,
    confidence_model,
    for_convention,
    mention_features,
    mention_vector,
    repeats_of,
    scored,
)
from rusnews.views import CONVENTIONS, confidence_thresholds, view

TEXT = "Президент России Владимир Путин 12 марта провёл в Кремле встречу с главой «Газпрома»."


@pytest.fixture(scope="module")
def article(pipe):
    if confidence_model() is None:
        pytest.skip("no models/mentions/mention_confidence.npz: run `rusnews train names`")
    return pipe(TEXT)


def test_every_name_has_a_probability_for_each_convention(article) -> None:
    names = [m for m in article.mentions if m.label != DATE]
    assert {m.text for m in names} >= {"России", "Владимир Путин", "Газпрома"}
    for m in names:
        assert set(m.confidence) == set(CONVENTIONS)
        assert all(0.0 < p < 1.0 for p in m.confidence.values())
    # A full name with its first name is a name to every convention.
    putin = next(m for m in names if m.text == "Владимир Путин")
    assert all(p >= confidence_thresholds()[c] for c, p in putin.confidence.items())
    assert all(not m.confidence for m in article.mentions if m.label == DATE)


def test_the_table_holds_the_probabilities(article) -> None:
    row = next(r for r in mention_rows(article) if r["text"] == "Владимир Путин")
    assert all(0.0 < row[f"confidence_{c}"] < 1.0 for c in CONVENTIONS)
    date = next(r for r in mention_rows(article) if r["label"] == DATE)
    assert all(date[f"confidence_{c}"] is None for c in CONVENTIONS)


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_a_view_leaves_out_a_name_its_convention_doubts(article, convention) -> None:
    putin = next(m for m in article.mentions if m.text == "Владимир Путин")
    threshold = confidence_thresholds()[convention]
    doubted = replace(putin, confidence={**putin.confidence, convention: threshold / 2})
    assert putin in view(convention)(article.mentions, TEXT)
    assert doubted not in view(convention)([doubted], TEXT)
    # A mention nobody scored (a run made without the model) is kept.
    assert view(convention)([replace(putin, confidence={})], TEXT)


def test_the_stage_scores_as_the_trained_model_reads_its_features(article, pipe) -> None:
    # The stage gathers every convention's weights at once; training reads each
    # convention's features as one list (`for_convention`): the two must agree.
    model = confidence_model()
    stage = next(s for s in pipe.stages if isinstance(s, ScoreMentions))
    names = scored(article)
    repeats = repeats_of(names)
    for m in names:
        base = mention_features(m, article, repeats[m.text.casefold()])
        vector = mention_vector(m, article, stage.embedding)
        for convention in CONVENTIONS:
            z = model.raw(for_convention(base, convention))[0] + model.bias[0]
            z += vector @ model.dense[:, 0]
            assert m.confidence[convention] == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-6)
