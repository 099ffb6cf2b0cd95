"""brat standoff folders (NEREL): `NAME.txt` + `NAME.ann`.

Text-bound annotations (`T` lines) are the spans, and a Wikidata link (`N` line) gives
its span the item; labels stay NEREL's own (`PERSON`, `CITY`, ...) and `conventions.py`
maps them. Relations (`R` lines) are read by the record scorer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rusnews.eval.gold import (
    GoldDoc,
    GoldFormatError,
    GoldSpan,
    annotated_texts,
    check_bounds,
    read_lines,
    read_text,
)


@dataclass(slots=True, frozen=True)
class BratEntityRecord:
    ann_id: str
    type: str
    fragments: tuple[tuple[int, int], ...]
    text: str


def parse_ann(lines: list[str], path: Path | str = "<ann>") -> Iterator[BratEntityRecord]:
    # T4\tCITY 28 38\tВашингтоне
    # T45\tORGANIZATION 1203 1212;1226 1251\tКазанский машиностроительные заводы
    # R1\tWORKS_AS Arg1:T2 Arg2:T14      relations, events, notes: not entities
    for number, line in enumerate(lines, 1):
        if not line.startswith("T"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise GoldFormatError(
                f"{path}:{number}: expected `T<n>\\tTYPE START END\\ttext`: {line!r}"
            )
        ann_id, middle, text = parts[0], parts[1], "\t".join(parts[2:])
        type_, _, offsets = middle.partition(" ")
        try:
            fragments = tuple(
                (int(start), int(end))
                for start, end in (piece.split() for piece in offsets.split(";"))
            )
        except ValueError:
            raise GoldFormatError(
                f"{path}:{number}: offsets must be `START END` or `START END;START END`: {line!r}"
            ) from None
        yield BratEntityRecord(ann_id=ann_id, type=type_, fragments=fragments, text=text)


@dataclass(slots=True, frozen=True)
class BratRelationRecord:
    rel_id: str
    type: str
    arg1: str
    arg2: str


def parse_relations(lines: list[str], path: Path | str = "<ann>") -> Iterator[BratRelationRecord]:
    # R22\tAGENT Arg1:T11 Arg2:T43
    for number, line in enumerate(lines, 1):
        if not line.startswith("R"):
            continue
        parts = line.split("\t")
        fields = parts[1].split() if len(parts) > 1 else []
        args = [f.partition(":") for f in fields[1:3]]
        if len(args) < 2 or not all(sep and ref for _, sep, ref in args):
            raise GoldFormatError(
                f"{path}:{number}: expected `R<n>\\tTYPE Arg1:T<n> Arg2:T<n>`: {line!r}"
            )
        yield BratRelationRecord(parts[0], fields[0], args[0][2], args[1][2])


@dataclass(slots=True, frozen=True)
class BratLinkRecord:
    note_id: str
    ann_id: str
    wikidata: str | None  # None: NEREL says the thing has no item (`Wikidata:NULL`)
    name: str  # the item's name as the annotator wrote it, or ""


WIKIDATA = "Wikidata:"
NO_ITEM = "NULL"


def parse_links(
    lines: list[str], path: Path | str = "<ann>", problems: list[str] | None = None
) -> Iterator[BratLinkRecord]:
    """The Wikidata links of an `.ann` file; a line of another shape is reported in
    `problems` (when given) and skipped: one slip in a corpus of 30,000 links should not
    cost the rest."""
    # N1\tReference T5 Wikidata:Q813\tКиргизия
    # N7\tReference T72 Wikidata:NULL\tнет данных
    for number, line in enumerate(lines, 1):
        if not line.startswith("N"):
            continue
        parts = line.split("\t")
        fields = parts[1].split() if len(parts) > 1 else []
        if len(fields) != 3 or not fields[2].startswith(WIKIDATA):
            if problems is not None:
                problems.append(
                    f"{Path(path).name}:{number}: expected "
                    f"`N<n>\\tReference T<n> Wikidata:Q<n>\\tname`, skipped: {line!r}"
                )
            continue
        item = fields[2].removeprefix(WIKIDATA)
        name = parts[2].strip() if len(parts) > 2 else ""
        yield BratLinkRecord(parts[0], fields[1], None if item == NO_ITEM else item, name)


def _check_entity(text: str, record: BratEntityRecord) -> str | None:
    for start, end in record.fragments:
        why = check_bounds(text, start, end)
        if why:
            return why
    # brat writes a discontinuous entity's text as its pieces joined by spaces.
    found = " ".join(text[start:end] for start, end in record.fragments)
    if found != record.text:
        return f"text at its offsets is {found!r}, the annotation says {record.text!r}"
    return None


def read_brat_doc(txt: Path) -> GoldDoc:
    text = read_text(txt)
    doc = GoldDoc(doc_id=txt.stem, text=text)
    ann = txt.with_suffix(".ann")
    lines = read_lines(ann)
    links = {link.ann_id: link.wikidata for link in parse_links(lines, ann, doc.problems)}
    for record in parse_ann(lines, ann):
        why = _check_entity(text, record)
        if why:
            doc.problems.append(f"{ann.name}: {record.ann_id} dropped: {why}")
            continue
        start = min(start for start, _ in record.fragments)
        end = max(end for _, end in record.fragments)
        doc.spans.append(
            GoldSpan(
                label=record.type,
                start=start,
                end=end,
                text=text[start:end],
                span_id=record.ann_id,
                fragments=record.fragments if len(record.fragments) > 1 else (),
                wikidata=links.get(record.ann_id),
            )
        )
    doc.spans.sort(key=lambda span: (span.start, span.end))
    return doc


def load_brat(folder: Path) -> Iterator[GoldDoc]:
    """Documents of a brat folder, sorted by name; `.txt` without `.ann` is skipped."""
    for txt in annotated_texts(
        folder,
        (".ann",),
        "--format brat expects NAME.txt + NAME.ann files",
        "no brat documents (NAME.txt with NAME.ann)",
    ):
        yield read_brat_doc(txt)
