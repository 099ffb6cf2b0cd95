"""The record scorer on hand-made gold: factRuEval facts, NEREL relations, the matching rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from rusnews.eval.brat import parse_ann, parse_relations
from rusnews.eval.gold import read_text
from rusnews.eval.record_gold import factru_triples, nerel_triples, parse_facts
from rusnews.eval.records import (
    BASELINE,
    EVENT,
    OCCUPATION_KIND,
    SYSTEM,
    Extent,
    Triple,
    count,
    score_records,
)
from rusnews.model import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "records"
FACTRU, BRAT = FIXTURES / "factru", FIXTURES / "brat"


def test_parse_facts_reads_alternatives_and_skips_attributes() -> None:
    lines = [
        "117-3 Occupation",
        "Who obj101 Обама Барак",
        "Position span22887 президент | span22888 главой",
        "Where obj106 администрация США | США",
        "Сложность повышенная",
        "",
        "117-0 Meeting",
        "Participant obj102 Саркози Николя",
    ]
    chains = {"101": ((0, 5), (40, 45)), "106": ((10, 24),), "102": ((50, 57),)}
    spans = {"22887": (30, 39), "22888": (60, 66)}
    [(occupation, roles), (meeting, participants)] = parse_facts(lines, chains, spans)
    assert (occupation, meeting) == ("Occupation", "Meeting")
    assert roles == [
        ("Who", Extent((((0, 5), (40, 45)),))),
        ("Position", Extent((((30, 39),), ((60, 66),)))),
        ("Where", Extent((((10, 24),),))),  # the text after '|' is another name, not a reference
    ]
    assert participants == [("Participant", Extent((((50, 57),),)))]


def test_parse_ann_reads_discontinuous_entities_and_relations() -> None:
    lines = ["T1\tCITY 0 5;10 15\tМосква", "R1\tTAKES_PLACE_IN Arg1:T2 Arg2:T1", "N1\tReference T1"]
    assert [(r.ann_id, r.type, r.fragments) for r in parse_ann(lines)] == [
        ("T1", "CITY", ((0, 5), (10, 15)))
    ]
    assert [(r.type, r.arg1, r.arg2) for r in parse_relations(lines)] == [
        ("TAKES_PLACE_IN", "T2", "T1")
    ]


def test_factru_gold_triples() -> None:
    text = read_text(FACTRU / "paris_meeting.txt")
    triples = factru_triples(FACTRU, "paris_meeting")
    shown = {(t.kind, t.role, " ".join(text[s:e] for s, e in t.filler.spans)) for t in triples}
    assert shown == {
        (EVENT, "participant", "Николя Саркози"),  # obj1: the chain's extent, both name spans
        (EVENT, "participant", "Бараком Обамой"),
        (OCCUPATION_KIND, "position", "Президент"),
        (OCCUPATION_KIND, "workplace", "Франции"),
    }


def test_nerel_gold_triples_follow_relation_directions() -> None:
    text = read_text(BRAT / "minsk_visit.txt")
    triples = nerel_triples(BRAT, "minsk_visit")

    def show(extent: Extent) -> str:
        return " ".join(text[s:e] for s, e in extent.spans)

    assert {(t.kind, show(t.anchor), t.role, show(t.filler)) for t in triples} == {
        (EVENT, "посетил", "agent", "Касым-Жомарт Токаев"),  # AGENT points filler -> EVENT
        (EVENT, "посетил", "time", "2 декабря 2025 года"),  # POINT_IN_TIME points EVENT -> filler
        (EVENT, "посетил", "location", "Минск"),
        (EVENT, "встретился", "participant", "Александром Лукашенко"),
        (EVENT, "встретился", "agent", "Касым-Жомарт Токаев"),
        (EVENT, "встретился", "location", "Минск"),
        # a PROFESSION as AGENT is out of scope; WORKPLACE reaches the person through WORKS_AS
        (OCCUPATION_KIND, "Касым-Жомарт Токаев", "position", "Президент"),
        (OCCUPATION_KIND, "Касым-Жомарт Токаев", "workplace", "Казахстана"),
    }


def _triple(role: str, anchor: int, filler: int) -> Triple:
    return Triple(EVENT, Extent.of((anchor, anchor + 5)), role, Extent.of((filler, filler + 5)))


def test_count_matches_each_gold_triple_once() -> None:
    gold = [_triple("agent", 0, 10), _triple("location", 0, 20)]
    preds = [
        _triple("agent", 2, 12),
        _triple("agent", 0, 10),
        _triple("participant", 0, 20),
        _triple("agent", 50, 10),
    ]
    labeled = count(preds, gold)
    assert (labeled.tp, labeled.n_pred, labeled.n_gold) == (1, 4, 2)
    unlabeled = count(preds, gold, labeled=False)
    assert unlabeled.tp == 2  # the wrong role now counts; the far-away event still does not


def _processed(pipe, folder: Path) -> list[Article]:
    return pipe.process([Article(txt.stem, read_text(txt)) for txt in sorted(folder.glob("*.txt"))])


def _counts(scores: dict, system: str, kind: str) -> tuple[int, int, int]:
    c = scores["systems"][system][kind]
    return c["tp"], c["n_pred"], c["n_gold"]


def test_score_records_on_factru(pipe) -> None:
    scores = score_records(FACTRU, "factru", _processed(pipe, FACTRU))
    assert scores["documents"] == 1 and not scores["warnings"]
    # Саркози (agent) and Обама (participant) are participants; Вашингтон is a location the
    # fact lacks.
    assert _counts(scores, SYSTEM, "event") == (2, 3, 2)
    assert _counts(scores, SYSTEM, "occupation") == (2, 2, 2)
    assert _counts(scores, BASELINE, "event") == (2, 4, 2)
    assert _counts(scores, BASELINE, "occupation") == (2, 6, 2)


def test_score_records_on_nerel(pipe) -> None:
    scores = score_records(BRAT, "brat", _processed(pipe, BRAT))
    # 'Там он встретился': the pronoun and the adverb name nothing, so two gold triples are missed.
    assert _counts(scores, SYSTEM, "event") == (4, 4, 6)
    assert _counts(scores, SYSTEM, "event/time") == (1, 1, 1)
    assert _counts(scores, BASELINE, "event") == (1, 5, 6)
    assert _counts(scores, BASELINE, "event_unlabeled") == (4, 5, 6)
    assert _counts(scores, SYSTEM, "occupation") == (2, 2, 2)
    assert scores["systems"][SYSTEM]["event"]["precision"] == 1.0


def test_score_records_skips_articles_whose_text_differs(pipe) -> None:
    [article] = _processed(pipe, BRAT)
    article.text = article.text.upper()
    scores = score_records(BRAT, "brat", [article])
    assert scores["documents"] == 0
    assert scores["systems"] == {SYSTEM: {}, BASELINE: {}}
    assert "differs" in scores["warnings"][0]


def test_score_records_refuses_an_unknown_format() -> None:
    article = Article("minsk_visit", read_text(BRAT / "minsk_visit.txt"))
    with pytest.raises(ValueError, match="factru"):
        score_records(BRAT, "jsonl", [article])
