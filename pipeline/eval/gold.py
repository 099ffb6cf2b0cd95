"""The gold document every reader returns, and the checks every reader shares.

Readers keep the corpus's own types (`org_name`, `CITY`, `PER`): turning them
into PER/ORG/LOC/DATE spans is a *convention* (see `conventions.py`), and the
factRuEval corpus is scored under two of them, so the raw material has to
survive reading.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


class GoldFormatError(ValueError):
    """A gold file that cannot be read at all (as opposed to one bad annotation)."""


@dataclass(slots=True, frozen=True)
class GoldSpan:
    """One annotated span; `start`/`end` index `GoldDoc.text` (end exclusive).

    A discontinuous annotation keeps its pieces in `fragments` while
    `start`/`end` give its extent, the way a factRuEval object's extent is the
    union of its spans.
    """

    label: str
    start: int
    end: int
    text: str
    normal: str | None = None
    # DATE: ISO value (2025-12-03, 2025-12, 2025, 2025-W49) and its granularity.
    value: str | None = None
    granularity: str | None = None
    span_id: str | None = None
    fragments: tuple[tuple[int, int], ...] = ()
    # NEREL: the Wikidata item the span is linked to (`Q813`); None without one.
    wikidata: str | None = None


@dataclass(slots=True)
class GoldObject:
    """A factRuEval object: typed group of spans plus its chain's normal forms.

    `attrs` are the `.coref` attribute lines of the chain the object belongs to
    (`firstname`, `lastname`, `name`, ...), each key with all its values.
    """

    obj_id: str
    label: str
    spans: list[GoldSpan]
    chain_id: str | None = None
    attrs: dict[str, list[str]] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(span.start for span in self.spans)

    @property
    def end(self) -> int:
        return max(span.end for span in self.spans)


@dataclass(slots=True)
class GoldDoc:
    doc_id: str
    text: str
    published: date | None = None
    spans: list[GoldSpan] = field(default_factory=list)
    objects: list[GoldObject] = field(default_factory=list)
    # Annotations dropped while reading, each with the reason, so a report can
    # say how much of the gold was unusable instead of shifting offsets.
    problems: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The text exactly as stored: no newline translation, so CRLF files keep
    the offsets their annotators counted."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise GoldFormatError(
            f"{path}: gold text is not UTF-8 ({error}); re-save it as UTF-8"
        ) from None


def read_lines(path: Path) -> list[str]:
    """Annotation lines without their line endings (CRLF or LF).

    Split on a newline only: `str.splitlines` also breaks on U+2028 and friends,
    which may sit inside an annotated text field."""
    return [line.removesuffix("\r") for line in read_text(path).split("\n")]


def check_bounds(text: str, start: int, end: int) -> str | None:
    """Why `start`/`end` cannot be a span of `text`, or None when they can."""
    if not 0 <= start < end <= len(text):
        return f"offsets {start}-{end} outside the text (length {len(text)})"
    return None


def words_in_order(chunk: str, words: Sequence[str]) -> bool:
    """Does `chunk` begin with the first word, end with the last, and hold all
    of them in order?

    factRuEval comments list a span's *tokens*, which may skip some (`Жан Ле
    Пен` over `Жан-Мари Ле Пен`) or be split where the text is not (`зав .`),
    so equality with the joined words would reject good spans.
    """
    if not words:
        return True
    if not (chunk.startswith(words[0]) and chunk.endswith(words[-1])):
        return False
    pos = 0
    for word in words:
        found = chunk.find(word, pos)
        if found < 0:
            return False
        pos = found + len(word)
    return True


def annotated_texts(
    folder: Path, suffixes: Sequence[str], not_a_folder: str, none_found: str
) -> Iterator[Path]:
    """The `NAME.txt` files of a gold folder, sorted, that have every `NAME<suffix>` sibling.

    A `.txt` without its annotations is no document (lists, notes) and is
    skipped; a folder with no document at all is an error.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldFormatError(f"{folder}: not a folder; {not_a_folder}")
    found = False
    for txt in sorted(folder.glob("*.txt")):
        if all(txt.with_suffix(suffix).exists() for suffix in suffixes):
            found = True
            yield txt
    if not found:
        raise GoldFormatError(f"{folder}: {none_found}")
