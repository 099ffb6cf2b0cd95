"""What a run is configured with, and the pipelines its workers build from that.

A run's configuration travels to every worker (a pool process or a Dask
worker), which builds its pipeline from it once and keeps it for every shard.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from typing import Any

from rusnews import __version__
from rusnews.corpus.rules import DEFAULT_WINDOW_DAYS as DEFAULT_WINDOW_DAYS
from rusnews.lexicon import models_fingerprint
from rusnews.stages.registry import FULL as FULL
from rusnews.stages.registry import NER as NER
from rusnews.stages.registry import PROFILES, check_set
from rusnews.stages.registry import STAGE_SETS as STAGE_SETS
from rusnews.stages.registry import build_stages as build_stages

DEFAULT_PROFILE = PROFILES[0]

DEFAULT_BATCH_SIZE = 32
DEFAULT_SHARD_SIZE = 100

# Seconds one article may take. A long news article takes well under a second;
# minutes mean something pathological that must not hold the run.
DEFAULT_TIME_LIMIT = 120.0


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Settings that decide a run's output; a shard done under other settings is redone."""

    stages: str = FULL
    batch_size: int = DEFAULT_BATCH_SIZE
    shard_size: int = DEFAULT_SHARD_SIZE
    time_limit: float | None = DEFAULT_TIME_LIMIT
    profile: str = DEFAULT_PROFILE  # which mentions the full pipeline looks for (pipeline.PROFILES)
    # Read links that lead outside INPUT. It changes what is read, never how, so it is not in
    # `key()`: the fingerprints of the shards it changes see the other articles.
    follow_links_outside: bool = False
    # Days apart two events of one story may be (rusnews.corpus.stories). The corpus step
    # runs after the shards, every run, so it is not in `key()` either.
    window_days: int = DEFAULT_WINDOW_DAYS

    def __post_init__(self) -> None:
        check_set(self.stages, self.profile)
        if self.batch_size < 1 or self.shard_size < 1:
            raise ValueError("batch size and shard size must be at least 1")
        if self.window_days < 0:
            raise ValueError("the story window must be 0 days or more")

    def key(self) -> str:
        """The part of every shard's fingerprint that comes from the settings.

        Another profile gives other mentions, so its shards are redone like
        those of another stage set; the default adds nothing, so runs made
        before profiles existed keep their fingerprints and stay resumable.
        The content of `models/` is part of it.
        """
        key = f"rusnews {__version__}; stages={self.stages}; batch_size={self.batch_size}"
        # Rule data decides output as much as code does: a shard made with
        # another lexicon is redone on --resume, not kept.
        key = f"{key}; models={models_fingerprint()}"
        return key if self.profile == DEFAULT_PROFILE else f"{key}; profile={self.profile}"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_workers() -> int:
    """Cores this process may use (its CPU affinity where the OS tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
