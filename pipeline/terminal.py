"""Text from articles and paths, made safe to print: data, never markup or terminal commands.

Rich reads `[bold]` in a plain string as a style and fails on `[/]`; a
terminal obeys an ESC byte from an article (colours, cursor moves, a cleared
screen) and a right-to-left override (U+202E) reorders what follows it. So
whatever did not come from rusnews itself goes to the console as a `Text`,
with control and format characters written out as escapes (`\\x1b`,
`\\u202e`) that a reader can see.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

# Line layout, which the terminal should apply, is kept. Everything else of
# categories Cc (controls), Cf (invisible format characters) and Cs (lone
# surrogates, which no terminal encoding can even write) is shown as an escape.
KEPT = frozenset("\n\t")
ESCAPED = frozenset(("Cc", "Cf", "Cs"))


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def visible(text: str) -> str:
    """`text` with every control, format or surrogate character but a newline or tab escaped.

    A line ending `\\r\\n` or a lone `\\r` (old Mac files) prints as one newline:
    a raw `\\r` would send the cursor back and let the rest of the line
    overwrite what was printed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isprintable():  # the common case: nothing to replace
        return text
    return "".join(
        char if char in KEPT or unicodedata.category(char) not in ESCAPED else _escape(char)
        for char in text
    )


def plain(text: object, style: str = "") -> Text:
    """A Rich `Text` of `text` as data: no markup parsed, controls visible."""
    return Text(visible(str(text)), style=style)
