"""Rules that fix where a person's name begins: a title or a noun for a person before it
is left out (`Император Акихито`, `Сын А.Лукашенко`), a one-syllable family name and
initials written close up are taken in (`Ван Цзюнь`, `Б.Обама`). Part of the repair
family (rusnews.stages.mentions.repair)."""

from __future__ import annotations

import re
from functools import lru_cache

from rusnews import morphology
from rusnews.lexicon import read_words
from rusnews.model import PER, Article, Mention, Token
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MORPH, needs
from rusnews.stages.mentions.pieces import piece

GAZETTEERS = MODELS_DIR / "gazetteers"


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Lemmas of honorifics and ranks that precede a name but are not part of it."""
    return frozenset(read_words(GAZETTEERS / "titles.txt"))


def trim_title(article: Article, mention: Mention) -> list[Mention] | None:
    """`Император Акихито`, `Папа Франциск`: a capitalized title is not the name."""
    if mention.label != PER:
        return None
    tokens = article.tokens_in(mention.start, mention.end)
    lo = 0
    while lo < len(tokens) - 1 and (tokens[lo].lemma or tokens[lo].text.lower()) in titles():
        lo += 1
    if lo == 0:
        return None
    return [piece(article, mention, tokens[lo].start, mention.end)]


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def is_person_noun(word: str) -> bool:
    """A common noun for a person (`сын`, `предшественник`), never a name in the
    dictionary (`Лев`, `Вера`, `Роза` are read as first names too)."""
    parses = morphology.parse(word.lower())
    return (
        bool(parses)
        and parses[0].tag.POS == "NOUN"
        and "anim" in parses[0].tag
        and not any(NAME_GRAMMEMES & p.tag.grammemes for p in parses)
    )


@needs(MORPH)
def trim_leading_person_noun(article: Article, mention: Mention) -> list[Mention] | None:
    """`Сын А.Лукашенко`, `Предшественник Кравцова`: a capitalized noun for a person at
    the start of a headline or sentence says who the named one is to someone; it is not
    part of the name."""
    if mention.label != PER:
        return None
    tokens = article.tokens_in(mention.start, mention.end)
    if len(tokens) < 2 or tokens[0].pos != "NOUN" or not tokens[0].text[:1].isupper():
        return None
    if not is_person_noun(tokens[0].text):
        return None
    return [piece(article, mention, tokens[1].start, mention.end)]


@lru_cache(maxsize=1)
def east_asian_surnames() -> frozenset[str]:
    return frozenset(read_words(GAZETTEERS / "east_asian_surnames.txt"))


def _token_before(article: Article, mention: Mention) -> Token | None:
    if not 0 <= mention.sentence_idx < len(article.sentences):
        return None
    before = [t for t in article.sentences[mention.sentence_idx].tokens if t.end <= mention.start]
    return before[-1] if before else None


@needs(MORPH)
def extend_east_asian_surname(article: Article, mention: Mention) -> list[Mention] | None:
    """`Ван Цзюнь`, `Ли Пэн`: the family name comes first and is one syllable,
    and the tagger leaves it out."""
    if mention.label != PER:
        return None
    token = _token_before(article, mention)
    if (
        token is None
        or token.text not in east_asian_surnames()
        # A capitalized `Ван` the tagger reads as the Dutch particle is the surname still.
        or (token.pos not in ("PROPN", "NOUN", "X") and not token.text[:1].isupper())
        or article.text[token.end : mention.start] != " "
    ):
        return None
    return [piece(article, mention, token.start, mention.end)]


_GLUED_INITIALS = re.compile(r"(?:[А-ЯЁA-Z][а-яёa-z]?\.\s?)?[А-ЯЁA-Z][а-яёa-z]?\.$")


def attach_initials(article: Article, mention: Mention) -> list[Mention] | None:
    """`Дж.Коми`, `Б.Обама`: initials written without a space stay outside the tagger's name."""
    if mention.label != PER:
        return None
    before = article.text[max(mention.start - 8, 0) : mention.start]
    match = _GLUED_INITIALS.search(before)
    if not match or (match.start() > 0 and before[match.start() - 1].isalnum()):
        return None
    return [piece(article, mention, mention.start - len(before) + match.start(), mention.end)]
