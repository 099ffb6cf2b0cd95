"""The debug check of the contract, and the invariant it guards: mentions in text order,
`mention_id` their position, entities listing their own mentions."""

from __future__ import annotations

from typing import ClassVar

import pytest
from rusnews.io.readers import read_folder
from rusnews.model import Article
from rusnews.pipeline import Pipeline
from rusnews.rows import entity_rows, mention_rows
from rusnews.stages.base import MENTIONS, MENTIONS_FINAL, NAMES

from tests.conftest import SAMPLE


class KeepOrder:
    """A sort that declares it numbers the mentions and does nothing."""

    name: ClassVar[str] = "sort"
    requires: ClassVar[tuple[str, ...]] = (MENTIONS,)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS_FINAL,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        return articles


class SilentlyReverse:
    """Changes the mentions and declares nothing."""

    name: ClassVar[str] = "silent"
    requires: ClassVar[tuple[str, ...]] = (NAMES,)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.mentions = article.mentions[:-1]
        return articles


def sample() -> list[Article]:
    return [item for item in read_folder(SAMPLE) if isinstance(item, Article)]


def broken_invariant(article: Article) -> str | None:
    """What the mention and entity tables of `article` say wrong about each other, if anything."""
    rows = mention_rows(article)
    keys = [(r["start"], -r["end"], r["label"]) for r in rows]
    if keys != sorted(keys) or len(set(keys)) != len(keys):
        return "mentions out of text order or repeated"
    for row, entity in zip(entity_rows(article), article.entities):
        own = [r["mention_id"] for r in rows if r["entity_id"] == row["entity_id"]]
        if own != entity.mention_ids:
            return f"entity {row['entity_id']} lists {entity.mention_ids}, its mentions are {own}"
    return None


def with_stage(pipe: Pipeline, name: str, stage: object, check: bool) -> Pipeline:
    return Pipeline([stage if s.name == name else s for s in pipe.stages], check=check)


def test_the_sample_keeps_the_invariant(pipe) -> None:
    articles = Pipeline(pipe.stages, check=True).process(sample())
    assert len(articles) == 13
    assert sum(len(a.mentions) for a in articles) > 200
    assert {a.article_id: broken_invariant(a) for a in articles} == dict.fromkeys(
        (a.article_id for a in articles), None
    )


def test_a_sort_that_does_nothing_breaks_the_invariant(pipe) -> None:
    articles = with_stage(pipe, "sort", KeepOrder(), check=False).process(sample())
    assert sum(broken_invariant(a) is not None for a in articles) >= 5
    with pytest.raises(AssertionError, match="sets mentions_final, yet .*not in text order"):
        with_stage(pipe, "sort", KeepOrder(), check=True).process(sample())


def test_a_stage_changing_what_it_does_not_declare_fails_the_check(pipe) -> None:
    stages = [*pipe.stages[:3], SilentlyReverse(), *pipe.stages[3:]]
    Pipeline(stages, check=False).process(sample())  # the order alone cannot tell
    with pytest.raises(AssertionError, match="'silent' changed mentions of article"):
        Pipeline(stages, check=True).process(sample())
