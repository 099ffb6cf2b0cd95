"""Comparing two runs row by row: equal runs say so, a changed cell is one row each side."""

from __future__ import annotations

from rusnews.io.compare import compare_runs, describe, main
from rusnews.io.tables import to_arrow, write_table
from rusnews.rows import rows_of
from rusnews.schema import TABLES


def _write_run(folder, articles):
    rows = {name: [] for name in TABLES}
    for article in articles:
        for name, table_rows in rows_of(article).items():
            rows[name] += table_rows
    for name, table_rows in rows.items():
        write_table(to_arrow(name, table_rows), folder, name)


def test_same_articles_compare_equal_and_a_changed_normal_shows_on_both_sides(pipe, tmp_path):
    article = pipe("Вчера Сергей Лавров прибыл в Минск.", published="2025-12-03", article_id="a")
    _write_run(tmp_path / "a", [article])
    _write_run(tmp_path / "b", [article])
    assert all(d.equal for d in compare_runs(tmp_path / "a", tmp_path / "b"))
    assert main([str(tmp_path / "a"), str(tmp_path / "b")]) == 0

    person = next(m for m in article.mentions if m.label == "PER")
    person.normal = "Сергей Лаврова"
    _write_run(tmp_path / "c", [article])
    diffs = {d.name: d for d in compare_runs(tmp_path / "a", tmp_path / "c")}
    assert len(diffs["mentions"].only_a) == len(diffs["mentions"].only_b) == 1
    assert diffs["mentions"].only_b.iloc[0]["normal"] == "Сергей Лаврова"
    assert diffs["articles"].equal
    assert "mentions: " in describe(list(diffs.values())) and "DIFFERENT" in describe(
        list(diffs.values())
    )
    assert main([str(tmp_path / "a"), str(tmp_path / "c")]) == 1
