"""The report page: self-contained, escaped, readable for empty runs and runs with errors; the
CLI command."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from rusnews.cli import app
from rusnews.report import render_report, summarize, write_report
from typer.testing import CliRunner

from tests.report.conftest import write_run

runner = CliRunner()
HOSTILE = "<script>alert('x')</script> & \"quotes\""


def test_sample_report_is_self_contained(sample_run: Path) -> None:
    page = render_report(sample_run)
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 5
    assert "<script" not in page.lower()
    # Nothing to fetch: no external stylesheet, image, font or script.
    assert not re.search(r"""(src|href)\s*=|url\(|@import""", page)
    for heading in (
        "Mentions per label",
        "Events per type",
        "Events by type over time",
        "Who meets whom",
        "Places on the map",
        "Top persons",
        "Top organizations",
        "Top locations",
        "Errors",
    ):
        assert heading in page


def test_text_from_the_tables_is_escaped(tmp_path: Path) -> None:
    run = write_run(
        tmp_path,
        articles=[
            {"article_id": "a", "status": "ok", "published": datetime(2025, 12, 3), "text": "x"}
        ],
        entities=[
            {
                "article_id": "a",
                "entity_id": 0,
                "label": "PER",
                "name": HOSTILE,
                "key": "PER:x",
                "n_mentions": 1,
            }
        ],
        errors=[{"path": "bad <file>.txt", "stage": "read", "kind": "binary", "message": HOSTILE}],
    )
    page = render_report(run)
    assert "<script" not in page and "alert(&#x27;x&#x27;)" in page
    assert "bad &lt;file&gt;.txt" in page and "Errors (1)" in page and "binary 1" in page


def test_an_empty_run_still_renders(tmp_path: Path) -> None:
    page = render_report(write_run(tmp_path))
    assert "nothing to chart" in page and "None of the 0 events has a date" in page
    assert "No errors" in page and "no publication dates" in page


def test_many_errors_are_cut_with_a_note(tmp_path: Path) -> None:
    errors = [
        {"path": f"f{i}.txt", "stage": "read", "kind": "empty", "message": "empty file"}
        for i in range(501)
    ]
    page = render_report(write_run(tmp_path, errors=errors))
    assert "First 500 of 501 shown" in page and page.count("<td>empty</td>") == 500


def test_write_report_defaults_to_the_run_folder(sample_run: Path, tmp_path: Path) -> None:
    assert write_report(sample_run, tmp_path / "r.html") == tmp_path / "r.html"
    run = write_run(tmp_path / "run")
    assert write_report(run) == run / "report.html" and (run / "report.html").stat().st_size > 1000


def test_report_command(sample_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["report", str(sample_run), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "<svg" in out.read_text(encoding="utf-8")


def test_report_command_explains_a_wrong_folder(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["report", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "does not exist" in missing.output
    not_a_run = runner.invoke(app, ["report", str(tmp_path)])
    assert not_a_run.exit_code == 2 and "is it a rusnews run folder" in not_a_run.output


def test_the_errors_say_whether_every_input_was_read(tmp_path: Path) -> None:
    failed = {"path": "a.txt", "stage": "pipeline", "kind": "timeout", "message": "too slow"}
    unread = {"path": "b.md", "stage": "read", "kind": "unsupported_format", "message": ".md"}
    page = render_report(write_run(tmp_path / "failed", errors=[failed]))
    assert "Every input was read; the rows below are articles that failed" in page
    page = render_report(write_run(tmp_path / "unread", errors=[failed, unread]))
    assert "Inputs that could not be read: 1 " in page
    assert "every input was read" not in page.lower()


def test_the_sample_page_draws_the_network_and_the_map(sample_run: Path) -> None:
    page = render_report(sample_run)
    s = summarize(sample_run)
    assert page.count("class='node'") == len(s.network.nodes) > 0
    assert page.count("class='edge'") == len(s.network.edges) > 0
    assert page.count("<tr><td>") >= len(s.network.top_pairs) and "id='top-pairs'" in page
    assert page.count("class='place'") == s.places.located > 0
    assert f"{s.places.located} of {s.places.located + s.places.without} locations" in page
    t = s.timeline
    assert f"publication date, having none of their own: {t.by_published};" in page


def test_an_empty_run_says_there_is_no_network_or_map(tmp_path: Path) -> None:
    page = render_report(write_run(tmp_path))
    assert "No event of type MEETING, NEGOTIATION, VISIT with two parties" in page
    assert "no meetings, negotiations or visits of two parties" in page
    assert "No location in this run." in page and "no location with coordinates" in page


def test_names_in_the_network_are_escaped(tmp_path: Path) -> None:
    def entity(i: int, name: str) -> dict:
        return {"article_id": "a", "entity_id": i, "label": "PER", "name": name, "key": f"PER:{i}"}

    def party(i: int, name: str, role: str) -> dict:
        row = {"article_id": "a", "event_id": 0, "role": role, "entity_id": i, "label": "PER"}
        return {**row, "name": name}

    run = write_run(
        tmp_path,
        articles=[{"article_id": "a", "status": "ok", "text": "x"}],
        entities=[entity(0, HOSTILE), entity(1, "Кая Каллас")],
        events=[{"article_id": "a", "event_id": 0, "event_type": "MEETING"}],
        event_arguments=[party(0, HOSTILE, "agent"), party(1, "Кая Каллас", "participant")],
    )
    page = render_report(run)
    assert "<script" not in page and page.count("alert(&#x27;x&#x27;)") >= 3
    assert "1 of the 1 events of type MEETING, NEGOTIATION, VISIT" in page
