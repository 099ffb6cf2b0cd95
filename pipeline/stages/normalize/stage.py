"""Normalize stage: PER/ORG/LOC mentions to their nominative form.

Persons go through ``names.py`` (all parts of a name agree on one case and
gender, ``agreement.py`` adds what the sentence says about the case);
organizations and places through ``name_phrases.py`` (the head noun and its
adjectives to nominative) and ``name_descriptors.py`` (the name without the
descriptor before it or its quote marks: ``партии «Яблоко»`` -> ``Яблоко``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from rusnews.model import NAME_LABELS, PER, Article, Mention, Token
from rusnews.morphology import FEMN, MASC, NOMN
from rusnews.stages.base import MENTIONS_FINAL, MORPH, NAMES, NORMALS
from rusnews.stages.normalize.case_cues import allowed_cases, subject_gender, with_feats
from rusnews.stages.normalize.descriptors import normalize_name, whole_name
from rusnews.stages.normalize.person_chains import Reading, agree_chains
from rusnews.stages.normalize.person_readings import join_tokens
from rusnews.stages.normalize.persons import PersonName, normalize_person
from rusnews.stages.normalize.phrases import inflect_phrase
from rusnews.stages.normalize.place_chains import agree_places
from rusnews.text import CLOSING_QUOTES, OPENING_QUOTES, QUOTES


@dataclass(slots=True)
class Normal:
    normal: str
    first: str | None = None
    middle: str | None = None
    last: str | None = None
    core: str | None = None  # ORG/LOC: the name without its descriptor


def normalize_mention(
    label: str, tokens: list[Token], cases: frozenset[str] | None = None
) -> Normal:
    """Nominative form of a PER/ORG/LOC mention from the tokens it covers;
    ``cases``: those its context allows a person's name (None: any)."""
    if not tokens:
        return Normal(normal="")
    if label == PER:
        name = normalize_person(tokens, cases)
        return Normal(name.normal, name.first, name.middle, name.last)
    if label in NAME_LABELS:
        if _quoted_whole(tokens):
            tokens = tokens[1:-1]  # «Газпрома»: the quotes are typography, the word declines
        forms = inflect_phrase(tokens)
        return Normal(whole_name(tokens, forms), core=normalize_name(tokens, forms))
    return Normal(join_tokens([tok.text for tok in tokens], tokens))


def _quoted_whole(tokens: list[Token]) -> bool:
    if len(tokens) < 3 or tokens[0].text not in OPENING_QUOTES:
        return False
    return tokens[-1].text in CLOSING_QUOTES and not any(t.text in QUOTES for t in tokens[1:-1])


UD_GENDER = {MASC: "Masc", FEMN: "Fem"}

# A name in Latin letters in brackets right after a name of the same type is its
# original spelling: `Юрген Клинсман (Jürgen Klinsmann)`, `газета «Ла стампа» (La Stampa)`.
ORIGINAL_SPELLING_GAP = re.compile(r"[»\"“”]?\s*\(\s*")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LATIN = re.compile(r"[A-Za-z]")


def take_original_spellings(article: Article, mentions: list[Mention]) -> None:
    """A bracketed original spelling takes the name before it as its core (and a person's
    name parts), so both read as one name (the Russian one)."""
    by_end = {(m.label, m.end): m for m in article.mentions if m.normal}
    for mention in mentions:
        if CYRILLIC.search(mention.text) or not LATIN.search(mention.text):
            continue
        # Capitals in brackets are an abbreviation, a name of its own (`«Футбол против
        # расизма в Европе» (FARE)`): RuNormAS keeps FARE, and so does the text.
        if mention.text.isupper():
            continue
        # Only blanks may stand between the bracket and the name (ORIGINAL_SPELLING_GAP):
        # searching further back for a bracket would cross the article for every name.
        opening = mention.start - 1
        while opening >= 0 and article.text[opening].isspace():
            opening -= 1
        if opening < 0 or article.text[opening] != "(":
            continue
        for end in range(max(0, opening - 2), opening + 1):
            gap = article.text[end : mention.start]
            name = by_end.get((mention.label, end))
            if name is None or name is mention or not ORIGINAL_SPELLING_GAP.fullmatch(gap):
                continue
            # A Latin name after a Latin one is another thing (`Libra (Facebook)`: its
            # owner), not the same name spelled in its own script.
            if not CYRILLIC.search(name.text):
                break
            # The span keeps its own normal form, as written (RuNormAS: `Reeflay`); the
            # name it spells is its core, so it reads as that name where a convention
            # compares names (factRuEval's chains) and joins its entity: Vedomosti is
            # Ведомости, not the descriptor before it.
            mention.core = name.core or name.normal
            mention.first, mention.middle, mention.last = name.first, name.middle, name.last
            break


class Normalize:
    """Stage: for each article, set mention.normal (and first/middle/last for PER, core for
    ORG/LOC) of every PER/ORG/LOC mention whose normal is None."""

    name: ClassVar[str] = "normalize"
    requires: ClassVar[tuple[str, ...]] = (MORPH, NAMES, MENTIONS_FINAL)
    assigns: ClassVar[tuple[str, ...]] = (NORMALS,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            fresh = [m for m in article.mentions if m.label in NAME_LABELS and m.normal is None]
            persons: list[tuple[Mention, Reading]] = []
            for mention in fresh:
                tokens = article.tokens_in(mention.start, mention.end)
                if mention.label == PER and tokens:
                    persons.append((mention, _read_person(article, mention, tokens)))
                    continue
                normal = normalize_mention(mention.label, tokens)
                # No tokens (an article without sentences): the text as written is all we have.
                mention.normal = normal.normal or mention.text
                mention.core = normal.core
            agree_places(fresh)
            names = agree_chains([reading for _, reading in persons])
            for (mention, _), name in zip(persons, names):
                mention.normal = name.normal or mention.text
                mention.first, mention.middle, mention.last = name.first, name.middle, name.last
            take_original_spellings(article, fresh)
        return articles


def _read_person(article: Article, mention: Mention, tokens: list[Token]) -> Reading:
    """A person's name as its own words and its sentence read it, and how to read it again
    in another gender."""
    cases = allowed_cases(article, mention)
    genders = None
    if cue := subject_gender(article, mention):
        # The subject of a verb that agrees: a nominative of the verb's gender, a hint to
        # the words unless slovnet reads the name so too.
        tokens = with_feats(tokens, {"Case": "Nom", "Gender": UD_GENDER[cue.gender]})
        if cue.sure:
            cases, genders = frozenset({NOMN}), frozenset({cue.gender})

    def again(wanted: str) -> PersonName:
        return normalize_person(tokens, cases, frozenset({wanted}))

    return Reading(normalize_person(tokens, cases, genders), again)
