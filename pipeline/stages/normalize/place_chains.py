"""One nominative for every form of a place name an article uses.

A foreign place pymorphy3 does not know has several readings in each form (`Африне`:
a woman's name Африна in the dative, or Африн in the prepositional), and its other forms
in the article decide (`Африна`, `Африном`): the nominative that the most distinct
forms can be read as is the name. A form keeps its own reading unless another one is
shared by more forms than its own.
"""

from __future__ import annotations

from collections import defaultdict

from rusnews.model import LOC, Mention
from rusnews.stages.normalize.person_readings import is_cyrillic_word, recover_shape
from rusnews.stages.normalize.phrases import head_readings
from rusnews.text import fold


def _candidates(text: str) -> set[str]:
    return {fold(reading.nominative or text) for reading in head_readings(text)}


def agree_places(mentions: list[Mention]) -> None:
    """Set the normal (and core) of one-word place mentions to the nominative most of the
    article's forms of it share, where that is not their own."""
    places = [
        m
        for m in mentions
        if m.label == LOC and m.normal and is_cyrillic_word(m.text) and m.text[:1].isupper()
    ]
    if len(places) < 2:
        return
    forms: dict[str, set[str]] = defaultdict(set)  # nominative -> the forms that read as it
    readings = {}
    for mention in places:
        text = fold(mention.text)
        if text not in readings:
            readings[text] = _candidates(mention.text) | {fold(mention.normal or "")}
            for nominative in readings[text]:
                forms[nominative].add(text)
    for mention in places:
        own = fold(mention.normal or "")
        # Ties go to its own reading, then to the word order: a set's order changes per run.
        best = max(readings[fold(mention.text)], key=lambda n: (len(forms[n]), n == own, n))
        if best != own and len(forms[best]) > len(forms[own]):
            mention.normal = mention.core = recover_shape(best, mention.text)
