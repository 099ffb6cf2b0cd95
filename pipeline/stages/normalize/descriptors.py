"""The name inside an organization or place mention: descriptor left out, quotes taken off.

News writes a name after a common noun that says what it names: ``партии
«Яблоко»``, ``компании Microsoft``, ``ОАО «Газпром»``, ``штата Аризона``,
``реки Славянки``. The descriptor is not part of the name (factRuEval keeps it
apart from `name`), so the mention's ``core`` is the name alone: ``Яблоко``,
``Microsoft``, ``Газпром``, ``Аризона``, ``Славянка``; its ``normal`` is the
whole mention in nominative, as RuNormAS writes it (``партия «Яблоко»``). The descriptors are listed
in ``models/normalize/kind_nouns.tsv``; a noun not listed heads the name itself
(``Министерство иностранных дел``, ``Республика Казахстан``).

Quote marks are typography, not part of a name either (``Русская служба Голоса
Америки``), except around a quoted head, where they are all that tells the name
from a common noun (``московский «Центр»``).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rusnews.lexicon import LexiconError, location, numbered_rows
from rusnews.model import Token
from rusnews.morphology import is_known, parse_case
from rusnews.resources import MODELS_DIR
from rusnews.stages.normalize.person_readings import (
    MODIFIER_POS,
    NOUN_POS,
    is_cyrillic_word,
    join_tokens,
    word_parses,
)
from rusnews.stages.normalize.phrases import PhraseForms
from rusnews.text import OPENING_QUOTES, QUOTES, fold, is_acronym

DESCRIPTORS_PATH = MODELS_DIR / "normalize" / "kind_nouns.tsv"
NAME_KIND, QUOTED_KIND = "name", "quoted"
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# Readings this close to the best one are as likely as it.
TOP_SHARE = 0.95


@cache
def descriptors(path: Path = DESCRIPTORS_PATH) -> dict[str, str]:
    """Descriptor (nominative singular) -> which names follow it (NAME_KIND or QUOTED_KIND)."""
    table = {}
    for number, (word, kind) in numbered_rows(path, ("descriptor", "kind")):
        if kind not in (NAME_KIND, QUOTED_KIND):
            raise LexiconError(
                f"{location(path, number)}: kind {kind!r}; write {NAME_KIND} or {QUOTED_KIND}"
            )
        table[fold(word)] = kind
    return table


def _has_inner_capital(text: str) -> bool:
    """A brand written with inner capitals (ВымпелКом, БелТА). An all-capitals acronym
    after a descriptor is as often its owner (фракция КПРФ, центр МЧС) and stays."""
    return not is_acronym(text) and "-" not in text and sum(c.isupper() for c in text) >= 2


def _may_be_genitive(text: str) -> bool:
    """A declinable word read first as a genitive singular: after a descriptor it is
    its owner (партии Путина, театра Вахтангова), not its name. A weaker genitive
    reading (Калифорния as калифорний) or a guessed plural one (Тоттенхэм as the
    plural of a woman's name) does not count; a known plural does (Объединённых Наций)."""
    parses = word_parses(text, NOUN_POS | MODIFIER_POS)
    top = max((weight for _, weight in parses), default=0.0)
    return any(
        weight >= TOP_SHARE * top
        and parse_case(parse) == "gent"
        and (parse.tag.number == "sing" or is_known(text))
        and "Fixd" not in parse.tag
        for parse, weight in parses
    )


def _is_frozen_name(text: str) -> bool:
    """A quoted or Latin name (or one starting with a digit, 3Com): it never agrees."""
    return text in OPENING_QUOTES or bool(LATIN_OR_DIGIT.match(text))


def _is_bare_name(text: str, forms: PhraseForms) -> bool:
    """A name written without quotes in apposition to its descriptor."""
    if _has_inner_capital(text) or forms.apposition:
        return True
    if is_acronym(text) or not (is_cyrillic_word(text) and text[:1].isupper()):
        return False
    return not _may_be_genitive(text)


def _descriptor_kind(text: str, nominative: str) -> str | None:
    """The descriptor kind of a head word, by its nominative or any noun lemma
    (города may stay plural when the head is read as nominative)."""
    table = descriptors()
    if fold(nominative) in table:
        return table[fold(nominative)]
    lemmas = (fold(parse.normal_form) for parse, _ in word_parses(text, NOUN_POS))
    return next((table[lemma] for lemma in lemmas if lemma in table), None)


def _quoted_head(tokens: list[Token], forms: PhraseForms) -> bool:
    head = forms.group.head
    return head is not None and head > 0 and tokens[head - 1].text in QUOTES


def name_start(tokens: list[Token], forms: PhraseForms) -> int:
    """Index of the token where the name proper starts; 0 when the mention is all name."""
    if len(tokens) > 2 and is_acronym(tokens[0].text) and tokens[1].text in OPENING_QUOTES:
        return 1  # a legal form before a quoted name: ОАО «Газпром», РИА «Новости»
    head = forms.group.head
    if head is None or head + 1 >= len(tokens) or _quoted_head(tokens, forms):
        return 0
    kind = _descriptor_kind(tokens[head].text, forms.texts[head])
    if kind is None:
        return 0
    start = head + 1
    text = tokens[start].text
    if _is_frozen_name(text) or (kind == NAME_KIND and _is_bare_name(text, forms)):
        return start
    # The descriptor's own lowercase complement, then a quoted or Latin name:
    # Центр современной культуры «Гараж», производитель сетевого оборудования 3Com.
    i = start
    while i < len(tokens) and is_cyrillic_word(tokens[i].text) and tokens[i].text.islower():
        i += 1
    return i if start < i < len(tokens) and _is_frozen_name(tokens[i].text) else 0


def join_name(tokens: list[Token], forms: PhraseForms, start: int = 0) -> str:
    """The words from ``start`` on, with the spacing of the text and quote marks dropped
    (a gap where a dropped mark stood becomes one space)."""
    keep_quotes = _quoted_head(tokens, forms)
    kept = [
        i for i in range(start, len(tokens)) if keep_quotes or tokens[i].text not in QUOTES
    ]
    out: list[str] = []
    for previous, i in zip([None, *kept], kept):
        if previous is not None:
            if i == previous + 1:
                out.append(" " * (tokens[i].start - tokens[previous].end))
            elif any(tokens[k + 1].start > tokens[k].end for k in range(previous, i)):
                out.append(" ")
        out.append(forms.texts[i])
    return "".join(out)


def normalize_name(tokens: list[Token], forms: PhraseForms) -> str:
    """The name of an organization or place mention, from its inflected words."""
    return join_name(tokens, forms, name_start(tokens, forms))


def whole_name(tokens: list[Token], forms: PhraseForms) -> str:
    """The normal form of the whole mention: the descriptor and the quotes stay, as they
    tell a newspaper from its name (`газета «Ведомости»`, `РИА «Новости»`)."""
    return join_tokens(forms.texts, tokens)
