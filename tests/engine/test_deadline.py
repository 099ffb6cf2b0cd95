"""A pathological article is stopped by the time limit; its batch neighbours keep their output."""

from __future__ import annotations

import time

from rusnews.engine.batches import process_batch
from rusnews.engine.deadline import DeadlineExceeded, deadline
from rusnews.model import Article
from rusnews.pipeline import Pipeline, default_stages


class Stall:
    """Stands for a stage that never finishes on one input (a runaway loop)."""

    name = "stall"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, articles: list[Article]) -> list[Article]:
        if any("зависнуть" in a.text for a in articles):
            time.sleep(30)
        return articles


def test_deadline_interrupts_a_block() -> None:
    started = time.perf_counter()
    try:
        with deadline(0.2):
            time.sleep(5)
    except DeadlineExceeded:
        pass
    assert time.perf_counter() - started < 2


def test_a_stalled_article_becomes_a_timeout_row() -> None:
    pipe = Pipeline([Stall(), *default_stages()])
    articles = [
        Article("ok", "Алибек Бакаев прибыл в Брюссель."),
        Article("bad", "Здесь можно зависнуть."),
        Article("ok2", "Кая Каллас встретилась с министром."),
    ]
    started = time.perf_counter()
    result = process_batch(articles, pipe=pipe, time_limit=0.5)
    assert time.perf_counter() - started < 10
    assert [row["kind"] for row in result.tables["errors"]] == ["timeout"]
    assert result.tables["errors"][0]["article_id"] == "bad"
    assert {row["article_id"] for row in result.tables["articles"]} == {"ok", "ok2"}
    assert any(row["normal"] == "Кая Каллас" for row in result.tables["mentions"])
