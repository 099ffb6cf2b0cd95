"""Training runs end to end on a few NEREL documents (the shipped models are not retrained)."""

from __future__ import annotations

import numpy as np
from rusnews.cli import app
from rusnews.stages.events.learned import ROLE_MODELS, TRIGGER_MODEL, read_models
from rusnews.stages.events.lexicon import event_lexicon
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.train.events import train_events
from typer.testing import CliRunner

from tests.conftest import SHARED_CORPORA, need_corpus


def test_training_on_a_few_documents_writes_models_that_load_and_score(tmp_path, pipe):
    need_corpus(SHARED_CORPORA / "nerel-train")
    fitted = train_events(SHARED_CORPORA, tmp_path, limit=4, say=lambda _: None)
    assert {TRIGGER_MODEL, *ROLE_MODELS.values()} <= set(fitted)
    from rusnews import resources

    models = read_models(tmp_path, event_lexicon(), resources.embedding())
    assert models.detector is not None and models.roles is not None
    assert "none" in models.roles.model.classes
    article = pipe("Пожар на складе в Новосибирске произошёл 12 марта.")
    tree = Tree(article.sentences[0], 0, sentence_mentions(article)[0])
    p = np.array(list(models.detector.probabilities(tree).values()))
    assert p.size and np.all((p >= 0) & (p <= 1))


def test_train_command_says_where_the_corpus_is_missing(tmp_path):
    result = CliRunner().invoke(app, ["train", "events", "--corpora", str(tmp_path)])
    assert result.exit_code == 2
    assert "nerel-train" in result.output and "--corpora" in result.output


def test_each_role_gets_the_threshold_of_its_best_out_of_fold_f1():
    # Four pairs the classifier tops with `agent`: the two surest are agents, the two others
    # not, so only a threshold above their probabilities keeps agent F1 at 1.
    from rusnews.stages.events.learned import LinearModel
    from rusnews.train.events import Fitted, role_thresholds

    y = np.array(["agent", "agent", "none", "none", "none"], dtype=object)
    classes = list(np.unique(y))
    oof = np.zeros((5, len(classes)))
    oof[:, classes.index("agent")] = [0.9, 0.8, 0.4, 0.3, 0.0]
    oof[:, classes.index("none")] = 1 - oof[:, classes.index("agent")]
    model = LinearModel(tuple(classes), 4, np.zeros((16, len(classes))), np.zeros(len(classes)))
    rules = np.array(["agent", "none", "agent", "none", "none"], dtype=object)
    chosen = role_thresholds(Fitted(model, 0.0, 0.0, oof), y, rules)
    assert 0.4 < chosen["agent"].threshold <= 0.8
    assert chosen["agent"].f1 == 1.0
    assert chosen["agent"].rules_f1 == 0.5
