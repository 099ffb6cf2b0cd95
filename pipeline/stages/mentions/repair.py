"""Boundary repair of NER spans: ordered rules, the first with an opinion wins.

Each rule takes the article and one mention and returns the mentions that
replace it, or None when it has no opinion. `Repair(debug=True)` records which
rule fired on which span in `Repair.fired`.

The rules follow what both gold corpora agree on (factRuEval names and NEREL):
a name holds no line break, no list of names, no parenthesized second name
and no honorific before a person's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import ClassVar

from rusnews.lexicon import read_words
from rusnews.model import ORG, PER, Article, Mention
from rusnews.resources import MODELS_DIR
from rusnews.stages.base import MENTIONS, MORPH, NAMES, SENTENCES, RuleFamily, needs
from rusnews.stages.mentions.person_bounds import (
    attach_initials,
    extend_east_asian_surname,
    trim_leading_person_noun,
    trim_title,
)
from rusnews.stages.mentions.pieces import piece
from rusnews.text import QUOTES

GAZETTEERS = MODELS_DIR / "gazetteers"
Rule = Callable[[Article, Mention], list[Mention] | None]


# `Министерстве иностранных дел (МИД)`: the acronym in parentheses is a second
# mention of the same organization, not part of its name.
_TRAILING_ACRONYM = re.compile(r"\s*\(\s*([A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё0-9\-]{0,11})\s*\)\s*$")


def split_parenthesized_acronym(article: Article, mention: Mention) -> list[Mention] | None:
    match = _TRAILING_ACRONYM.search(mention.text)
    if not match or match.start() == 0:
        return None
    acronym = match.group(1)
    if sum(c.isupper() for c in acronym) < 2:
        return None
    head_end = mention.start + match.start()
    acr_start = mention.start + match.start(1)
    head = piece(article, mention, mention.start, head_end)
    # Collection5 keeps the bracket inside the name it follows: the head's extent holds it.
    head.extent_end = mention.start + len(mention.text.rstrip())
    return [head, piece(article, mention, acr_start, acr_start + len(acronym), "acronym", head)]


# `Джошуа Вольфа (Joshua Wolf)`: a name followed by its original spelling.
_TRAILING_ALIAS = re.compile(r"\s*\(\s*([^()]+?)\s*\)\s*$")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def script(text: str) -> str:
    """`cyrillic`, `latin`, `mixed` or `other` (CJK, Arabic...): which alphabet a name is in."""
    latin, cyrillic = bool(_LATIN.search(text)), bool(_CYRILLIC.search(text))
    return (
        "mixed" if latin and cyrillic else "latin" if latin else "cyrillic" if cyrillic else "other"
    )


def split_parenthesized_alias(article: Article, mention: Mention) -> list[Mention] | None:
    """The part in parentheses is a second name of the same thing when it is
    written in another script (`Билл Герстенмайер (Bill Gerstenmaier)`) or,
    for a person, when it is any name (`Екатерина Аталык (Половникова)`).
    A Cyrillic word in parentheses after an organization is its place
    (`Ромашка (Россия)`) and stays."""
    match = _TRAILING_ALIAS.search(mention.text)
    if not match or match.start() == 0:
        return None
    head, alias = mention.text[: match.start()], match.group(1)
    if not alias[:1].isupper() and not _LATIN.match(alias) and script(alias) != "other":
        return None  # `(фото)`, `(справа)`: a remark, not a name (`(马凌)` is one)
    if script(head) == script(alias) and mention.label != PER:
        return None
    alias_start = mention.start + match.start(1)
    name = piece(article, mention, mention.start, mention.start + match.start())
    name.extent_end = mention.start + len(mention.text.rstrip())
    return [name, piece(article, mention, alias_start, alias_start + len(alias), "alias", name)]


def split_at_unbalanced_parenthesis(article: Article, mention: Mention) -> list[Mention] | None:
    """`Хитли (Гецлаф`, `ПАСЕ (`: the tagger ran into or out of a parenthesis;
    each side of it is a name of its own."""
    text = mention.text
    if text.count("(") == text.count(")") and not re.search(r"\)[^()]*\(", text):
        return None
    parts: list[Mention] = []
    for match in re.finditer(r"[^()]+", text):
        core = match.group().strip()
        if any(c.isalnum() for c in core):
            start = mention.start + match.start() + match.group().index(core)
            parts.append(piece(article, mention, start, start + len(core)))
    return parts


# `Овечкин, Фёдоров`, `Коста Рика • Эквадор`: lists the tagger read as one name.
_LIST_SEPARATORS = {PER: re.compile(r"\s*(?:[,;•·]|\s[—–-]\s)\s*"), "*": re.compile(r"\s*[;•·]\s*")}


def split_list(article: Article, mention: Mention) -> list[Mention] | None:
    separator = _LIST_SEPARATORS.get(mention.label, _LIST_SEPARATORS["*"])
    if not separator.search(mention.text):
        return None
    parts, pos = [], 0
    for match in [*separator.finditer(mention.text), None]:
        stop = match.start() if match else len(mention.text)
        if stop > pos:
            parts.append(piece(article, mention, mention.start + pos, mention.start + stop))
        if match:
            pos = match.end()
    return parts


_EDGE_PUNCT = ".,;:–—-•·*|/\\"


def trim_edges(article: Article, mention: Mention) -> list[Mention] | None:
    """Drop whitespace (no-break spaces too) and edge punctuation the tagger swallowed."""
    text = mention.text
    lo, hi = 0, len(text)
    while lo < hi and (text[lo].isspace() or text[lo] in _EDGE_PUNCT or text[lo] == ")"):
        lo += 1
    while hi > lo and (
        text[hi - 1].isspace() or text[hi - 1] in _EDGE_PUNCT or text[hi - 1] == "("
    ):
        hi -= 1
    if (lo, hi) == (0, len(text)):
        return None
    if lo == hi:
        return []
    return [piece(article, mention, mention.start + lo, mention.start + hi)]


# Parts of speech that never start or end a name: the tagger sometimes pulls a
# capitalized sentence-initial adverb into a person (`Вчера Алибек Бакаев`), or
# tags it alone as a name (`Вчера` as ORG), which the date stage also reads.
_NOT_NAME_POS = {"ADV", "ADP", "CCONJ", "SCONJ", "PART", "PRON", "VERB", "AUX", "INTJ"}


def _capitalized(text: str) -> bool:
    return any(part[:1].isupper() for part in text.split("-"))


@needs(MORPH)
def trim_function_words(article: Article, mention: Mention) -> list[Mention] | None:
    tokens = article.tokens_in(mention.start, mention.end)
    if not tokens:
        return None
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].pos in _NOT_NAME_POS:
        lo += 1
    # At the end only lowercase words: a word with a capital in any of its hyphenated
    # parts is a name part the tagger misread (`Халеда эль-Масри`, эль-Масри as PART).
    while hi > lo and tokens[hi - 1].pos in _NOT_NAME_POS and not _capitalized(tokens[hi - 1].text):
        hi -= 1
    if (lo, hi) == (0, len(tokens)):
        return None
    if lo == hi:
        return []
    start, end = max(tokens[lo].start, mention.start), min(tokens[hi - 1].end, mention.end)
    return [piece(article, mention, start, end)]


def cut_at_line_break(article: Article, mention: Mention) -> list[Mention] | None:
    """A name never runs across a line break (title, then body): keep each line's part."""
    if "\n" not in mention.text and "\r" not in mention.text:
        return None
    parts, pos = [], mention.start
    for line in mention.text.splitlines(keepends=True):
        core = line.strip()
        if core:
            start = pos + line.index(core)
            parts.append(
                Mention(
                    start,
                    start + len(core),
                    core,
                    mention.label,
                    article.sentence_of(start),
                    source=mention.source,
                )
            )
        pos += len(line)
    return parts


@lru_cache(maxsize=1)
def descriptors() -> frozenset[str]:
    """Legal forms and kinds of organization written before a name (`ОАО`, `концерн`)."""
    words = read_words(GAZETTEERS / "legal_forms.txt")
    return frozenset(word.casefold() for word in words)


_QUOTED_OR_LATIN = re.compile(
    r"""^\s*(?:[«"„“'](?P<quoted>[^«»"„“”]+)[»"“”']?|(?P<latin>[A-Za-z][\w.\- ]*))\s*$"""
)


def trim_descriptor(article: Article, mention: Mention) -> list[Mention] | None:
    """`ОАО «Газпром»`, `Концерн «Майкрософт»`, `Агенство France-Presse`: the
    legal form or kind of organization before a quoted or Latin name is not
    part of the name in NEREL or in factRuEval's name spans."""
    if mention.label != ORG or (mention.start > 0 and article.text[mention.start - 1] in QUOTES):
        return None  # `«Газета Daily»`: the whole quoted phrase is the name
    words = mention.text.split(maxsplit=1)
    if len(words) < 2 or words[0].casefold().strip(".") not in descriptors():
        return None
    match = _QUOTED_OR_LATIN.match(words[1])
    if not match:
        return None
    name = match.group("quoted") or match.group("latin")
    start = mention.start + mention.text.index(name, len(words[0]))
    named = piece(article, mention, start, start + len(name.rstrip()))
    # Collection5 keeps the legal form (`ОАО "Мечел"`): the extent does.
    named.extent_start, named.extent_end = mention.start, mention.extent_span[1]
    return [named]


@lru_cache(maxsize=1)
def product_nouns() -> frozenset[str]:
    return frozenset(read_words(GAZETTEERS / "product_nouns.txt"))


def drop_product_name(article: Article, mention: Mention) -> list[Mention] | None:
    """`шаттл «Дискавери»`, `фильм «Цирк»`: a quoted name after a vehicle,
    product or work noun names that thing, not an organization."""
    if mention.label != ORG:
        return None
    before = article.text[max(mention.start - 2, 0) : mention.start].rstrip()
    if not before or before[-1] not in QUOTES:
        return None
    sentence = (
        article.sentences[mention.sentence_idx]
        if 0 <= mention.sentence_idx < len(article.sentences)
        else None
    )
    tokens = [t for t in (sentence.tokens if sentence else []) if t.end <= mention.start]
    words = [t for t in tokens if any(c.isalnum() for c in t.text)]
    if words and (words[-1].lemma or words[-1].text.lower()) in product_nouns():
        return []
    return None


RULES: list[tuple[str, Rule]] = [
    ("cut_at_line_break", cut_at_line_break),
    ("trim_edges", trim_edges),
    ("trim_function_words", trim_function_words),
    ("split_parenthesized_acronym", split_parenthesized_acronym),
    ("split_parenthesized_alias", split_parenthesized_alias),
    ("split_at_unbalanced_parenthesis", split_at_unbalanced_parenthesis),
    ("split_list", split_list),
    ("trim_title", trim_title),
    ("trim_leading_person_noun", trim_leading_person_noun),
    ("extend_east_asian_surname", extend_east_asian_surname),
    ("attach_initials", attach_initials),
    ("trim_descriptor", trim_descriptor),
    ("drop_product_name", drop_product_name),
]


class Repair(RuleFamily):
    name: ClassVar[str] = "repair"
    base_requires: ClassVar[tuple[str, ...]] = (SENTENCES, NAMES, MENTIONS)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    default_rules: ClassVar[list[tuple[str, Rule]]] = RULES

    def repair(
        self, article: Article, mention: Mention, seen: frozenset[tuple[int, int]] = frozenset()
    ) -> list[Mention]:
        seen = seen | {(mention.start, mention.end)}
        decided = self.decide(article, mention)
        if decided is None:
            return [mention]
        rule_name, result = decided
        self.note(rule_name, mention.text, " | ".join(m.text for m in result), dropped=not result)
        # A repaired span may need another rule (trim, then split); a span
        # seen before ends the chain, so two rules cannot undo each other forever.
        out: list[Mention] = []
        replaced: dict[int, Mention | None] = {}
        for m in result:
            pieces = self.repair(article, m, seen) if (m.start, m.end) not in seen else [m]
            replaced[id(m)] = pieces[-1] if pieces else None
            out.extend(pieces)
        # A second name follows the part it names again, repaired or not: the last
        # piece of that part is the one the parenthesis stands beside.
        for m in out:
            if m.alias_of is not None and id(m.alias_of) in replaced:
                m.alias_of = replaced[id(m.alias_of)]
        return out

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.mentions = [out for m in article.mentions for out in self.repair(article, m)]
        return articles


class RepairPropagated(Repair):
    """The rules that grow a name by a word before it, again after propagation: a name
    propagated from elsewhere in the article was not there when `Repair` ran (`Б.Обама`
    in a headline, `Ван Цзюнь` at a sentence's start)."""

    name: ClassVar[str] = "repair_propagated"
    default_rules: ClassVar[list[tuple[str, Rule]]] = [
        ("extend_east_asian_surname", extend_east_asian_surname),
        ("attach_initials", attach_initials),
    ]
