"""Training runs end to end on a few NEREL documents (the shipped models are not retrained)."""

from __future__ import annotations

import numpy as np
from rusnews.cli import app
from rusnews.stages.events.learned import ROLE_MODEL, TRIGGER_MODEL, read_models
from rusnews.stages.events.lexicon import event_lexicon
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.train.events import train_events
from typer.testing import CliRunner

from tests.conftest import SHARED_CORPORA, need_corpus


def test_training_on_a_few_documents_writes_models_that_load_and_score(tmp_path, pipe):
    need_corpus(SHARED_CORPORA / "nerel-train")
    fitted = train_events(SHARED_CORPORA, tmp_path, limit=4, say=lambda _: None)
    assert {TRIGGER_MODEL, ROLE_MODEL} <= set(fitted)
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


def _guards(right: bool):
    # Two rule-found triggers, two pairs each. At the first the rules name an agent (rightly);
    # at the second they name none, and the classifier is sure the first pair is the agent,
    # which it is only when `right`.
    from rusnews.stages.events.learned import LinearModel
    from rusnews.train.events import Fitted, RuleView, union_thresholds

    y = np.array(["agent", "none", "agent" if right else "none", "none"], dtype=object)
    classes = list(np.unique(y))
    oof = np.zeros((4, len(classes)))
    oof[:, classes.index("none")] = 1.0
    oof[2] = 0.0
    oof[2, classes.index("agent")] = 0.9
    model = LinearModel(tuple(classes), 4, np.zeros((16, len(classes))), np.zeros(len(classes)))
    model.threshold = 0.35
    rules = RuleView(
        np.array(["agent", "none", "none", "none"], dtype=object),
        np.array([True, True, False, False]),
        np.array([True, True, True, True]),
    )
    return union_thresholds(Fitted(model, 0.0, 0.0, oof), y, rules)


def test_a_role_is_added_beside_the_rules_only_where_it_keeps_their_precision():
    from rusnews.train.events import NEVER

    assert _guards(right=False)["agent"].threshold == NEVER
    assert _guards(right=True)["agent"].threshold < NEVER
