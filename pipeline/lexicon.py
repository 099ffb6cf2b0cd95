"""Reading the rule data in `models/`: one format and one loader for every lexicon.

A lexicon is a UTF-8 text file of tab-separated rows. A line whose first
non-blank character is `#` is a comment and blank lines are skipped; nothing
else is (a `#` inside a row is data). Each cell is stripped of surrounding
spaces. The caller names the columns it reads; trailing columns it marks
optional may be left out (they read as ""), any other count is an error that
names the file and line, so a slip in a hand-edited list fails at load rather
than silently dropping a rule.

(This reads the project's own data; `rusnews.io.tables` reads output tables.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rusnews.resources import MODELS_DIR

COMMENT = "#"
SEPARATOR = "\t"


class LexiconError(ValueError):
    """A lexicon file that does not have the shape its reader expects."""


def location(path: Path, line: int) -> str:
    """`path:line`, as editors and terminals link it."""
    return f"{path}:{line}"


def numbered_rows(
    path: Path, columns: Sequence[str], optional: int = 0
) -> list[tuple[int, tuple[str, ...]]]:
    """(line number, cells) for every data row of `path`; the last `optional`
    columns may be missing."""
    if not 0 <= optional <= len(columns):
        raise ValueError(f"optional={optional} for {len(columns)} columns")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon file not found") from None
    fewest = len(columns) - optional
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith(COMMENT):
            continue
        cells = [cell.strip() for cell in line.split(SEPARATOR)]
        # A row may end in empty optional cells written as bare tabs.
        while len(cells) > len(columns) and not cells[-1]:
            cells.pop()
        if not fewest <= len(cells) <= len(columns):
            expected = " | ".join(columns)
            count = str(len(columns)) if not optional else f"{fewest} to {len(columns)}"
            raise LexiconError(
                f"{location(path, number)}: expected {count} tab-separated columns "
                f"({expected}), got {len(cells)}: {line!r}"
            )
        rows.append((number, tuple(cells) + ("",) * (len(columns) - len(cells))))
    return rows


def read_lexicon(path: Path, columns: Sequence[str], optional: int = 0) -> list[tuple[str, ...]]:
    """The data rows of a lexicon, each with one cell per named column."""
    return [cells for _, cells in numbered_rows(path, columns, optional)]


def read_words(path: Path) -> list[str]:
    """A lexicon of one word or name a line, in file order."""
    return [word for (word,) in read_lexicon(path, ("word",))]


def read_word_classes(path: Path, names: Sequence[str]) -> dict[str, frozenset[str]]:
    """Small closed classes of words (`class | words, space-separated | notes`), those
    named; a class the caller reads that the file lacks is an error, so renaming a row
    cannot leave a rule with an empty set."""
    classes: dict[str, frozenset[str]] = {}
    seen: set[str] = set()
    for number, (name, words, _notes) in numbered_rows(path, ("class", "words", "notes"), 1):
        if name in seen:
            raise LexiconError(f"{location(path, number)}: word class {name!r} given twice")
        seen.add(name)
        if name in names:
            classes[name] = frozenset(words.split())
    missing = [name for name in names if name not in classes]
    if missing:
        raise LexiconError(f"{path}: no row for word class {', '.join(map(repr, missing))}")
    return classes


@cache
def models_fingerprint(folder: Path = MODELS_DIR) -> str:
    """A hash of every file under `folder` (names and bytes): editing any lexicon changes it.

    Read once per process: every shard's fingerprint asks for it.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]
