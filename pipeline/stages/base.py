"""The stage contract: a small object called on a batch of articles.

Each stage declares what it needs and what it sets, so the pipeline can check
its order when it is built, before any article is read.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from rusnews.model import Article

# What stages can need and set, in pipeline order.
SENTENCES = "sentences"
MORPH = "morph"
SYNTAX = "syntax"
NAMES = "names"  # PER/ORG/LOC mentions
DATES = "dates"  # DATE mentions with values
NORMALS = "normals"
ENTITIES = "entities"
EVENTS = "events"
OCCUPATIONS = "occupations"


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, articles: list[Article]) -> list[Article]: ...


def check_order(stages: list[Stage]) -> None:
    """Raise ValueError when a stage needs something no earlier stage sets."""
    have: set[str] = set()
    for stage in stages:
        missing = [need for need in stage.requires if need not in have]
        if missing:
            raise ValueError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage sets; "
                f"order was: {' -> '.join(s.name for s in stages)}"
            )
        have.update(stage.assigns)


class RuleFamily:
    """A stage that applies an ordered list of named rules, the first with an opinion winning.

    Subclasses set `default_rules`; `debug=True` records in `fired` which rule
    changed which span, as (rule, before, after).
    """

    default_rules: ClassVar[list] = []

    def __init__(self, rules: list | None = None, debug: bool = False) -> None:
        self.rules = type(self).default_rules if rules is None else rules
        self.debug = debug
        self.fired: list[tuple[str, str, str]] = []
