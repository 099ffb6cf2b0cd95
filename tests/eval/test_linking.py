"""The Wikidata linking score: set arithmetic over NEREL's linked spans."""

from __future__ import annotations

import pytest
from rusnews.eval.gold import GoldDoc, GoldSpan
from rusnews.eval.linking import score_linking
from rusnews.model import Article, Entity, Mention

TEXT = "Путин прибыл в Киргизию, затем в Бишкек и Ош; МИД России молчит."


def _span(label: str, text: str, item: str | None) -> GoldSpan:
    start = TEXT.index(text)
    return GoldSpan(label, start, start + len(text), text, wikidata=item)


def _mention(label: str, text: str, entity_id: int) -> Mention:
    start = TEXT.index(text)
    return Mention(start, start + len(text), text, label, entity_id=entity_id)


def _case() -> tuple[GoldDoc, Article]:
    gold = GoldDoc(
        "d",
        TEXT,
        spans=[
            _span("PERSON", "Путин", "Q7747"),  # found and right
            _span("COUNTRY", "Киргизию", "Q813"),  # found, predicted wrong
            _span("CITY", "Бишкек", "Q9361"),  # found, no item predicted
            _span("CITY", "Ош", "Q186167"),  # not found
            _span("ORGANIZATION", "МИД России", "Q1"),  # found by the mention's extent
            _span("COUNTRY", "России", None),  # Wikidata:NULL, no target
            _span("PROFESSION", "прибыл", "Q5"),  # no PER/ORG/LOC
        ],
    )
    mentions = [
        _mention("PER", "Путин", 0),
        _mention("LOC", "Киргизию", 1),
        _mention("LOC", "Бишкек", 2),
        _mention("ORG", "МИД", 3),
        _mention("LOC", "России", 4),
    ]
    mentions[3].extent_start, mentions[3].extent_end = gold.spans[4].start, gold.spans[4].end
    names = ["Владимир Путин", "Киргизия", "Бишкек", "МИД", "Россия"]
    items = ["Q7747", "Q999", None, "Q1", "Q159"]
    entities = [
        Entity(i, m.label, n, n, [i], wikidata=q)
        for i, (m, n, q) in enumerate(zip(mentions, names, items))
    ]
    return gold, Article("d", TEXT, mentions=mentions, entities=entities)


def test_precision_recall_and_recall_among_known_items() -> None:
    gold, article = _case()
    report = score_linking([gold], [article], known=frozenset({"Q7747", "Q813", "Q186167"}))
    every = report["scores"]["all"]
    assert (every["targets"], every["found"], every["predicted"], every["correct"]) == (5, 4, 3, 2)
    assert every["precision"] == pytest.approx(2 / 3)
    assert every["recall"] == pytest.approx(2 / 5)
    assert every["in_kb_targets"] == 3
    assert every["in_kb_recall"] == pytest.approx(1 / 3)
    assert report["scores"]["ORG"]["precision"] == 1.0
    assert report["scores"]["LOC"]["precision"] == 0.0
    assert report["wrong"] == [
        {"doc": "d", "text": "Киргизию", "gold": "Q813", "predicted": "Q999"}
    ]


def test_gold_without_links_gives_no_score() -> None:
    gold, article = _case()
    bare = GoldDoc("d", TEXT, spans=[_span("PERSON", "Путин", None)])
    assert score_linking([bare], [article], known=frozenset()) is None


@pytest.mark.slow
def test_nerel_dev_links_are_precise(corpora) -> None:
    from rusnews.eval.brat import load_brat
    from rusnews.eval.predictions import run_rusnews

    docs = list(load_brat(corpora / "nerel-dev"))
    report = score_linking(docs, run_rusnews(docs, "nerel"))
    every = report["scores"]["all"]
    # Measured: precision .948, recall .400, recall among the tables' items .799.
    assert every["targets"] == 2011
    assert every["precision"] >= 0.93
    assert every["in_kb_recall"] >= 0.78
