"""The pipeline: stages in order, checked when built, run over batches of articles."""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date
from typing import Any

from rusnews.model import Article
from rusnews.stages import checks
from rusnews.stages.base import RuleFamily, Stage, check_order
from rusnews.stages.registry import PROFILES, full_stages

__all__ = ["PROFILES", "Pipeline", "default_stages"]


def default_stages(profile: str = PROFILES[0]) -> list[Stage]:
    """The full pipeline of `profile` (stages.registry wires every stage set)."""
    return full_stages(profile)


class Pipeline:
    """`Pipeline()(text, published=...)` for one article; `process(articles)` for a batch.

    Models load once, when the pipeline is built; the single-article call goes
    through the batch path, so there is one code path. `check=True` (default: the
    RUSNEWS_CHECK_STAGES environment variable) tests around every stage that it sets
    what it declares and changes nothing else (stages.checks).
    """

    def __init__(self, stages: list[Stage] | None = None, check: bool | None = None) -> None:
        self.stages = default_stages() if stages is None else stages
        check_order(self.stages)
        self.check = checks.wanted() if check is None else check
        self.timings: dict[str, float] = defaultdict(float)

    def process(self, articles: list[Article]) -> list[Article]:
        for stage in self.stages:
            before = checks.views(articles) if self.check else None
            started = time.perf_counter()
            articles = stage(articles)
            self.timings[stage.name] += time.perf_counter() - started
            if before is not None:
                checks.check_stage(stage, before, articles)
        return articles

    def rule_counts(self) -> dict[str, int]:
        """`stage/rule/fired` and `stage/rule/dropped` -> how often a rule fired and how many
        mentions it dropped, over every article processed since the last `reset_counts`."""
        return {
            f"{stage.name}/{rule}/{kind}": n
            for stage in self.stages
            if isinstance(stage, RuleFamily)
            for rule, counts in stage.rule_counts().items()
            for kind, n in counts.items()
        }

    def reset_counts(self) -> None:
        """Timings and rule counts back to zero (after the warm-up article, say)."""
        self.timings.clear()
        for stage in self.stages:
            if isinstance(stage, RuleFamily):
                stage.fired_counts.clear()
                stage.dropped_counts.clear()

    def __call__(
        self,
        text: str,
        published: date | str | None = None,
        article_id: str = "article",
        **fields: Any,
    ) -> Article:
        article = Article(article_id=article_id, text=text, published=published, **fields)
        return self.process([article])[0]
