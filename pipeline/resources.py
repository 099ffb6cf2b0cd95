"""Heavy resources, loaded once per process and shared by every stage.

The natasha wheel ships the navec embedding and the slovnet models, so nothing
is downloaded. Each loader is cached: a worker process pays the ~1 s load once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=None)
def morph_analyzer():
    """The one pymorphy3 analyzer used for lemmas and normal forms."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=None)
def embedding():
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=None)
def segmenter():
    from natasha import Segmenter

    return Segmenter()


def set_batch_size(model, batch_size: int):
    """A slovnet model batches in two places: its `map` and its encoder."""
    model.batch_size = batch_size
    model.infer.encoder.batch_size = batch_size
    return model


# NER windows are long (up to 4,000 characters): in batches of 64 the padding
# to the longest window cost 2.3x the time of batches of 8, for the same spans.
@lru_cache(maxsize=None)
def ner_tagger(batch_size: int = 8):
    from natasha import NewsNERTagger

    return set_batch_size(NewsNERTagger(embedding()), batch_size)


@lru_cache(maxsize=None)
def morph_tagger(batch_size: int = 64):
    from natasha import NewsMorphTagger

    return set_batch_size(NewsMorphTagger(embedding()), batch_size)


@lru_cache(maxsize=None)
def syntax_parser(batch_size: int = 64):
    from natasha import NewsSyntaxParser

    return set_batch_size(NewsSyntaxParser(embedding()), batch_size)
