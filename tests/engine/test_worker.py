"""Worker start-up: everything a shard needs is loaded before the first shard."""

from __future__ import annotations

from rusnews.engine.batches import get_pipeline
from rusnews.engine.worker import prepare
from rusnews.stages.name_readings import natasha_names


def test_prepare_runs_the_warm_up_article_without_counting_it() -> None:
    natasha_names.cache_clear()
    pipe = get_pipeline("full")
    before = dict(pipe.timings)
    prepare("full")
    # The name lists are read on first use: the warm-up article's names read them.
    assert natasha_names.cache_info().currsize > 0
    assert dict(pipe.timings) == before


def test_prepare_freezes_what_was_loaded_out_of_the_garbage_collectors_way() -> None:
    import gc

    prepare("ner")
    assert gc.get_freeze_count() > 100_000  # the models, dictionaries and word lists
