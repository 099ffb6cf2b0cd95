"""The channels-last executor gives slovnet's own tags, parses and NER spans, word for word."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from rusnews import resources
from rusnews.io.readers import read_folder
from rusnews.model import Article
from rusnews.stages.batching import map_sorted
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet_exec import NER, Morph, Syntax, groups, viterbi

from tests.conftest import SAMPLE, SHARED_CORPORA, need_corpus


def sentences_of(folder: Path, limit: int | None = None) -> list[list[str]]:
    articles = [item for item in read_folder(folder) if isinstance(item, Article)][:limit]
    return [
        [tok.text for tok in sent.tokens]
        for article in Segment()(articles)
        for sent in article.sentences
    ]


def slovnet_morph(words: list[list[str]]) -> list[list[tuple[str, dict[str, str]]]]:
    markups = map_sorted(words, lambda chunk: resources.morph_tagger().map(chunk), len)
    return [[(tok.pos, dict(tok.feats)) for tok in markup.tokens] for markup in markups]


def slovnet_syntax(words: list[list[str]]) -> list[list[tuple[int, str]]]:
    markups = map_sorted(words, lambda chunk: resources.syntax_parser().map(chunk), len)
    return [[(int(tok.head_id), tok.rel) for tok in markup.tokens] for markup in markups]


def slovnet_ner(words: list[list[str]]) -> list[list[str]]:
    infer = resources.ner_tagger().infer
    return map_sorted(words, lambda chunk: infer.decoder(infer.process(infer.encoder(chunk))), len)


def check_same(words: list[list[str]]) -> None:
    assert map_sorted(words, Morph(resources.morph_tagger()), len) == slovnet_morph(words)
    assert map_sorted(words, Syntax(resources.syntax_parser()), len) == slovnet_syntax(words)
    assert map_sorted(words, NER(resources.ner_tagger()), len) == slovnet_ner(words)


def test_same_outputs_as_slovnet_on_the_sample_corpus():
    words = sentences_of(SAMPLE)
    assert sum(map(len, words)) > 1000
    check_same(words)


@pytest.mark.parametrize("corpus", ["factru-dev", "nerel-dev"])
def test_same_outputs_as_slovnet_on_dev_corpora(corpus):
    need_corpus(SHARED_CORPORA / corpus)
    check_same(sentences_of(SHARED_CORPORA / corpus, limit=40))


def test_empty_items_and_one_word_items():
    words = [[], ["Москва"], ["Путин", "приехал", "в", "Казань", "."], []]
    assert [len(tags) for tags in NER(resources.ner_tagger())(words)] == [0, 1, 5, 0]
    assert list(Morph(resources.morph_tagger())(words))[1][0][0] == "PROPN"
    assert [head for head, _ in list(Syntax(resources.syntax_parser())(words))[2]] == [
        2,
        0,
        4,
        2,
        2,
    ]


def test_viterbi_takes_the_transitions_into_account():
    # Tag 1 wins every position on emissions alone, but 1 -> 1 is forbidden.
    emissions = np.array([[[0.0, 1.0], [0.0, 1.0], [0.0, 1.0]]], dtype=np.float32)
    transitions = np.array([[0.0, 0.0], [0.0, -10.0]], dtype=np.float32)
    [path] = viterbi(emissions, transitions, np.array([3]))
    assert path.tolist() == [1, 0, 1]


def test_viterbi_stops_each_sequence_at_its_length():
    emissions = np.array(
        [[[0.0, 1.0], [5.0, 0.0], [5.0, 0.0]], [[0.0, 1.0], [0.0, 0.0], [0.0, 0.0]]],
        dtype=np.float32,
    )
    transitions = np.zeros((2, 2), dtype=np.float32)
    paths = viterbi(emissions, transitions, np.array([3, 1]))
    assert [p.tolist() for p in paths] == [[1, 0, 0], [1]]


def test_batches_group_items_of_similar_length_within_a_cell_budget():
    assert list(groups([3, 3, 4, 10, 11, 40], spread=1.1, max_cells=4096)) == [
        (0, 3),
        (3, 5),
        (5, 6),
    ]
    assert list(groups([5] * 10, max_cells=20)) == [(0, 4), (4, 8), (8, 10)]
    assert list(groups([0, 0, 1])) == [(0, 3)]
    assert list(groups([])) == []


def test_items_without_words_get_no_tags():
    assert list(NER(resources.ner_tagger())([[], []])) == [[], []]


def test_the_three_models_share_one_word_id_table():
    ner, morph = NER(resources.ner_tagger()), Morph(resources.morph_tagger())
    assert ner.ids is morph.ids is Syntax(resources.syntax_parser()).ids
    list(ner([["Лавров", "прилетел"]]))
    assert morph.ids["Лавров"] == morph.word_ids("Лавров")


def test_embedding_equals_slovnets():
    model = NER(resources.ner_tagger())
    [(word_id, shape_id, _, _)] = model.batches([["В", "Кремле", "заявили", "!"], ["NASA", "2024"]])
    assert np.array_equal(model.embed(word_id, shape_id), model.model.emb(word_id, shape_id))
