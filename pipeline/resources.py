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

    return share_words(NewsNERTagger(embedding()))


@cache
def morph_tagger():
    from natasha import NewsMorphTagger

    return share_words(NewsMorphTagger(embedding()))


@cache
def syntax_parser():
    from natasha import NewsSyntaxParser

    return share_words(NewsSyntaxParser(embedding()))


def share_words(model):
    """`model` reading its words through navec's vocabulary instead of its own copy.

    Each slovnet news model ships the vocabulary of the navec embedding it was trained
    with: 250,002 words, as a list and a dictionary, about 40 MB of Python objects.
    The three models and navec hold four equal copies; one is enough. A model whose
    words differ from navec's keeps its own.
    """
    words, navec = model.infer.encoder.words_vocab, embedding().vocab
    if words.items == navec.words and words.item_ids == navec.word_ids:
        words.items, words.item_ids = navec.words, navec.word_ids
    return model
