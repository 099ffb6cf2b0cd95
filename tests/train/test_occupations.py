"""Training the occupation models: NEREL's relations read the right way round, and a run on a
few documents that writes models the run time loads (the shipped models are not retrained)."""

from __future__ import annotations

from rusnews.stages.events.learned import NONE
from rusnews.stages.events.lexicon import event_lexicon
from rusnews.stages.events.occupation_classifier import (
    OCCUPATION_MODEL,
    PERSON_ROLE,
    POSITION_MODEL,
    WORKPLACE_ROLE,
    read_occupation_models,
)
from rusnews.stages.events.tree import Tree, sentence_mentions
from rusnews.train.occupations import read_nerel_occupations, train_occupations

from tests.conftest import SHARED_CORPORA, need_corpus

TEXT = "Мэр Казани Иван Петров и его помощник Олег Смирнов из Татарстана."
ANN = """T1\tPROFESSION 0 3\tМэр
T2\tCITY 4 10\tКазани
T3\tPERSON 11 22\tИван Петров
T4\tPROFESSION 29 37\tпомощник
T5\tPERSON 38 50\tОлег Смирнов
T6\tSTATE_OR_PROVINCE 53 63\tТатарстана
R1\tWORKS_AS Arg1:T3 Arg2:T1
R2\tWORKPLACE Arg1:T1 Arg2:T2
R3\tWORKS_AS Arg1:T5 Arg2:T4
R4\tWORKPLACE Arg1:T5 Arg2:T6
"""


def test_works_as_and_workplace_are_read_from_the_profession_and_from_the_person(tmp_path):
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "doc.ann").write_text(ANN, encoding="utf-8")
    (gold,) = read_nerel_occupations(tmp_path)
    assert gold.people == {"T1": [((11, 22),)], "T4": [((38, 50),)]}
    # A WORKPLACE from a person belongs to every profession that person works as.
    assert gold.workplaces == {"T1": [((4, 10),)], "T4": [((53, 63),)]}


def test_training_on_a_few_documents_writes_models_that_load_and_score(tmp_path, pipe):
    folder = SHARED_CORPORA / "nerel-train"
    need_corpus(folder)
    from rusnews import resources
    from rusnews.train.examples import process, read_nerel

    articles = process(read_nerel(folder, limit=5))
    golds = read_nerel_occupations(folder, limit=5)
    lex = event_lexicon()
    fitted = train_occupations(
        articles, golds, lex, resources.embedding(), tmp_path, say=lambda _: None
    )
    assert set(fitted) == {POSITION_MODEL, OCCUPATION_MODEL}
    models = read_occupation_models(tmp_path, resources.embedding())
    assert models is not None
    assert set(models.classifier.model.classes) == {NONE, PERSON_ROLE, WORKPLACE_ROLE}
    article = pipe("Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.")
    tree = Tree(article.sentences[0], 0, sentence_mentions(article)[0])
    probability = models.detector.probability(tree, 0, lex)
    assert 0 <= probability <= 1
    for _, _, p in models.classifier.roles(tree, 0, lex):
        assert 0 <= p <= 1
