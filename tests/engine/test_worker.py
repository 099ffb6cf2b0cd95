"""Worker start-up: everything a shard needs is loaded before the first shard."""

from __future__ import annotations

from rusnews.engine import batches
from rusnews.engine.batches import get_pipeline
from rusnews.engine.worker import prepare
from rusnews.stages.normalize.person_readings import natasha_names


def test_a_new_pipeline_runs_the_warm_up_article_without_counting_it() -> None:
    """Whatever the engine, the first article's time limit never pays for loading."""
    batches._PIPELINES.pop(("full", "names"), None)
    natasha_names.cache_clear()
    pipe = get_pipeline("full")
    # The name lists are read on first use: the warm-up article's names read them.
    assert natasha_names.cache_info().currsize > 0
    assert dict(pipe.timings) == {}
    prepare("full")
    assert get_pipeline("full") is pipe and dict(pipe.timings) == {}


def test_prepare_freezes_what_was_loaded_out_of_the_garbage_collectors_way() -> None:
    import gc

    prepare("ner")
    assert gc.get_freeze_count() > 100_000  # the models, dictionaries and word lists
