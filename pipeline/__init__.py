"""rusnews: Russian news extraction pipeline."""

from rusnews.model import Article, Entity, Event, Mention, Problem, Sentence, Token

__version__ = "0.1.0"


def __getattr__(name: str):
    # Loading the models is slow; import Pipeline lazily so `import rusnews`
    # stays cheap for the readers, writers and the CLI's --help.
    if name == "Pipeline":
        from rusnews.pipeline import Pipeline

        return Pipeline
    if name == "read_run":  # pandas and pyarrow: not needed by every import either
        from rusnews.io.tables import read_run

        return read_run
    raise AttributeError(name)


__all__ = [
    "Article",
    "Entity",
    "Event",
    "Mention",
    "Pipeline",
    "Problem",
    "Sentence",
    "Token",
    "__version__",
    "read_run",
]
