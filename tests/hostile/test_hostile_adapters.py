"""Hostile run tables for the conventions' views: a kind this version does not know, core
and extent bounds outside the text or around nothing, words where numbers belong. Each
mention is scored by its own span, with one warning, never dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from rusnews.eval.conventions import convention_named
from rusnews.eval.gold import GoldDoc
from rusnews.eval.predictions import read_run

TEXT = "Верховный суд Испании отклонил жалобу."
DOCS = [GoldDoc("a", TEXT)]
COURT = {"article_id": "a", "start": 0, "end": 21, "text": "Верховный суд Испании"}
SPAIN = {"article_id": "a", "start": 14, "end": 21, "text": "Испании", "label": "LOC"}


def _run(folder: Path, court: dict, suffix: str = "csv") -> Path:
    folder.mkdir()
    table = pd.DataFrame([{**COURT, "label": "ORG", **court}, SPAIN])
    if suffix == "csv":
        table.to_csv(folder / "mentions.csv", index=False)
    else:
        table.to_parquet(folder / "mentions.parquet", index=False)
    return folder


@pytest.mark.parametrize(
    "court",
    [
        {"kind": "hologram"},  # a kind of another version
        {"kind": "proper", "extent_start": 0, "extent_end": 10**9},  # past the text
        {"kind": "proper", "core_start": 5, "core_end": 3},  # a core around nothing
        {"kind": "proper", "core_start": 0, "core_end": 30},  # a core wider than the span
        {"kind": "proper", "extent_start": 3, "extent_end": 21},  # an extent inside the span
        {"kind": "proper", "core_start": "ноль", "core_end": 13},  # not a number
        {"kind": "proper", "extent_start": -7, "extent_end": 21},
    ],
)
@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_mention_that_does_not_fit_is_scored_by_its_own_span(
    tmp_path: Path, court: dict, suffix: str
) -> None:
    if suffix == "parquet" and isinstance(court.get("core_start"), str):
        pytest.skip("parquet keeps a column of one type")
    predictions, warnings = read_run(_run(tmp_path / "run", court, suffix), DOCS)
    assert len(predictions["a"]) == 2
    assert any("do not hold their span" in warning for warning in warnings)
    for name in ("object", "nerel", "collection5"):
        spans = [(m.label, m.text) for m in convention_named(name).select(predictions["a"], TEXT)]
        # Collection5 is flat: the place inside the organization's own span goes.
        assert spans[0] == ("ORG", "Верховный суд Испании")
        assert spans[1:] == ([] if name == "collection5" else [("LOC", "Испании")])


def test_a_table_of_an_older_version_reads_as_before(tmp_path: Path) -> None:
    # No kind, no bounds: every mention its own span, kinds filled as the pipeline would.
    folder = tmp_path / "run"
    folder.mkdir()
    pd.DataFrame([{**COURT, "label": "ORG"}, SPAIN]).to_csv(folder / "mentions.csv", index=False)
    predictions, warnings = read_run(folder, DOCS)
    assert warnings == []
    spans = [
        (m.label, m.text) for m in convention_named("collection5").select(predictions["a"], TEXT)
    ]
    assert spans == [("ORG", "Верховный суд Испании")]


def test_bounds_that_fit_are_read_back(tmp_path: Path) -> None:
    court = {"kind": "proper", "core_start": 0, "core_end": 13, "extent_start": 0, "extent_end": 21}
    predictions, warnings = read_run(_run(tmp_path / "run", court), DOCS)
    assert warnings == []
    spans = [
        (m.label, m.text) for m in convention_named("collection5").select(predictions["a"], TEXT)
    ]
    assert spans == [("ORG", "Верховный суд"), ("LOC", "Испании")]
