"""A folder of hostile inputs: each file is processed or yields one clear `errors` row,
the run finishes, and the good articles' output is what it is without the bad ones."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from rusnews.cli import app
from rusnews.schema import CORPUS_COLUMNS
from typer.testing import CliRunner

from tests.hostile.fixtures import GOOD, PROCESSED, build

runner = CliRunner()


def _run(folder: Path, out: Path) -> dict[str, pd.DataFrame]:
    result = runner.invoke(
        app, ["run", str(folder), "-o", str(out), "--no-progress", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return {
        name: pd.read_parquet(out / f"{name}.parquet")
        for name in ("articles", "mentions", "entities", "events", "errors")
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    expected = build(root / "in")
    return expected, _run(root / "in", root / "out")


def test_every_input_is_processed_or_has_one_error_row(hostile) -> None:
    expected, tables = hostile
    processed = set(tables["articles"]["path"].map(lambda p: Path(p).as_posix()))
    errors = tables["errors"]
    for kind, (rel, outcome) in expected.items():
        rows = errors[errors["path"].map(lambda p, rel=rel: Path(p).as_posix().endswith(rel))]
        if outcome == PROCESSED:
            assert any(p.endswith(rel) for p in processed), kind
            assert rows.empty, (kind, rows.to_dict("records"))
        else:
            assert not rows.empty, kind
            assert rows["kind"].iloc[0] == outcome, (kind, rows.to_dict("records"))
            assert all(len(m) > 15 for m in rows["message"]), rows["message"].tolist()
            assert len(rows) == 1, (kind, rows.to_dict("records"))
            if not rel.endswith(".jsonl"):  # a JSONL file's good lines are still articles
                assert not any(p.endswith(rel) for p in processed), kind
    # The broken JSONL line costs its own row only; the line before it is an article.
    assert "j1" in set(tables["articles"]["article_id"])


def test_offsets_hold_on_every_processed_article(hostile) -> None:
    _, tables = hostile
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    for row in tables["mentions"].itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    ids = set(tables["articles"]["article_id"])
    assert "имена/новость дня" in ids
    assert texts["lines/mixed"] == "Первая строка.\r\nВторая строка.\nТретья\rстрока.\n"


def test_good_articles_are_unchanged_by_bad_neighbours(hostile, tmp_path: Path) -> None:
    _, tables = hostile
    for rel, text in GOOD.items():
        path = tmp_path / "in" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    alone = _run(tmp_path / "in", tmp_path / "out")
    good_ids = set(alone["articles"]["article_id"])
    assert good_ids == {"good/visit", "talks"}
    for name in ("mentions", "entities", "events"):
        # The corpus ids number the things of the whole run: other neighbours, other numbers.
        run_level = [CORPUS_COLUMNS[name]] if name in CORPUS_COLUMNS else []
        mixed = tables[name][tables[name]["article_id"].isin(good_ids)].reset_index(drop=True)
        pd.testing.assert_frame_equal(
            mixed.drop(columns=run_level),
            alone[name].drop(columns=run_level).reset_index(drop=True),
            check_dtype=False,
        )
