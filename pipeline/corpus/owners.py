"""Bodies that belong to a place, and which place: `МИД России` is not `МИД Казахстана`.

An organization's owner is, in this order: a place named inside the
organization's mention or its extent (`Министерство энергетики Республики
Казахстан`, `МИД России`), a place adjective before its name (`японский
МИД`), and, for a body whose noun always has an owner (`министерство`,
`посольство`, `МИД`: the `owner` heads of `models/gazetteers/org_heads.tsv`),
the article's own country when the text names none (`сообщили в МИД` in an
article about Kazakhstan). The article's country is the one its places point
to most: country names, the `country` a knowledge base gave its places, and
the owners of its other bodies; a tie is no country.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from rusnews.corpus.names import (
    COUNTRY,
    NameTables,
    adjective_stem,
    country_code,
    full_form,
    official_form,
)
from rusnews.text import fold, fold_spaced, is_acronym


@dataclass(slots=True)
class Owner:
    key: str  # comparison form of the place (`country:RU`, `москва`)
    name: str  # the place as the article names it (`Россия`)


@dataclass(slots=True)
class Body:
    base: str  # the body's name without its owner, in full form (`министерство иностранных дел`)
    owner: Owner | None
    said: bool  # the text names the owner (not taken from the article)


Place = tuple[int, int, int, str]  # a LOC mention: start, end, entity id, text as written


def _places_inside(starts: list[int], places: list[Place], start: int, end: int) -> list[Place]:
    """Place mentions within [start, end), found by one bisection."""
    found = []
    for idx in range(bisect.bisect_left(starts, start), len(starts)):
        place = places[idx]
        if place[0] >= end:
            break
        if place[1] <= end:
            found.append(place)
    return found


def owners_in_text(
    org_mentions: list[tuple[int, int, int, int, int]], place_mentions: list[Place]
) -> dict[int, Counter]:
    """Per ORG entity id, how often each place (entity id, text) lies inside one of its
    mentions (start, end, extent start, extent end, entity id), in one article."""
    places = sorted(place_mentions)
    starts = [p[0] for p in places]
    inside: dict[int, Counter] = {}
    for start, end, extent_start, extent_end, entity_id in org_mentions:
        lo, hi = min(start, extent_start), max(end, extent_end)
        for place in _places_inside(starts, places, lo, hi):
            if (place[0], place[1]) != (start, end):
                inside.setdefault(entity_id, Counter())[(place[2], place[3])] += 1
    return inside


def names_an_owner(text: str, normal: str | None) -> bool:
    """A place inside an organization's name is its owner when it stands in another case
    (`МИД России`, `Сейм Латвии`) or is an acronym (`Конгресс США`); in the nominative it is
    part of the name (`Единая Россия`)."""
    return is_acronym(text) or (normal is not None and fold_spaced(text) != fold_spaced(normal))


def strip_owner(name: str, owner_text: str | None) -> str:
    """`Министерство иностранных дел Таджикистана` without `Таджикистана`."""
    folded = fold_spaced(name)
    if owner_text:
        words = fold_spaced(owner_text)
        if words and words in folded and words != folded:
            folded = " ".join(folded.replace(words, " ").split())
    return folded


def adjective_owner(name: str, tables: NameTables) -> tuple[str, str] | None:
    """(the rest of the name, the place) for `японский МИД` -> (`МИД`, `Япония`); only
    before a body that has an owner (`Европейский союз` is no union of Europe's)."""
    words = name.split()
    if len(words) < 2:
        return None
    place = tables.place_adjectives.get(adjective_stem(fold(words[0])))
    rest = " ".join(words[1:])
    return (rest, place) if place and is_owned_noun(rest, tables) else None


def is_owned_noun(base: str, tables: NameTables) -> bool:
    """A body whose noun always has an owner: `министерство ...`, `МИД`, `Минфин`."""
    words = full_form(base, tables).split()
    return bool(words) and words[0] in tables.owned_heads


def article_country(
    places: list[tuple[str, int, str | None]], said_owners: list[Owner], tables: NameTables
) -> Owner | None:
    """The country an article is about: places (name, mentions, knowledge-base country) and
    the owners its bodies name; None when none leads."""
    votes: Counter[str] = Counter()
    names: dict[str, Counter] = {}
    for name, n_mentions, kb_country in places:
        code = country_code(name, tables)
        if code:
            names.setdefault(code, Counter())[name] += n_mentions
        code = code or kb_country
        if code:
            votes[code] += n_mentions
    for owner in said_owners:
        if owner.key.startswith(COUNTRY):
            code = owner.key[len(COUNTRY) :]
            votes[code] += 1
            names.setdefault(code, Counter())[owner.name] += 1
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    code = ranked[0][0]
    shown = names.get(code)
    # A country only a knowledge base gave (`Астана` -> KZ) is shown by its name, not its code.
    name = shown.most_common(1)[0][0] if shown else tables.country_names.get(code, code)
    return Owner(COUNTRY + code, name)


def owner_of(name: str, tables: NameTables) -> Owner:
    return Owner(official_form(name, tables), name)
