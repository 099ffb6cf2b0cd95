"""A pronoun subject (`он`, `она`) stands for the nearest person named before it whose
gender agrees: `— Мы готовы, — сказал он` gives the statement to the last man named.

The person's gender comes from pymorphy3's nominative readings of the first name (tagged
`Name`), else of the surname (`Surn`); a person whose gender neither tells fits either
pronoun.
The search goes back at most `LOOKBACK` sentences: further back, the nearest name is
a guess.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from rusnews import morphology
from rusnews.model import PER, Article, Mention
from rusnews.stages.events.roles import Found
from rusnews.stages.events.tree import Tree
from rusnews.stages.events.triggers import Frame

PRONOUNS = {"он": "masc", "она": "femn"}
LOOKBACK = 2
# Mentions looked at before the pronoun, at most: a bound on the work in a long sentence.
SCAN = 200


@lru_cache(maxsize=20_000)
def _gender_of_word(word: str, kind: str) -> str | None:
    # The name parts are nominative; only nominative readings speak (`Кая` reads as the
    # genitive of the masculine `Кай`, `Каллас` as either gender: neither decides).
    genders = {
        parse.tag.gender
        for parse in morphology.parse(word)
        if kind in parse.tag and parse.tag.case == "nomn" and parse.tag.gender in ("masc", "femn")
    }
    return genders.pop() if len(genders) == 1 else None


def gender(m: Mention) -> str | None:
    """masc or femn when the person's name says, else None."""
    if m.first:
        found = _gender_of_word(m.first, "Name")
        if found is not None:
            return found
    if m.last:
        return _gender_of_word(m.last, "Surn")
    return None


def antecedent(article: Article, tree: Tree, i: int) -> Mention | None:
    """The person a subject pronoun at token i stands for, if the text names one."""
    wanted = PRONOUNS.get(tree.lemma(i))
    if wanted is None:
        return None
    at = tree.tokens[i].start
    first_sentence = tree.idx - LOOKBACK
    mentions = article.mentions  # sorted by start
    k = bisect_left(mentions, at, key=lambda m: m.start)
    for m in reversed(mentions[max(k - SCAN, 0) : k]):
        if m.sentence_idx < first_sentence:
            break
        if m.label == PER and gender(m) in (wanted, None):
            return m
    return None


def pronoun_subjects(article: Article, tree: Tree, frame: Frame, role: str) -> list[Found]:
    """`сказал он`: the subject pronouns of the frame, as the persons they stand for."""
    found = []
    for f in frame.tokens:
        for s in tree.kids(f, "nsubj"):
            if tree.mention_at[s] is None and (m := antecedent(article, tree, s)) is not None:
                found.append(Found(role, m, "pronoun"))
    return found
