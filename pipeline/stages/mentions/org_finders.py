"""Finding rules: a common noun that names a body becomes an ORG mention of its own
(`правительство Японии`, `министерство обороны`, `военная полиция`).

Each looks at a body noun at token i (not inside any name) and returns the
bounds of the organization it heads, or None. NEREL counts these; the Naeval
convention on factRuEval does not, so only the `nerel` profile runs them.
"""

from __future__ import annotations

from collections.abc import Callable

from rusnews.model import LOC, ORG, PER
from rusnews.morphology import lemma_key
from rusnews.stages.mentions.org_view import (
    BARE,
    GENITIVE,
    OWNER,
    View,
    is_place_adjective,
    owner_end,
    quoted_owner_end,
)

# A finding rule looks at a body noun at token i (not inside any name) and
# returns the bounds of the organization it heads, or None.
Finder = Callable[[View, int], tuple[int, int] | None]


def _with_adjectives(view: View, i: int) -> int:
    first = i
    while (
        first > 0
        and is_place_adjective(view.tokens[first - 1], first == 1)
        and view.covered(first - 1) is None
    ):
        first -= 1
    return first


def _with_modifiers(view: View, i: int) -> int:
    """First token of a body noun with the adjectives that name its kind:
    `военной полиции`, `коалиционное правительство`, `генеральную прокуратуру`
    (NEREL spans them), place adjectives included."""
    head = view.tokens[i]
    first = i
    while first > 0 and view.covered(first - 1) is None:
        tok = view.tokens[first - 1]
        if not (
            is_place_adjective(tok, first == 1)
            or (
                tok.pos == "ADJ"
                and (tok.text[:1].islower() or first == 1)
                and tok.feats.get("Case") == head.feats.get("Case")
                and lemma_key(tok) not in view.lexicon.not_naming
            )
        ):
            break
        first -= 1
    return first


def find_owned_body(view: View, i: int) -> tuple[int, int] | None:
    """`правительство Японии`, `полиции Нью-Йорка`, `японское правительство`."""
    if OWNER not in view.lexicon.heads.get(lemma_key(view.tokens[i]), ()):
        return None
    first = _with_adjectives(view, i)
    owner = view.mention_starting(i + 1)
    # Any name owns a body (`правительство Медведева`), unlike a name's owner above.
    if (
        owner is not None
        and owner.label in (LOC, ORG, PER)
        and (view.tokens[i + 1].feats.get("Case") == "Gen" or owner.text.isupper())
    ):
        return _with_modifiers(view, i), view.span_tokens(owner)[1]
    if first < i:
        return first, i
    return None


# What a genitive complement is made of: a noun phrase of lowercase adjectives
# and nouns (`иностранных дел`, `внешнеэкономической деятельности`), short, since
# a longer run of genitives is a chain of dependents rather than a name.
_GENITIVE_POS = {"NOUN", "ADJ"}
_GENITIVE_WORDS = 3


def genitive_end(view: View, i: int) -> int | None:
    """Last token of a genitive noun phrase starting at token i (ending on a noun), or None."""
    end = None
    j = i
    while j < len(view.tokens) and j < i + _GENITIVE_WORDS:
        tok = view.tokens[j]
        if (
            tok.pos not in _GENITIVE_POS
            or tok.feats.get("Case") != "Gen"
            or not tok.text[:1].islower()
            or view.covered(j) is not None
        ):
            break
        if tok.pos == "NOUN":
            end = j
        j += 1
    return end


def find_genitive_body(view: View, i: int) -> tuple[int, int] | None:
    """`министерство обороны`, `кабинет министров`, `департамента культуры
    Москвы`: a body noun whose genitive complement names what it runs; NEREL
    takes the complement, and an owner after it, into the organization."""
    if GENITIVE not in view.lexicon.heads.get(lemma_key(view.tokens[i]), ()):
        return None
    end = genitive_end(view, i + 1)
    if end is None:
        return None
    # Any name owns it (`администрации президента Билла Клинтона`), as in find_owned_body.
    owner = owner_end(view, i, end, (LOC, ORG, PER)) or quoted_owner_end(view, end)
    return _with_modifiers(view, i), owner or end


def find_bare_body(view: View, i: int) -> tuple[int, int] | None:
    """`полиция задержала`, `правительство ушло в отставку`: NEREL counts the
    bare noun when it means one body."""
    if BARE not in view.lexicon.heads.get(lemma_key(view.tokens[i]), ()):
        return None
    return _with_modifiers(view, i), i


FINDERS: dict[str, Finder] = {
    "find_genitive_body": find_genitive_body,
    "find_owned_body": find_owned_body,
    "find_bare_body": find_bare_body,
}
