"""A part of a mention, as the rules that repair a mention's bounds cut it."""

from __future__ import annotations

from rusnews.model import Article, Mention


def piece(
    article: Article,
    mention: Mention,
    start: int,
    end: int,
    source: str | None = None,
    alias_of: Mention | None = None,
) -> Mention:
    """A part of `mention` (same label), its text taken from the article; `alias_of`: the
    mention this part is a second name of (an acronym or alias in parentheses)."""
    return Mention(
        start,
        end,
        article.text[start:end],
        mention.label,
        mention.sentence_idx,
        source=source or mention.source,
        alias_of=alias_of if alias_of is not None else mention.alias_of,
    )
