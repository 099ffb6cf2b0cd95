"""Metadata markers at the top of a plain-text article, and the exact body after them.

A marker stands on a line of its own (`date 2025-12-03`, `Date: 2025-12-03`,
`Дата: 3 декабря 2025`, `title Переговоры`, `url ...`), or a date marker stands
inline before the first sentence (` date 2025-12-03 10:15 В Брюсселе ...`). A
key without a colon must be lowercase (`title`) or, for a date, be followed by
something that starts like a date, so that a body opening with
`Дата проведения форума ...` or `Title IX ...` stays body.
"""

from __future__ import annotations

import re

from rusnews.io.published import DATE_TEXT

DATE = "date"
_KEYS = {
    "date": DATE,
    "published": DATE,
    "дата": DATE,
    "опубликовано": DATE,
    "title": "title",
    "url": "url",
    "source": "source",
}
_LINE = re.compile(
    r"[ \t]*(?P<key>[^\W\d_]+)(?:[ \t]*(?P<colon>:)[ \t]*|[ \t]+)"
    r"(?P<value>[^\r\n]*?)[ \t]*(?:\r\n|\n|\r|$)"
)
_INLINE_DATE = re.compile(
    rf"[ \t]*(?i:date|published|дата|опубликовано)[ \t]*:?[ \t]+(?P<value>{DATE_TEXT})[ \t]+(?=\S)"
)
_STARTS_LIKE_DATE = re.compile(r"\d")


def _marker(line: re.Match[str]) -> str | None:
    """The key a marker line sets, or None when the line is body text."""
    key = _KEYS.get(line["key"].casefold())
    if key is None or not line["value"]:
        return None
    if line["colon"]:
        return key
    if key == DATE:
        return key if _STARTS_LIKE_DATE.match(line["value"]) else None
    return key if line["key"].islower() else None


def split_markers(text: str) -> tuple[dict[str, str], str]:
    """Strip leading metadata markers; return them and the untouched body."""
    meta: dict[str, str] = {}
    pos = 0
    while True:
        inline = _INLINE_DATE.match(text, pos)
        if inline and DATE not in meta:
            meta[DATE] = inline["value"]
            pos = inline.end()
            continue
        line = _LINE.match(text, pos)
        if not line or line.end() == pos:
            break
        key = _marker(line)
        if key is None or key in meta:
            break
        meta[key] = line["value"]
        pos = line.end()
    return meta, text[pos:]
