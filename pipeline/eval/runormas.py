"""RuNormAS-2021 gold (the named-entity track): normal forms of untyped spans in news.

The corpus says nothing about types or about which spans are names a tagger
should find, so it scores normalization only: a gold span is judged where a
prediction has exactly its extent, and the prediction's label is the type the
result is broken down by. A discontinuous span (`Мише … Топаловым`) can be no
mention's extent and is kept with its pieces, for the scorer to count apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rusnews.eval.gold import GoldDoc, GoldFormatError, GoldSpan, check_bounds, read_lines
from rusnews.eval.jsonl import json_records

# RuNormAS spans carry no type of their own.
UNTYPED = "NAME"
GOLD_FILE = "gold_spans.jsonl"


def _fragments(value: Any, where: str) -> tuple[tuple[int, int], ...]:
    if value is None:
        return ()
    try:
        return tuple((int(start), int(end)) for start, end in value)
    except (TypeError, ValueError):
        raise GoldFormatError(
            f"{where}: `fragments` must be null or a list of [start, end] pairs, got {value!r}"
        ) from None


def _span(text: str, item: Any, where: str) -> tuple[GoldSpan | None, str | None]:
    """The span, or None and why it was dropped."""
    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: each span must be an object, got {item!r}")
    try:
        start, end, normal = int(item["start"]), int(item["end"]), item["normal"]
    except (KeyError, TypeError, ValueError):
        raise GoldFormatError(
            f"{where}: a span needs integer `start`, `end` and a `normal`: {item!r}"
        ) from None
    if not isinstance(normal, str) or not normal.strip():
        return None, f"span {start}-{end} has no normal form ({normal!r})"
    why = check_bounds(text, start, end)
    if why:
        return None, why
    fragments = _fragments(item.get("fragments"), where)
    if any(check_bounds(text, a, b) for a, b in fragments):
        return None, f"a fragment of span {start}-{end} lies outside the text"
    # A discontinuous span's `text` joins its pieces; only a whole one must match the slice.
    stated = item.get("text")
    if not fragments and stated is not None and text[start:end] != stated:
        return None, f"text at {start}-{end} is {text[start:end]!r}, the span says {stated!r}"
    shown = " ".join(text[a:b] for a, b in fragments) if fragments else text[start:end]
    return GoldSpan(UNTYPED, start, end, shown, normal=normal, fragments=fragments), None


def parse_runormas(lines: list[str], path: Path | str = GOLD_FILE) -> Iterator[GoldDoc]:
    # {"id": "1000048", "text": "Фрегат «Адмирал Макаров» прибыл на Корфу ...",
    #  "spans": [{"start": 478, "end": 489, "fragments": null,
    #             "text": "Севастополя", "normal": "Севастополь"},
    #            {"start": 580, "end": 602, "fragments": [[580, 584], [593, 602]],
    #             "text": "Мише Топаловым", "normal": "Миша Топалов"}]}
    for number, where, record in json_records(lines, path):
        spans = record.get("spans")
        if not isinstance(spans, list):
            raise GoldFormatError(f"{where}: expected a list `spans` (RuNormAS gold)")
        doc = GoldDoc(doc_id=str(record.get("id", number)), text=record["text"])
        for index, item in enumerate(spans):
            span, why = _span(doc.text, item, where)
            if span is None:
                doc.problems.append(f"{Path(path).name}:{number}: span {index} dropped: {why}")
            else:
                doc.spans.append(span)
        doc.spans.sort(key=lambda span: (span.start, span.end))
        yield doc


def load_runormas(path: Path) -> Iterator[GoldDoc]:
    """Documents of a RuNormAS file, or of `gold_spans.jsonl` in a folder, in file order."""
    path = Path(path)
    file = path / GOLD_FILE if path.is_dir() else path
    if not file.is_file():
        raise GoldFormatError(
            f"{path}: no RuNormAS gold found; give {GOLD_FILE} or the folder holding it"
        )
    yield from parse_runormas(read_lines(file), file)
