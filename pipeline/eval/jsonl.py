"""The project's own gold: one JSON document per line (`corpora/sample/gold.jsonl`).

Labels are already PER/ORG/LOC/DATE; names carry their normal form and dates
their ISO value, so this gold also scores normalization and date resolution.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from rusnews.eval.gold import GoldDoc, GoldFormatError, GoldSpan, check_bounds, read_lines
from rusnews.model import DATE


def _published(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GoldFormatError(
            f"{where}: `published` must be YYYY-MM-DD or null, got {value!r}"
        ) from None


def _mention(text: str, item: Any, where: str) -> tuple[GoldSpan | None, str | None]:
    """The span, or None and why it was dropped."""
    if not isinstance(item, dict):
        raise GoldFormatError(f"{where}: each mention must be an object, got {item!r}")
    try:
        start, end, label = int(item["start"]), int(item["end"]), str(item["label"])
    except (KeyError, TypeError, ValueError):
        raise GoldFormatError(
            f"{where}: a mention needs integer `start`, `end` and a `label`: {item!r}"
        ) from None
    why = check_bounds(text, start, end)
    if why:
        return None, why
    stated = item.get("text")
    if stated is not None and text[start:end] != stated:
        return None, f"text at {start}-{end} is {text[start:end]!r}, the mention says {stated!r}"
    normal = item.get("normal")
    return (
        GoldSpan(
            label=label,
            start=start,
            end=end,
            text=text[start:end],
            normal=normal,
            value=normal if label == DATE else None,
            granularity=item.get("granularity"),
        ),
        None,
    )


def json_records(lines: list[str], path: Path | str) -> Iterator[tuple[int, str, dict]]:
    """(line number, `path:line`, record) of each non-blank line of a JSON-lines gold file,
    each an object with a string `text`; GoldFormatError, saying where, for any other."""
    for number, line in enumerate(lines, 1):
        if number == 1:
            line = line.removeprefix("\ufeff")  # saved by an editor that marks UTF-8
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFormatError(
                f"{where}: not JSON ({error.msg} at column {error.colno})"
            ) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise GoldFormatError(f"{where}: expected an object with a string `text`")
        yield number, where, record


def parse_jsonl(lines: list[str], path: Path | str = "<jsonl>") -> Iterator[GoldDoc]:
    # {"id": "a1", "text": "...", "published": "2025-12-03",
    #  "mentions": [{"start": 0, "end": 6, "label": "PER", "text": "Токаев",
    #                "normal": "Токаев"},
    #               {"start": 20, "end": 27, "label": "DATE", "text": "3 декабря",
    #                "normal": "2025-12-03", "granularity": "day"}]}
    records, annotated = 0, False  # has any record a `mentions` field: is this gold at all?
    for number, where, record in json_records(lines, path):
        text = record["text"]
        doc = GoldDoc(
            doc_id=str(record.get("id", number)),
            text=text,
            published=_published(record.get("published"), where),
        )
        records += 1
        annotated = annotated or "mentions" in record
        for index, item in enumerate(record.get("mentions") or []):
            span, why = _mention(text, item, where)
            if span is None:
                doc.problems.append(f"{Path(path).name}:{number}: mention {index} dropped: {why}")
            else:
                doc.spans.append(span)
        doc.spans.sort(key=lambda span: (span.start, span.end))
        yield doc
    if records and not annotated:
        # Articles given as gold would score every prediction as spurious.
        raise GoldFormatError(
            f"{path}: no record has `mentions`; these are articles, not gold annotations"
        )


def load_jsonl(path: Path) -> Iterator[GoldDoc]:
    """Documents of a gold JSONL file (or of every `*.jsonl` in a folder), in file order."""
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files or not all(file.is_file() for file in files):
        raise GoldFormatError(f"{path}: no gold JSONL file found (one JSON document per line)")
    for file in files:
        yield from parse_jsonl(read_lines(file), file)
