"""pymorphy3, wrapped once: one analyzer, one cache of parses, and the vocabularies at its border.

Every stage that asks pymorphy3 about a word asks here, so a word parsed while
lemmatizing is found ready when names are normalized, dates read or gazetteer
keys built. slovnet tags in Universal Dependencies terms, pymorphy3 in
OpenCorpora ones; the tables between the two are also here, once.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rusnews.text import fold

if TYPE_CHECKING:
    from pymorphy3.analyzer import MorphAnalyzer, Parse
    from rusnews.model import Token

NOMN = "nomn"
CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
MASC, FEMN = "masc", "femn"
# pymorphy3's second genitive/locative/accusative; no rule needs them apart.
CASE_ALIASES = {"gen2": "gent", "loc2": "loct", "acc2": "accs", "gen1": "gent", "loc1": "loct"}
# slovnet (Universal Dependencies) feature values in pymorphy3's vocabulary.
UD_CASES = {
    "Nom": "nomn",
    "Gen": "gent",
    "Par": "gent",
    "Dat": "datv",
    "Acc": "accs",
    "Ins": "ablt",
    "Loc": "loct",
}
UD_GENDERS = {"Masc": MASC, "Fem": FEMN, "Neut": "neut"}


@cache
def analyzer() -> MorphAnalyzer:
    """The one pymorphy3 analyzer (its dictionaries take a second to load)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple[Parse, ...]:
    """pymorphy3's parses of `word`, best first; names and places repeat, so cached.

    pymorphy3 reads a word as its lowercase form, except a lone capital, which
    it also reads as an initial: callers lowercase where they mean the word.
    """
    return tuple(analyzer().parse(word))


def analyzers(parse: Parse) -> list[str]:
    """Which of pymorphy3's analyzers produced a parse (the dictionary, or a guess)."""
    return [type(step[0]).__name__ for step in parse.methods_stack]


def is_known(text: str) -> bool:
    """Whether the dictionary knows the word, not only a guess of pymorphy3."""
    return any(analyzers(p) == ["DictionaryAnalyzer"] for p in parse(text.lower()))


def parse_case(parse: Parse) -> str | None:
    return CASE_ALIASES.get(parse.tag.case, parse.tag.case)


def inflect_nominative(parse: Parse, grammemes: set[str]) -> str | None:
    """The nominative with the wanted number/gender, or any nominative pymorphy3 has."""
    form = parse.inflect(grammemes) or parse.inflect({NOMN})
    return form.word if form else None


def ud_case(token: Token) -> str | None:
    """The tagger's case of a token, in pymorphy3's vocabulary."""
    return UD_CASES.get((token.feats or {}).get("Case", ""))


def ud_gender(token: Token) -> str | None:
    return UD_GENDERS.get((token.feats or {}).get("Gender", ""))


def lemma_key(token: Token) -> str:
    """The folded lemma lexicons are keyed on; the word itself where no lemma was set."""
    return fold(token.lemma or token.text)
