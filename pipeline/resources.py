"""Heavy resources, loaded once per process and shared by every stage.

The natasha wheel ships the navec embedding and the slovnet models, so nothing
is downloaded. Each loader is cached: a worker process pays the ~1 s load once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def _models_dir() -> Path:
    # Installed from a wheel the rule data lies inside the package
    # (rusnews/models); in a source checkout it is the top-level models/ folder.
    package = Path(__file__).resolve().parent
    for candidate in (package / "models", package.parent / "models"):
        if (candidate / "gazetteers").is_dir():
            return candidate
    raise FileNotFoundError(f"rusnews rule data (models/) not found beside {package}")


MODELS_DIR = _models_dir()


@cache
def embedding():
    from natasha import NewsEmbedding

    return NewsEmbedding()


@cache
def segmenter():
    from natasha import Segmenter

    return Segmenter()


# The stages run these models' weights through pipeline/stages/slovnet/executor.py,
# which batches by length itself; the natasha objects hold weights and vocabularies.
@cache
def ner_tagger():
    from natasha import NewsNERTagger

    return NewsNERTagger(embedding())


@cache
def morph_tagger():
    from natasha import NewsMorphTagger

    return NewsMorphTagger(embedding())


@cache
def syntax_parser():
    from natasha import NewsSyntaxParser

    return NewsSyntaxParser(embedding())
