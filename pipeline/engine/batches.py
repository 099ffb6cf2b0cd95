"""The per-batch function every engine calls: articles in, table rows and problems out.

A batch that fails is retried one article at a time, so one bad article costs
one `errors` row, never its neighbours' output.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from rusnews.engine.config import DEFAULT_PROFILE, DEFAULT_TIME_LIMIT, FULL, build_stages
from rusnews.engine.deadline import DeadlineExceeded, deadline
from rusnews.model import Article, Problem
from rusnews.pipeline import Pipeline
from rusnews.rows import error_rows, rows_of
from rusnews.schema import Row

# One pipeline per stage set, profile and process: a worker loads the models
# once and keeps them for every shard it is given.
_PIPELINES: dict[tuple[str, str], Pipeline] = {}


# One short article through every stage when a pipeline is built: the stages
# read their word lists and grammars on first use (natasha's name lists alone
# take 0.3 s). That belongs to loading the models, not to the time limit of
# whichever article happens to come first.
WARM_UP = (
    "Президент России Владимир Путин 12 мая 2024 года провёл в Москве переговоры "
    "с министром иностранных дел Казахстана и заявил, что ООН поддержит соглашение."
)


def get_pipeline(stages: str = FULL, profile: str = DEFAULT_PROFILE) -> Pipeline:
    """This process's pipeline for a stage set and profile, built and warmed on first use."""
    if (stages, profile) not in _PIPELINES:
        pipe = Pipeline(build_stages(stages, profile))
        pipe.process([Article("warm-up", WARM_UP)])
        pipe.reset_counts()
        _PIPELINES[stages, profile] = pipe
    return _PIPELINES[stages, profile]


@dataclass
class BatchResult:
    tables: dict[str, list[Row]] = field(default_factory=dict)
    n_articles: int = 0
    n_failed: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)  # Pipeline.rule_counts, this batch's

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


def _attempt(pipe: Pipeline, articles: list[Article], time_limit: float | None) -> list[Article]:
    with deadline(time_limit):
        return pipe.process(articles)


def process_batch(
    items: Sequence[Article | Problem],
    pipe: Pipeline | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> BatchResult:
    """Rows of a batch of articles, and of the reader's problems among them.

    `time_limit` is seconds per article (None: unlimited). The batch as a
    whole gets one article's limit: when it takes longer, or fails, each
    article is redone alone under the limit, so whether an article is a
    `timeout` row depends on that article only, never on the batch size or
    the neighbours it was batched with. `errors` rows follow the order of
    `items`, whichever way each article went.
    """
    pipe = pipe or get_pipeline()
    before, rules_before = dict(pipe.timings), pipe.rule_counts()
    result = BatchResult()
    articles = [item for item in items if isinstance(item, Article)]
    failed: dict[int, Problem] = {}  # by id of the article
    try:
        done = _attempt(pipe, articles, time_limit)
    except (Exception, DeadlineExceeded):  # a failure or the deadline: find the article
        done = []
        for article in articles:
            # What the batch's attempt set is dropped; every stage sets it anew.
            article.sentences, article.mentions, article.entities = [], [], []
            article.events, article.occupations, article.ownerships = [], [], []
            try:
                done.extend(_attempt(pipe, [article], time_limit))
            except DeadlineExceeded:
                failed[id(article)] = _timeout(article, time_limit or 0)
            except Exception as exc:  # noqa: BLE001 - one article must not sink the run
                failed[id(article)] = _failure(article, exc)
    for item in items:
        problem = item if isinstance(item, Problem) else failed.get(id(item))
        if problem is not None:
            result.add_rows({"errors": error_rows(problem)})
    for article in done:
        result.add_rows(rows_of(article))
    result.n_articles = len(done)
    result.n_failed = len(failed)
    result.timings = {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}
    counts = pipe.rule_counts()
    result.rules = {k: n - rules_before.get(k, 0) for k, n in counts.items()}
    result.rules = {k: n for k, n in result.rules.items() if n}
    return result


def batched(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    """Cut a reader's stream into batches of `size` articles, problems riding in their place."""
    batch: list[Article | Problem] = []
    n_articles = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            n_articles += 1
            if n_articles >= size:
                yield batch
                batch, n_articles = [], 0
    if batch:
        yield batch
