"""Warning rows are articles kept after a repair: apart from errors, never unread inputs."""

from __future__ import annotations

import json

from rusnews.engine.runner import run
from rusnews.report import render_report
from rusnews.report.summary import summarize


def test_a_kept_article_with_a_bad_byte_is_a_warning_not_an_unread_input(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Сергей Лавров прибыл в Минск.", encoding="utf-8")
    # One stray byte in UTF-8 text: read as UTF-8, the byte replaced, a warning row.
    (folder / "stray.txt").write_bytes("Иван Петров приехал в Казань. ".encode() + b"\xff")
    out = tmp_path / "out"
    summary = run(folder, out, workers=1, progress=False)

    assert summary.n_articles == 2
    assert (summary.n_errors, summary.n_warnings) == (1, 1)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["warnings"] == 1

    report = summarize(out)
    assert (report.n_errors, report.n_warnings) == (1, 1)
    page = render_report(out)
    assert "Inputs that could not be read" not in page
    assert "Every input was read" in page
    assert "warnings (articles kept after a repair)" in page
