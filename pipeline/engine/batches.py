"""The per-batch function every engine calls: articles in, table rows and problems out.

A batch that fails is retried one article at a time, so one bad article costs
one `errors` row, never its neighbours' output.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rusnews.engine.config import DEFAULT_PROFILE, DEFAULT_TIME_LIMIT, FULL, build_stages
from rusnews.engine.deadline import DeadlineExceeded, deadline
from rusnews.model import Article, Problem
from rusnews.pipeline import Pipeline
from rusnews.schema import Row, error_rows, rows_of

# One pipeline per stage set, profile and process: a worker loads the models
# once and keeps them for every shard it is given.
_PIPELINES: dict[tuple[str, str], Pipeline] = {}


def get_pipeline(stages: str = FULL, profile: str = DEFAULT_PROFILE) -> Pipeline:
    """This process's pipeline for a stage set and profile, built on first use."""
    if (stages, profile) not in _PIPELINES:
        _PIPELINES[stages, profile] = Pipeline(build_stages(stages, profile))
    return _PIPELINES[stages, profile]


@dataclass
class BatchResult:
    tables: dict[str, list[Row]] = field(default_factory=dict)
    n_articles: int = 0
    n_failed: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def add_rows(self, rows: dict[str, list[Row]]) -> None:
        for name, table_rows in rows.items():
            self.tables.setdefault(name, []).extend(table_rows)


def _failure(article: Article, exc: BaseException) -> Problem:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    return Problem(
        article.path or article.article_id,
        "pipeline",
        type(exc).__name__,
        f"{exc}{at}",
        article.article_id,
    )


def _timeout(article: Article, seconds: float) -> Problem:
    return Problem(
        article.path or article.article_id,
        "pipeline",
        "timeout",
        f"processing took longer than {seconds:g} s (--time-limit); article skipped",
        article.article_id,
    )


def process_batch(
    articles: list[Article],
    problems: Iterable[Problem] = (),
    pipe: Pipeline | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> BatchResult:
    """Rows of a batch of articles; `time_limit` is seconds per article (None: unlimited)."""
    pipe = pipe or get_pipeline()
    before = dict(pipe.timings)
    result = BatchResult()
    for problem in problems:
        result.add_rows({"errors": error_rows(problem)})
    try:
        with deadline(time_limit * len(articles) if time_limit else None):
            done = pipe.process(articles)
    except (
        Exception,
        DeadlineExceeded,
    ):  # a failure or the batch's deadline: find the article, keep the rest
        done = []
        for article in articles:
            article.sentences, article.mentions, article.entities, article.events = [], [], [], []
            try:
                with deadline(time_limit):
                    done.extend(pipe.process([article]))
            except DeadlineExceeded:
                result.n_failed += 1
                result.add_rows({"errors": error_rows(_timeout(article, time_limit or 0))})
            except Exception as exc:  # noqa: BLE001 - one article must not sink the run
                result.n_failed += 1
                result.add_rows({"errors": error_rows(_failure(article, exc))})
    for article in done:
        result.add_rows(rows_of(article))
    result.n_articles = len(done)
    result.timings = {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}
    return result


def batched(
    items: Iterable[Article | Problem], size: int
) -> Iterator[tuple[list[Article], list[Problem]]]:
    """Group a reader's stream into batches of `size` articles, problems riding along."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles.append(item)
        if len(articles) >= size:
            yield articles, problems
            articles, problems = [], []
    if articles or problems:
        yield articles, problems
