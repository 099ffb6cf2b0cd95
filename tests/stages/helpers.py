"""Building blocks shared by the stage tests."""

from __future__ import annotations

from rusnews.model import Article, Mention
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet.morph import Morph


def tagged_article(text: str, spans: list[tuple[str, str]]) -> Article:
    """A segmented, morph-tagged article with the given (label, text) mentions, as NER would
    leave it."""
    (article,) = Morph()(Segment()([Article("a", text)]))
    for label, span in spans:
        start = text.index(span)
        article.mentions.append(Mention(start, start + len(span), span, label, 0))
    return article
