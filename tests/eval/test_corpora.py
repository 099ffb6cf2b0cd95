"""The harness against numbers known from elsewhere: plain Natasha on the dev
splits of factRuEval and NEREL. If these drift, the harness changed, not Natasha.

Naeval's published slovnet table is token-level with its own gold rules; we
check that `naeval` + `token` reproduces plain Natasha's numbers on factru-dev.
"""

from pathlib import Path

import pytest
from rusnews.eval import load_gold, score_systems
from rusnews.eval.baseline import predict_natasha

TOLERANCE = 0.005
# Plain Natasha over 216 dev articles.
pytestmark = pytest.mark.slow


def f1(report: dict, convention: str, metric: str) -> dict[str, float]:
    by_label = report["scores"][convention][metric]["natasha"]
    return {label: round(counts["f1"], 3) for label, counts in by_label.items()}


@pytest.fixture(scope="module")
def factru_report(corpora: Path, natasha_models) -> dict:
    docs = load_gold(corpora / "factru-dev", "factru")
    return score_systems(docs, "factru", {"natasha": predict_natasha(docs)})


@pytest.fixture(scope="module")
def nerel_report(corpora: Path, natasha_models) -> dict:
    docs = load_gold(corpora / "nerel-dev", "brat")
    return score_systems(docs, "brat", {"natasha": predict_natasha(docs)})


def test_factru_dev_reads_cleanly(factru_report: dict) -> None:
    assert factru_report["n_docs"] == 122
    assert factru_report["gold_problems"]["count"] == 0


def test_naeval_token_level_reproduces_natasha(factru_report: dict) -> None:
    scores = f1(factru_report, "naeval", "token")
    assert scores["PER"] == pytest.approx(0.960, abs=TOLERANCE)
    assert scores["LOC"] == pytest.approx(0.906, abs=TOLERANCE)
    assert scores["ORG"] == pytest.approx(0.776, abs=TOLERANCE)


def test_object_exact_span(factru_report: dict) -> None:
    scores = f1(factru_report, "object", "exact")
    assert scores["PER"] == pytest.approx(0.925, abs=TOLERANCE)
    assert scores["LOC"] == pytest.approx(0.878, abs=TOLERANCE)
    # .512 when nested same-type Orgs are kept as gold; the outermost rule drops them
    assert scores["ORG"] == pytest.approx(0.510, abs=TOLERANCE)


def test_normalization_against_coref(factru_report: dict) -> None:
    result = factru_report["normalization"]["natasha"]
    assert result["all"]["accuracy"] == pytest.approx(0.953, abs=TOLERANCE)
    assert result["per_type"]["LOC"]["accuracy"] == pytest.approx(0.969, abs=TOLERANCE)


def test_nerel_dev(nerel_report: dict) -> None:
    assert nerel_report["n_docs"] == 94
    exact = f1(nerel_report, "nerel", "exact")
    assert exact == pytest.approx(
        {"PER": 0.884, "ORG": 0.584, "LOC": 0.796, "DATE": 0.286, "micro": 0.700}, abs=TOLERANCE
    )
    assert f1(nerel_report, "nerel", "token")["DATE"] == pytest.approx(0.662, abs=TOLERANCE)
