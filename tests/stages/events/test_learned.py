"""The learned trigger detector and role classifier, with the shipped models, beside the rules."""

from __future__ import annotations

import numpy as np
import pytest
from rusnews.model import Mention
from rusnews.pipeline import Pipeline, default_stages
from rusnews.stages.events.learned import (
    OTHER,
    LinearModel,
    arbitrate,
    detector_frame,
    read_models,
    settled,
)
from rusnews.stages.events.lexicon import AGENT, PARTICIPANT, event_lexicon
from rusnews.stages.events.roles import Found, collect_arguments
from rusnews.stages.events.sentences import RecordSentences
from rusnews.stages.events.stage import ExtractEvents
from rusnews.stages.events.tree import Tree, sentence_mentions


@pytest.fixture(scope="module")
def rules_only():
    return Pipeline(
        [
            ExtractEvents(learned=False) if isinstance(s, ExtractEvents) else s
            for s in default_stages()
        ]
    )


# Trigger words triggers.tsv does not list: only the detector can find them.
UNLISTED = [
    ("В Казани 3 мая прошла премьера фильма Андрея Звягинцева.", "премьера", "location", "Казань"),
    ("Пожар на складе в Новосибирске произошёл 12 марта.", "Пожар", "location", "Новосибирск"),
    ("Эвакуация жителей Херсона началась 10 ноября.", "Эвакуация", "time", "2025-11-10"),
    ("Мэр Москвы Сергей Собянин открыл станцию метро 5 июня.", "открыл", "agent", "Сергей Собянин"),
]


@pytest.mark.parametrize(("text", "trigger", "role", "name"), UNLISTED)
def test_detector_finds_triggers_the_lexicon_does_not_list(
    pipe, rules_only, text, trigger, role, name
):
    events = [e for e in pipe(text, published="2025-12-03").events if e.trigger == trigger]
    assert len(events) == 1
    event = events[0]
    assert (event.event_type, event.cameo_root) == (OTHER, None)
    assert (role, name) in {(a.role, a.name) for a in event.arguments}
    assert trigger not in {e.trigger for e in rules_only(text, published="2025-12-03").events}


def test_detector_makes_the_syntax_stage_parse_a_sentence_without_lexicon_words(pipe):
    article = pipe("Пожар на складе в Новосибирске произошёл 12 марта.")
    assert all(t.head is not None for t in article.sentences[0].tokens)


def test_under_the_names_profile_the_rules_roles_stand(pipe):
    article = pipe("Владимир Путин встретился с Си Цзиньпином.")
    meeting = next(e for e in article.events if e.event_type == "MEETING")
    assert {(a.role, a.name) for a in meeting.arguments} >= {
        ("agent", "Владимир Путин"),
        ("participant", "Си Цзиньпин"),
    }


def test_under_the_names_profile_the_classifier_confirms_the_rules_agent(pipe):
    # The subject rule calls the subject of `впасть (в кому)` an agent; the classifier, which
    # reads that among its features, gives him the participant NEREL does.
    text = "Дмитрий Быков впал в кому в уфимской больнице."

    def roles(events):
        return {(a.role, a.name) for e in events if e.trigger == "впал" for a in e.arguments}

    article = pipe(text)
    tree = Tree(article.sentences[0], 0, sentence_mentions(article)[0])
    lex = event_lexicon()
    frame = detector_frame(
        tree, next(i for i, t in enumerate(tree.tokens) if t.text == "впал"), lex
    )
    assert {(x.role, x.mention.text) for x in collect_arguments(tree, frame, lex)} == {
        (AGENT, "Дмитрий Быков")
    }
    assert roles(article.events) >= {(PARTICIPANT, "Дмитрий Быков")}
    assert (AGENT, "Дмитрий Быков") not in roles(article.events)


def _found(role, start, end, label="PER"):
    return Found(role, Mention(start, end, "x" * (end - start), label), "subject")


def test_the_rules_agent_takes_the_classifiers_role_or_is_left_out():
    agent, other = _found(AGENT, 0, 5), _found(PARTICIPANT, 10, 15)
    rules = [agent, other]
    confirmed = arbitrate(rules, [(AGENT, agent.mention, 0.9)], "names")
    assert [(x.role, x.rule) for x in confirmed] == [(AGENT, "subject"), (PARTICIPANT, "subject")]
    replaced = arbitrate(rules, [(PARTICIPANT, agent.mention, 0.7)], "names")
    assert [(x.role, x.mention.start) for x in replaced] == [(PARTICIPANT, 0), (PARTICIPANT, 10)]
    assert [x.mention.start for x in arbitrate(rules, [], "names")] == [10]
    # A trigger the lexicon types keeps its subject's agent unless the classifier gives none.
    typed = arbitrate(rules, [(PARTICIPANT, agent.mention, 0.7)], "names", "VISIT")
    assert [(x.role, x.rule) for x in typed] == [(AGENT, "subject"), (PARTICIPANT, "subject")]
    assert [x.mention.start for x in arbitrate(rules, [], "names", "VISIT")] == [10]
    # Statements are the rules' alone.
    assert arbitrate(rules, [], "names", "STATEMENT") == rules
    assert settled(rules, "names", "STATEMENT") == {(0, 5), (10, 15)}
    # The rules' other roles are not asked about; their agents are.
    assert settled(rules, "names") == {(10, 15)} and settled(rules, "nerel") == set()


def test_a_second_agent_is_added_only_when_the_rules_agent_is_not_confirmed():
    agent, unnamed = _found(AGENT, 0, 5), _found(AGENT, 20, 25)
    guess = [(AGENT, unnamed.mention, 0.8)]
    assert [x.mention.start for x in arbitrate([agent], guess + [(AGENT, agent.mention, 0.9)])] == [
        0
    ]
    assert [(x.role, x.mention.start) for x in arbitrate([agent], guess)] == [(AGENT, 20)]


def test_a_saved_model_scores_as_before(tmp_path):
    rng = np.random.default_rng(0)
    weights = np.zeros((1 << 8, 2), np.float32)
    weights[rng.integers(0, 256, 20)] = rng.normal(size=(20, 2))
    model = LinearModel(("agent", "none"), 8, weights, np.array([0.1, -0.2], np.float32))
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    features = ["lemma=визит", "pos=NOUN", "path=nsubj^|"]
    assert loaded.classes == model.classes
    assert np.allclose(loaded.raw(features), model.raw(features))


def test_a_class_threshold_survives_saving_and_the_others_keep_the_common_one(tmp_path):
    weights = np.zeros((1 << 4, 2), np.float32)
    model = LinearModel(("agent", "none"), 4, weights, np.zeros(2, np.float32), threshold=0.35)
    model.thresholds = {"agent": 0.6}
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert (loaded.threshold_of("agent"), loaded.threshold_of("time")) == (0.6, 0.35)


def test_no_model_files_leave_the_events_to_the_rules(tmp_path):
    models = read_models(tmp_path, event_lexicon(), embedding=None)
    assert (models.detector, models.roles) == (None, None)


def test_the_sentence_filter_asks_the_detector_only_when_learned(pipe):
    article = pipe("Пожар на складе в Новосибирске произошёл 12 марта.")
    sentence = article.sentences[0]
    assert RecordSentences()(article, sentence)
    assert not RecordSentences(learned=False)(article, sentence)


def test_each_profile_reads_roles_with_its_own_model():
    from rusnews.stages.events.learned import learned_events
    from rusnews.stages.registry import full_stages

    events = next(s for s in full_stages("nerel") if isinstance(s, ExtractEvents))
    assert events.profile == "nerel"
    names, nerel = learned_events("names"), learned_events("nerel")
    assert names.detector is not None and nerel.roles is not None
    assert not np.array_equal(names.roles.model.weights, nerel.roles.model.weights)
