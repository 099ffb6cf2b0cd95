"""Strings that Arrow can store: lone surrogates out of JSON escapes and file names.

A JSON string may spell half of a UTF-16 pair (`"\\ud800"`), and Python hands
a file name that is not UTF-8 over with its bytes as surrogates (PEP 383). Both
are valid `str` but not encodable as UTF-8, which every table column must be.
Text keeps its length when cleaned, so character offsets still hold.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate as U+FFFD, and how many there were."""
    return _SURROGATE.subn(REPLACEMENT, text)


def display_path(path: object) -> tuple[str, bool]:
    """A path as a UTF-8 string, and whether its name had bytes that are not UTF-8.

    Those bytes are written `\\xd1`, as `ls -b` shows them: unlike U+FFFD this
    keeps two such names apart, so they never collide as article ids.
    """
    text = str(path)
    if not _SURROGATE.search(text):
        return text, False
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system hands over: not a byte
        return replace_surrogates(text)[0], True
    return raw.decode("utf-8", "backslashreplace"), True
