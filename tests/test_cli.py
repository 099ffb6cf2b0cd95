"""The whole command line on the sample corpus, with the real models."""

import json
from pathlib import Path

import pandas as pd
import pytest
from rusnews.cli import app
from typer.testing import CliRunner

from tests.conftest import SAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    result = runner.invoke(
        app, ["run", str(SAMPLE), "-o", str(out), "--format", "both", "--no-progress"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_run_writes_every_table_in_both_formats(sample_run: Path) -> None:
    for name in ("articles", "mentions", "entities", "events", "event_arguments", "errors"):
        assert (sample_run / f"{name}.parquet").exists() and (sample_run / f"{name}.csv").exists()
    assert (sample_run / "manifest.json").exists()
    articles = pd.read_parquet(sample_run / "articles.parquet")
    mentions = pd.read_parquet(sample_run / "mentions.parquet")
    assert len(articles) == 13
    assert set(mentions["label"]) == {"PER", "ORG", "LOC", "DATE"}
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in mentions.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    assert len(pd.read_parquet(sample_run / "errors.parquet")) == 0


def test_run_summary_and_missing_input(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_run_with_only_bad_files_exits_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bin.txt").write_bytes(b"\x00\x01\x02")
    result = runner.invoke(
        app, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-progress"]
    )
    assert result.exit_code == 2
    assert "no article could be processed" in result.output
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert errors["kind"].tolist() == ["binary"]


def test_show_writes_displacy_html(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    result = runner.invoke(
        app, ["show", str(SAMPLE / "kz-eu-readmission.txt"), "--html", str(html)]
    )
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert "<mark" in page and "Events" in page


def test_show_prints_entities_and_events() -> None:
    result = runner.invoke(app, ["show", str(SAMPLE / "kz-eu-readmission.txt")])
    assert result.exit_code == 0, result.output
    assert "entities" in result.output and "events" in result.output


def test_run_and_eval_take_a_profile(tmp_path: Path) -> None:
    # The nerel profile also finds bodies named by a common noun (`Полиция`).
    (tmp_path / "in").mkdir()
    text = "Полиция задержала британского туриста в Москве."
    (tmp_path / "in" / "police.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(tmp_path / "in"), "-o", str(out), "--no-progress", "--profile", "nerel"]
    )
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["profile"] == "nerel"
    mentions = pd.read_parquet(out / "mentions.parquet")
    assert ("ORG", "Полиция") in set(zip(mentions["label"], mentions["text"], strict=True))

    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "police",
                "text": text,
                "mentions": [{"start": 0, "end": 7, "label": "ORG", "text": "Полиция"}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    for profile, tp in (("names", 0), ("nerel", 1)):
        report = tmp_path / f"report-{profile}"
        result = runner.invoke(
            app,
            ["eval", str(gold), "--format", "jsonl", "--profile", profile, "--report", str(report)],
        )
        assert result.exit_code == 0, result.output
        assert f"rusnews profile: {profile}" in result.output
        scored = json.loads((report / "report.json").read_text(encoding="utf-8"))
        assert scored["profile"] == profile
        assert scored["scores"]["jsonl"]["exact"]["rusnews"]["ORG"]["tp"] == tp


def test_a_profile_needs_the_full_stages(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["run", str(SAMPLE), "-o", str(tmp_path / "out"), "--stages", "ner", "--profile", "nerel"],
    )
    assert result.exit_code == 2
    assert "--profile nerel needs --stages full" in result.output


def test_help_explains_the_profiles() -> None:
    for command in ("run", "eval"):
        result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "factRuEval" in result.output and "NEREL" in result.output
