"""Cross-document identity against Wikidata links (rusnews.eval.identity)."""

from __future__ import annotations

import pytest
from rusnews.eval.identity import cross_pairs, pairwise, parse_links

from tests.conftest import SHARED_CORPORA, need_corpus


def test_parse_links_keeps_items_and_leaves_null_out() -> None:
    lines = [
        "T5\tCOUNTRY 0 8\tКиргизия",
        "N1\tReference T5 Wikidata:Q813\tКиргизия",
        "N2\tReference T7 Wikidata:NULL\tпресс-служба",
        "R1\tWORKS_AS Arg1:T2 Arg2:T14",
    ]
    assert list(parse_links(lines)) == [("T5", "Q813")]


def test_only_pairs_across_documents_count() -> None:
    # Three mentions of one thing, two of them in document a: 2 pairs across documents.
    assert cross_pairs([("a", "Q1"), ("a", "Q1"), ("b", "Q1")]) == 2
    assert cross_pairs([("a", "Q1"), ("a", "Q1")]) == 0


def test_pairwise_scores() -> None:
    rows = [
        ("a", "Q1", 1),
        ("b", "Q1", 1),  # right
        ("c", "Q1", 2),  # missed: 2 gold pairs lost
        ("d", "Q2", 1),  # wrong: joined to Q1's cluster, 2 wrong pairs
    ]
    scores = pairwise(rows)
    assert (scores["gold_pairs"], scores["predicted_pairs"], scores["right_pairs"]) == (3, 3, 1)
    assert scores["precision"] == pytest.approx(1 / 3) and scores["recall"] == pytest.approx(1 / 3)
    assert pairwise([("a", "Q1", None), ("b", "Q1", None)])["precision"] is None


@pytest.mark.slow
def test_corpus_entities_beat_keys_on_nerel_dev(pipe) -> None:
    from rusnews.eval.evaluate import load_gold
    from rusnews.eval.identity import score_identity
    from rusnews.model import Article

    gold = SHARED_CORPORA / "nerel-dev"
    need_corpus(gold)
    docs = load_gold(gold, "brat")
    articles = pipe.process([Article(doc.doc_id, doc.text) for doc in docs])
    scores = score_identity(gold, docs, articles)
    assert scores["matched"] > 1500
    assert scores["corpus_entity_id"]["f1"] >= 0.85
    assert scores["corpus_entity_id"]["f1"] > scores["key"]["f1"] + 0.05
