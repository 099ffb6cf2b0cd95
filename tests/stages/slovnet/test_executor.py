"""The channels-last executor computes slovnet's own scores and makes slovnet's decisions.

Scores are compared within a float tolerance and decisions by agreement, not
for equality: both executors sum float32 products through BLAS, whose kernels
differ between CPU kinds (OpenBLAS picks one at run time), so a near-tie in a
score can fall either way. With OpenBLAS's Haswell kernel 4 of the 10,831
syntax heads below flip on factRuEval dev; `OPENBLAS_CORETYPE=Haswell` reruns
this file under that kernel on any x86 machine with AVX2 (.ci/run does).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from rusnews import resources
from rusnews.io.readers import read_folder
from rusnews.model import Article
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet.batching import map_sorted
from rusnews.stages.slovnet.executor import MorphNet, NerNet, Net, SyntaxNet, groups, viterbi

from tests.conftest import SAMPLE, SHARED_CORPORA, need_corpus

# Measured on the words below, the largest difference of any score from
# slovnet's, over the largest score of its batch, was 5e-6 across four OpenBLAS
# kernels (SkylakeX, Haswell, Zen, Sandybridge): the tolerance leaves 20 times that.
SCORE_TOLERANCE = 1e-4
# The least share of words whose tag, features, head and relation, or BIO tag
# is slovnet's; what flips is a near-tie (at worst 4 of 10,831 words, 0.04%).
AGREEMENT = 0.999


def sentences_of(folder: Path, limit: int | None = None) -> list[list[str]]:
    articles = [item for item in read_folder(folder) if isinstance(item, Article)][:limit]
    return [
        [tok.text for tok in sent.tokens]
        for article in Segment()(articles)
        for sent in article.sentences
    ]


def words_of(corpus: str) -> list[list[str]]:
    if corpus == "sample":
        return sentences_of(SAMPLE)
    need_corpus(SHARED_CORPORA / corpus)
    return sentences_of(SHARED_CORPORA / corpus, limit=40)


def slovnet_morph(words: list[list[str]]) -> list[list[tuple[str, dict[str, str]]]]:
    markups = map_sorted(words, lambda chunk: resources.morph_tagger().map(chunk), len)
    return [[(tok.pos, dict(tok.feats)) for tok in markup.tokens] for markup in markups]


def slovnet_syntax(words: list[list[str]]) -> list[list[tuple[int, str]]]:
    markups = map_sorted(words, lambda chunk: resources.syntax_parser().map(chunk), len)
    return [[(int(tok.head_id), tok.rel) for tok in markup.tokens] for markup in markups]


def slovnet_ner(words: list[list[str]]) -> list[list[str]]:
    infer = resources.ner_tagger().infer
    return map_sorted(words, lambda chunk: infer.decoder(infer.process(infer.encoder(chunk))), len)


def agreement(ours: Sequence[Sequence[object]], theirs: Sequence[Sequence[object]]) -> float:
    """Share of words with the same decision; both sides must decide every word."""
    assert [len(item) for item in ours] == [len(item) for item in theirs]
    total = sum(len(item) for item in theirs)
    same = sum(a == b for mine, its in zip(ours, theirs) for a, b in zip(mine, its))
    return same / total


def score_pairs(
    model: Net, words: list[list[str]]
) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """(what, ours, slovnet's) for every score a decision is taken from, batch by batch.

    Both executors get the same batch, so only the arithmetic differs; the heads
    are slovnet's own code, fed once our encoding and once slovnet's.
    """
    net = model.model
    for word_id, shape_id, pad_mask, _ in model.batches(words):
        ours = model.encode(word_id, shape_id, pad_mask)
        theirs = net.encoder(net.emb(word_id, shape_id), pad_mask)
        yield "encoding", ours, theirs
        if isinstance(model, SyntaxNet):
            head_scores = net.head(theirs)
            yield "head scores", net.head(ours), head_scores
            heads = net.head.decode(head_scores, ~pad_mask)
            yield "relation scores", net.rel(ours, heads), net.rel(theirs, heads)
        else:
            yield "tag scores", net.head(ours), net.head(theirs)


def assert_close_scores(model: Net, words: list[list[str]]) -> None:
    for what, ours, theirs in score_pairs(model, words):
        scale = float(np.abs(theirs).max(initial=0.0))
        np.testing.assert_allclose(
            ours,
            theirs,
            rtol=0,
            atol=SCORE_TOLERANCE * scale,
            err_msg=f"{type(model).__name__} {what}",
        )


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["sample", "factru-dev", "nerel-dev"])
def test_scores_are_slovnets_within_float_tolerance(corpus):
    words = words_of(corpus)
    for model in (
        NerNet(resources.ner_tagger()),
        MorphNet(resources.morph_tagger()),
        SyntaxNet(resources.syntax_parser()),
    ):
        assert_close_scores(model, words)


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["sample", "factru-dev", "nerel-dev"])
def test_decisions_agree_with_slovnets(corpus):
    words = words_of(corpus)
    assert sum(map(len, words)) > 1000
    morph = map_sorted(words, MorphNet(resources.morph_tagger()), len)
    syntax = map_sorted(words, SyntaxNet(resources.syntax_parser()), len)
    ner = map_sorted(words, NerNet(resources.ner_tagger()), len)
    assert agreement(morph, slovnet_morph(words)) >= AGREEMENT
    assert agreement(syntax, slovnet_syntax(words)) >= AGREEMENT
    assert agreement(ner, slovnet_ner(words)) >= AGREEMENT


def test_agreement_counts_words_not_items():
    assert agreement([["a", "b"], ["c"]], [["a", "x"], ["c"]]) == pytest.approx(2 / 3)


def test_empty_items_and_one_word_items():
    words = [[], ["Москва"], ["Путин", "приехал", "в", "Казань", "."], []]
    assert [len(tags) for tags in NerNet(resources.ner_tagger())(words)] == [0, 1, 5, 0]
    assert list(MorphNet(resources.morph_tagger())(words))[1][0][0] == "PROPN"
    assert [head for head, _ in list(SyntaxNet(resources.syntax_parser())(words))[2]] == [
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
    assert list(NerNet(resources.ner_tagger())([[], []])) == [[], []]


def test_the_three_models_share_one_word_id_table():
    ner, morph = NerNet(resources.ner_tagger()), MorphNet(resources.morph_tagger())
    assert ner.ids is morph.ids is SyntaxNet(resources.syntax_parser()).ids
    list(ner([["Лавров", "прилетел"]]))
    assert morph.ids["Лавров"] == morph.word_ids("Лавров")


def test_embedding_equals_slovnets():
    model = NerNet(resources.ner_tagger())
    [(word_id, shape_id, _, _)] = model.batches([["В", "Кремле", "заявили", "!"], ["NASA", "2024"]])
    assert np.array_equal(model.embed(word_id, shape_id), model.model.emb(word_id, shape_id))
