"""The person a body or prize is named after (`институт имени А. М. Горького`) is a person.

The tagger takes `Литературный институт имени А. М. Горького` as one organization and
finds no person in it; NEREL marks the person inside as PERSON (on nerel-train 43 of the
54 names after `имени` / `им.` exactly so, most of the rest only longer or shorter). The
name after the word is initials and capitalised words; a person mention already on it is
left as it is.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rusnews.model import PER, PROPER, Article, Mention
from rusnews.overlaps import Overlaps
from rusnews.stages.base import MENTIONS, NAMES, SENTENCES

_INITIAL = r"[А-ЯЁ]\.[\s\u00a0]?"
_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
_PARTICLE = r"(?:ван|фон|де|да|ибн)"
NAMED_AFTER = re.compile(
    rf"(?<![А-Яа-яЁё])(?:имени|им\.)\s+"
    rf"(?P<name>(?:{_INITIAL}){{0,2}}{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,2}})"
    r"(?![А-Яа-яЁё])"
)


def find_named_after(text: str) -> list[tuple[int, int]]:
    return [m.span("name") for m in NAMED_AFTER.finditer(text)]


class NamedAfter:
    name: ClassVar[str] = "named_after"
    requires: ClassVar[tuple[str, ...]] = (SENTENCES, NAMES)
    assigns: ClassVar[tuple[str, ...]] = (MENTIONS,)

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            persons = Overlaps(m for m in article.mentions if m.label == PER)
            for idx, sentence in enumerate(article.sentences):
                for start, end in find_named_after(sentence.text):
                    start, end = sentence.start + start, sentence.start + end
                    if persons.overlapping(start, end):
                        continue
                    article.mentions.append(
                        Mention(
                            start,
                            end,
                            article.text[start:end],
                            PER,
                            sentence_idx=idx,
                            source="named_after",
                            kind=PROPER,
                        )
                    )
        return articles
