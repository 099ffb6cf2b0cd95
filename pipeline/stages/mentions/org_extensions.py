"""Extension rules: an ORG mention the tagger cut short grows over what the gold corpora
count as part of the name.

Each returns the new (first, last) token bounds of the organization, or None:
a place adjective before it (`японского МИДа`), a `по`/`при` complement after
a body noun (`Европейского суда по правам человека`) and its owner (`Верховный
суд Испании`, the place stays a mention of its own inside).
"""

from __future__ import annotations

from collections.abc import Callable

from rusnews.model import PER
from rusnews.morphology import lemma_key
from rusnews.stages.mentions.org_view import (
    COMPLEMENT,
    View,
    is_place_adjective,
    owner_end,
)
from rusnews.text import CLOSING_QUOTES, OPENING_QUOTES, is_acronym

_COMPLEMENT_POS = {"NOUN", "PROPN", "ADJ", "NUM", "DET"}

# An extension rule returns the new (first, last) token bounds of an ORG, or None.
Extension = Callable[[View, int, int], tuple[int, int] | None]


def extend_place_adjective(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`японского МИДа`, `российском министерстве финансов`: factRuEval's name
    spans and NEREL both take a place adjective into the organization."""
    i = first - 1
    if i >= 0 and is_place_adjective(view.tokens[i], i == 0) and view.covered(i) is None:
        return i, last
    # `московского «Центра»`: the adjective stands before the quoted name, which closes.
    tokens = view.tokens
    if (
        i >= 1
        and tokens[i].text in OPENING_QUOTES
        and last + 1 < len(tokens)
        and tokens[last + 1].text in CLOSING_QUOTES
        and is_place_adjective(tokens[i - 1], i == 1)
        and view.covered(i - 1) is None
    ):
        return i - 1, last + 1
    return None


def complement_end(view: View, i: int) -> int | None:
    """Last token of a `по`/`при` complement starting at token i, or None."""
    tokens = view.tokens
    if (
        i >= len(tokens)
        or lemma_key(tokens[i]) not in view.lexicon.complement_prepositions
        or not tokens[i].text.islower()
    ):
        return None
    end = None
    j = i + 1
    while j < len(tokens):
        tok = tokens[j]
        other = view.covered(j)
        if other is not None and other.label == PER:
            break
        if tok.pos in _COMPLEMENT_POS or other is not None:
            end = j
        elif lemma_key(tok) not in view.lexicon.complement_glue:
            break
        j += 1
    return end


def extend_complement(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`Европейского суда по правам человека`, `Следственного комитета при
    прокуратуре`: a body noun's complement is part of its name in both corpora."""
    heads = view.lexicon.heads
    nouns = [
        i for i in range(first, last + 1) if COMPLEMENT in heads.get(lemma_key(view.tokens[i]), ())
    ]
    if not nouns:
        return None
    # `представителя Европейского союза по Центральной Азии`, `директората
    # Европейской комиссии по вопросам миграции`: after a noun the name is
    # that noun's dependent, and a `по` complement may well be the noun's own
    # (`при` is not: `представитель Следственного комитета при прокуратуре`).
    after_noun = (
        first > 0
        and view.tokens[first - 1].pos == "NOUN"
        and view.covered(first - 1) is None
        and view.tokens[first].feats.get("Case") == "Gen"
    )
    if after_noun and last + 1 < len(view.tokens) and lemma_key(view.tokens[last + 1]) == "по":
        return None
    end = complement_end(view, last + 1)
    return (first, end) if end is not None else None


def extend_owner(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`Верховный суд Испании`, `Правительство Медведева`: the owner in the
    genitive right after the name (NEREL and factRuEval objects; not Naeval)."""
    if first == last and is_acronym(view.tokens[first].text):
        return None  # `МИД РК`: the acronym is the entity's name (it links to its expansion)
    end = owner_end(view, first, last)
    return (first, end) if end is not None else None


def extend_acronym_owner(view: View, first: int, last: int) -> tuple[int, int] | None:
    """`МИД России`, `ФСБ РФ`, `ВВС США`: NEREL spans an acronym with its
    owner as one organization, where factRuEval keeps the acronym alone."""
    if first != last or not is_acronym(view.tokens[first].text):
        return None
    end = owner_end(view, first, last)
    return (first, end) if end is not None else None


EXTENSIONS: dict[str, Extension] = {
    "extend_place_adjective": extend_place_adjective,
    "extend_complement": extend_complement,
    "extend_owner": extend_owner,
    "extend_acronym_owner": extend_acronym_owner,
}
