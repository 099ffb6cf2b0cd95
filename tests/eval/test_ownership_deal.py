"""Ownership and deal records against the gold: factRuEval Ownership/Deal facts, NEREL
OWNER_OF/FOUNDED_BY relations."""

from __future__ import annotations

from pathlib import Path

from rusnews.eval.gold import read_text
from rusnews.eval.record_gold import factru_triples, nerel_triples, parse_fact_attributes
from rusnews.eval.records import score_records
from rusnews.eval.triples import DEAL_KIND, DEAL_TYPE_KIND, OWNERSHIP_KIND, PROPERTY, Extent

# A folder of its own: the record tests score every document of the shared ones.
FIXTURES = Path(__file__).parent.parent / "fixtures" / "records" / "ownership"
FACTRU, BRAT = FIXTURES / "factru", FIXTURES / "brat"


def _show(text: str, extent: Extent) -> str:
    return " ".join(text[s:e] for s, e in extent.spans)


def test_fact_attributes_are_read_beside_the_roles() -> None:
    lines = (FACTRU / "oracle_deal.facts").read_text(encoding="utf-8").splitlines()
    assert parse_fact_attributes(lines) == [{"Type": "купля/продажа"}, {}]


def test_factru_ownership_and_deal_triples() -> None:
    text = read_text(FACTRU / "oracle_deal.txt")
    triples = factru_triples(FACTRU, "oracle_deal")
    shown = {(t.kind, t.role, _show(text, t.filler)) for t in triples if t.kind != DEAL_TYPE_KIND}
    assert shown == {
        (DEAL_KIND, "participant", "Oracle Oracle"),  # obj1: the chain, both mentions
        (DEAL_KIND, "participant", "Sun Microsystems"),
        (OWNERSHIP_KIND, PROPERTY, "Oracle Oracle"),
    }
    (owner,) = [_show(text, t.anchor) for t in triples if t.kind == OWNERSHIP_KIND]
    assert owner == "Ларри Эллисон"
    assert [t.role for t in triples if t.kind == DEAL_TYPE_KIND] == ["купля/продажа"]


def test_nerel_ownership_follows_relation_directions() -> None:
    text = read_text(BRAT / "founders.txt")
    shown = {
        (_show(text, t.anchor), _show(text, t.filler))
        for t in nerel_triples(BRAT, "founders")
        if t.kind == OWNERSHIP_KIND
    }
    # FOUNDED_BY points from the organization to its founder, OWNER_OF from the owner;
    # an owned building is no name and out of scope.
    assert shown == {("Билл Гейтс", "Microsoft"), ("Microsoft", "GitHub")}


def test_the_pipeline_scores_its_ownerships_and_deals(pipe) -> None:
    article = pipe(read_text(FACTRU / "oracle_deal.txt"), published="2025-12-03")
    article.article_id = "oracle_deal"
    scores = score_records(FACTRU, "factru", [article])["systems"]["rusnews"]
    assert scores["ownership"]["tp"] == scores["ownership"]["n_gold"] == 1
    assert scores["deal"]["tp"] == scores["deal"]["n_gold"] == 2
    assert scores["deal_type"]["tp"] == 1
