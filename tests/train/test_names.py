"""`rusnews train names` runs end to end on a few documents of each corpus (the shipped model
is not retrained)."""

from __future__ import annotations

import json

from rusnews.linear import LinearModel
from rusnews.stages.mentions.confidence import ScoreMentions
from rusnews.train.names import CORPORA, train_names
from rusnews.views import CONVENTIONS

from tests.conftest import SHARED_CORPORA, need_corpus


def test_training_on_a_few_documents_writes_a_model_that_scores(tmp_path, pipe):
    for corpus in CORPORA:
        need_corpus(SHARED_CORPORA / corpus.folder)
    out = tmp_path / "confidence.npz"
    report = train_names(SHARED_CORPORA, out, limit=3, say=lambda _: None)
    # One threshold per convention, each from its corpus's out-of-fold figures.
    assert set(report.thresholds) == set(CONVENTIONS)
    assert {c.folder for c in CORPORA} <= set(report.before) == set(report.after)
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["n_examples"] > 0
    model = LinearModel.load(out)
    assert model.thresholds == report.thresholds
    article = pipe("Владимир Путин прибыл в Казань.")
    for m in article.mentions:
        m.confidence.clear()
    ScoreMentions(model)([article])
    names = [m for m in article.mentions if m.label != "DATE"]
    assert names and all(set(m.confidence) == set(CONVENTIONS) for m in names)
    assert all(0.0 < p < 1.0 for m in names for p in m.confidence.values())
