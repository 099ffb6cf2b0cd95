"""One gender for every mention of a person in an article.

A lone surname in an oblique case often reads either way (`Малышеву`: his dative or
her accusative, `Панина`: her nominative or his genitive), while another mention of
the same person settles it (`Ольга Малышева`, `Панина заявила`). Each mention votes
for the gender it chose with its margin (``PersonName.margin``); mentions whose
surnames come to one masculine form are one person; a mention the others outvote is
read again in their gender, if it is a surname alone. A man and a woman of one family in one article
(`Сергей и Юлия Скрипаль`) tie or split the vote, and then nothing changes unless the
other side is clearly stronger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rusnews.morphology import FEMN, MASC
from rusnews.stages.normalize.person_readings import FEMININE_SURNAMES
from rusnews.stages.normalize.persons import PersonName
from rusnews.text import fold

# How much more the other mentions must say for the other gender before a mention is
# read again: an even split is a family, not an error.
OUTVOTE = 0.3


def surname_key(last: str) -> str:
    """The masculine form both genders of a surname come to: Малышева, Малышев -> малышев."""
    word = fold(last)
    for feminine, masculine in FEMININE_SURNAMES:
        if word.endswith(feminine):
            return word[: -len(feminine)] + masculine
    return word


@dataclass(slots=True)
class Reading:
    """One mention of a person as first read, and how to read it again in a given gender."""

    name: PersonName
    again: Callable[[str], PersonName]


def _signed(name: PersonName) -> float:
    return name.margin if name.gender == FEMN else -name.margin


def agree_chains(readings: list[Reading]) -> list[PersonName]:
    """The names of the mentions, each read again in its person's gender where the other
    mentions of the person outvote its own reading."""
    votes: dict[str, float] = defaultdict(float)
    for reading in readings:
        name = reading.name
        if name.last and name.gender:
            votes[surname_key(name.last)] += _signed(name)
    names = []
    for reading in readings:
        name = reading.name
        # Only a surname alone is read again: a first name says the gender itself, and a
        # family shares the surname (`Ольги Бузовой` and her father `Игоря Бузова`).
        if name.last and name.gender and not (name.first or name.middle):
            others = votes[surname_key(name.last)] - _signed(name)
            wanted = FEMN if others > 0 else MASC
            if wanted != name.gender and abs(others) >= name.margin + OUTVOTE:
                again = reading.again(wanted)
                if again.gender == wanted:
                    name = again
        names.append(name)
    return names
