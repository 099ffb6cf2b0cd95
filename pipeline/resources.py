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


@lru_cache(maxsize=None)
def ner_tagger(batch_size: int = 64):
    from natasha import NewsNERTagger

    tagger = NewsNERTagger(embedding())
    tagger.batch_size = batch_size
    tagger.infer.encoder.batch_size = batch_size
    return tagger


@lru_cache(maxsize=None)
def morph_tagger(batch_size: int = 64):
    from natasha import NewsMorphTagger

    tagger = NewsMorphTagger(embedding())
    tagger.batch_size = batch_size
    tagger.infer.encoder.batch_size = batch_size
    return tagger


@lru_cache(maxsize=None)
def syntax_parser(batch_size: int = 64):
    from natasha import NewsSyntaxParser

    parser = NewsSyntaxParser(embedding())
    parser.batch_size = batch_size
    parser.infer.encoder.batch_size = batch_size
    return parser
