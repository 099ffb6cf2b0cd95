"""factRuEval-2016 native folders: `.txt .spans .objects .coref` per document.

Spans keep their factRuEval types (`name`, `surname`, `org_name`, `loc_name`,
...), objects their types (`Person`, `Org`, `Location`, `LocOrg`, `Project`)
and the normal forms of their coreference chain; `conventions.py` decides what
of that is a PER/ORG/LOC gold span.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rusnews.eval.gold import (
    GoldDoc,
    GoldFormatError,
    GoldObject,
    GoldSpan,
    annotated_texts,
    check_bounds,
    read_lines,
    read_text,
    words_in_order,
)

ANNOTATION_SUFFIXES = (".spans", ".objects")


@dataclass(slots=True, frozen=True)
class FactruSpanRecord:
    span_id: str
    type: str
    start: int
    length: int
    token_ids: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class FactruObjectRecord:
    obj_id: str
    type: str
    span_ids: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class FactruChainRecord:
    chain_id: str
    obj_ids: tuple[str, ...]
    attrs: dict[str, list[str]]


def _fail(path: Path | str, number: int, line: str, why: str) -> GoldFormatError:
    return GoldFormatError(f"{path}:{number}: {why}: {line!r}")


def parse_spans(lines: list[str], path: Path | str = "<spans>") -> Iterator[FactruSpanRecord]:
    # 22779 job 584 25 143872 2  # 143872 143873 подмосковного губернатора
    # SPAN_ID TYPE START LEN FIRST_TOKEN_ID N_TOKENS  # TOKEN_ID... WORD...
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        head, _, comment = line.partition("#")
        parts = head.split()
        if len(parts) < 6:
            raise _fail(path, number, line, "expected `ID TYPE START LEN TOKEN N_TOKENS # ...`")
        span_id, type_, start, length, _first_token, n_tokens = parts[:6]
        try:
            start_, length_, n_tokens_ = int(start), int(length), int(n_tokens)
        except ValueError:
            raise _fail(path, number, line, "START, LEN and N_TOKENS must be integers") from None
        items = comment.split()
        yield FactruSpanRecord(
            span_id=span_id,
            type=type_,
            start=start_,
            length=length_,
            token_ids=tuple(items[:n_tokens_]),
            words=tuple(items[n_tokens_:]),
        )


def parse_objects(lines: list[str], path: Path | str = "<objects>") -> Iterator[FactruObjectRecord]:
    # 10433 Org 22763 22764 # Москвы мэрии
    # OBJ_ID TYPE SPAN_ID...  # words
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        head, _, _comment = line.partition("#")
        parts = head.split()
        if len(parts) < 3:
            raise _fail(path, number, line, "expected `OBJ_ID TYPE SPAN_ID... # ...`")
        yield FactruObjectRecord(obj_id=parts[0], type=parts[1], span_ids=tuple(parts[2:]))


def parse_coref(lines: list[str], path: Path | str = "<coref>") -> Iterator[FactruChainRecord]:
    # 48 10435 10441      <- CHAIN_ID OBJ_ID...
    # firstname Юрий      <- attribute lines: normal (nominative) forms
    # lastname Лужков
    #                     <- a blank line ends the block
    chain: tuple[str, tuple[str, ...]] | None = None
    attrs: dict[str, list[str]] = {}
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            if chain is not None:
                yield FactruChainRecord(chain[0], chain[1], attrs)
            chain, attrs = None, {}
            continue
        if chain is None:
            ids = line.split()
            if not all(item.isdigit() for item in ids):
                raise _fail(path, number, line, "a block must open with `CHAIN_ID OBJ_ID...`")
            chain = (ids[0], tuple(ids[1:]))
            continue
        key, _, value = line.strip().partition(" ")
        if value.strip():
            attrs.setdefault(key, []).append(value.strip())


def _check_span(text: str, record: FactruSpanRecord) -> str | None:
    end = record.start + record.length
    why = check_bounds(text, record.start, end)
    if why:
        return why
    if not words_in_order(text[record.start : end], record.words):
        found, words = text[record.start : end], " ".join(record.words)
        return f"text {found!r} does not match its tokens {words!r}"
    return None


def read_factru_doc(txt: Path) -> GoldDoc:
    """One document from `NAME.txt` and its annotation siblings."""
    stem = txt.with_suffix("")
    text = read_text(txt)
    doc = GoldDoc(doc_id=txt.stem, text=text)

    # A few span ids occur twice with two types (`ФИДЕ` as surname and as
    # org_name): keep both, so a convention can pick the type it needs.
    spans: dict[str, list[GoldSpan]] = {}
    span_path = stem.with_suffix(".spans")
    for record in parse_spans(read_lines(span_path), span_path):
        why = _check_span(text, record)
        if why:
            doc.problems.append(f"{span_path.name}: span {record.span_id} dropped: {why}")
            continue
        end = record.start + record.length
        span = GoldSpan(
            label=record.type,
            start=record.start,
            end=end,
            text=text[record.start : end],
            span_id=record.span_id,
        )
        spans.setdefault(record.span_id, []).append(span)
    doc.spans = sorted(
        (span for group in spans.values() for span in group),
        key=lambda span: (span.start, span.end),
    )

    objects: dict[str, GoldObject] = {}
    objects_path = stem.with_suffix(".objects")
    for obj in parse_objects(read_lines(objects_path), objects_path):
        missing = [span_id for span_id in obj.span_ids if span_id not in spans]
        if missing:
            # An extent without one of its spans would be a silently wrong span.
            doc.problems.append(
                f"{objects_path.name}: object {obj.obj_id} dropped: "
                f"span(s) {', '.join(missing)} missing or invalid"
            )
            continue
        objects[obj.obj_id] = GoldObject(
            obj_id=obj.obj_id,
            label=obj.type,
            spans=[span for span_id in obj.span_ids for span in spans[span_id]],
        )

    coref_path = stem.with_suffix(".coref")
    if coref_path.exists():
        for chain in parse_coref(read_lines(coref_path), coref_path):
            for obj_id in chain.obj_ids:
                if obj_id in objects:
                    objects[obj_id].chain_id = chain.chain_id
                    objects[obj_id].attrs = chain.attrs
    doc.objects = list(objects.values())
    return doc


def load_factru(folder: Path) -> Iterator[GoldDoc]:
    """Documents of a factRuEval folder, sorted by name.

    `.txt` files without `.spans`/`.objects` siblings are skipped: the original
    distribution holds lists such as `testset/list.txt` that are not documents.
    """
    for txt in annotated_texts(
        folder,
        ANNOTATION_SUFFIXES,
        "--format factru expects a factRuEval folder",
        "no factRuEval documents (NAME.txt with NAME.spans and NAME.objects)",
    ):
        yield read_factru_doc(txt)
