"""Plain Natasha, run as its README shows, one document at a time.

This is the yardstick users know, so it must stay plain: no batching, no
repair of its spans, no date resolution against the publication date. Its
objects are turned into our `Mention`s here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rusnews.eval.gold import GoldDoc
from rusnews.model import DATE, DAY, LOC, MONTH, ORG, PER, YEAR, Mention
from rusnews.offsets import index_before

NATASHA = "natasha"
BASELINES = (NATASHA,)

# natasha's span types are already ours, but say so rather than assume it.
NATASHA_TYPES: dict[str, str] = {"PER": PER, "ORG": ORG, "LOC": LOC}


@dataclass(slots=True)
class NatashaModels:
    segmenter: Any
    morph_vocab: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    dates_extractor: Any


@lru_cache(maxsize=1)
def load_natasha() -> NatashaModels:
    """The README's objects, built once per process (about 2 s)."""
    from natasha import (
        DatesExtractor,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    emb = NewsEmbedding()
    morph_vocab = MorphVocab()
    return NatashaModels(
        segmenter=Segmenter(),
        morph_vocab=morph_vocab,
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
        dates_extractor=DatesExtractor(morph_vocab),
    )


def adapt_date(
    year: int | None, month: int | None, day: int | None
) -> tuple[str | None, str | None]:
    """ISO value and granularity from the fields natasha's date fact has set.

    Without a year there is no calendar value: plain Natasha does not resolve
    `28 июня` against the publication date, so neither do we for it.
    """
    if year and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}", DAY
    if year and month:
        return f"{year:04d}-{month:02d}", MONTH
    if year and not day:
        return f"{year:04d}", YEAR
    return None, (DAY if day else MONTH if month else None)


def tag_natasha(text: str, models: NatashaModels | None = None) -> list[Mention]:
    """Names and dates of one text, as plain Natasha finds them."""
    from natasha import Doc

    models = models or load_natasha()
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    starts = [sent.start for sent in doc.sents]

    mentions: list[Mention] = []
    for span in doc.spans:
        label = NATASHA_TYPES.get(span.type)
        if label is None:
            continue
        span.normalize(models.morph_vocab)
        mentions.append(
            Mention(
                start=span.start,
                end=span.stop,
                text=text[span.start : span.stop],
                label=label,
                sentence_idx=index_before(starts, span.start),
                normal=span.normal,
                source=NATASHA,
            )
        )
    for match in models.dates_extractor(text):
        fact = match.fact
        value, granularity = adapt_date(fact.year, fact.month, fact.day)
        mentions.append(
            Mention(
                start=match.start,
                end=match.stop,
                text=text[match.start : match.stop],
                label=DATE,
                sentence_idx=index_before(starts, match.start),
                normal=value,
                granularity=granularity,
                source=NATASHA,
            )
        )
    mentions.sort(key=lambda mention: (mention.start, mention.end))
    return mentions


def predict_natasha(docs: Iterable[GoldDoc]) -> dict[str, list[Mention]]:
    models = load_natasha()
    return {doc.doc_id: tag_natasha(doc.text, models) for doc in docs}


def get_baseline(name: str) -> Callable[[Iterable[GoldDoc]], dict[str, list[Mention]]]:
    if name == NATASHA:
        return predict_natasha
    raise ValueError(f"unknown baseline {name!r}; available: {', '.join(BASELINES)}")
