"""Readers: folders of .txt/.json/.jsonl news files to raw Articles.

`article_id` is the path relative to the input folder without extension (or the
record's own id). The body is kept exactly as decoded once a recognized marker
is removed, so character offsets line up with gold made on the raw files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from rusnews.io.decode import DecodeError, decode, decode_utf8
from rusnews.io.markers import split_markers
from rusnews.io.published import parse_published
from rusnews.io.scrub import display_path, replace_surrogates
from rusnews.io.storage import Location
from rusnews.io.walk import READ, walk_inputs
from rusnews.model import WARNING, Article, Problem

__all__ = ["parse_published", "read_folder", "read_path", "split_markers"]

# News articles are kilobytes; a file of megabytes is a dump or an accident,
# and one huge text would hold a worker for many minutes.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024

# Warning kinds: the article is kept, and the row says what was done to it.
REPLACED = "replaced_characters"
UNREADABLE_DATE = "unreadable_date"


class MalformedJSON(ValueError):
    """JSON that Python's reader cannot take apart, though it may be well formed."""


def _article_id(root: Location, path: Location) -> str:
    # A file given as the input is its own root; any other path lies in the root folder.
    base = root.parent if path == root else root
    return path.relative_to(base).with_suffix("").as_posix()


def read_bytes(path: Location) -> bytes:
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise DecodeError(
            "too_large",
            f"{size / 2**20:.0f} MiB is over the {MAX_ARTICLE_BYTES // 2**20} MiB "
            "limit per article file; split it into articles (e.g. JSONL, one per line)",
        )
    return path.read_bytes()


# A warning for an article that is kept: (kind, message).
Note = tuple[str, str]


@dataclass(slots=True, frozen=True)
class Record:
    """One JSON record as read: the parsed value, or the exception that stopped it."""

    n: int
    value: object
    encoding: str = "utf-8"
    replaced: int = 0


def _replaced(count: int, encoding: str) -> Note:
    return (
        REPLACED,
        f"{count} byte sequence(s) not valid {encoding} replaced with U+FFFD; "
        "the rest of the text is kept as read",
    )


def _published(value: object) -> tuple[date | None, list[Note]]:
    try:
        return parse_published(value), []
    except ValueError as exc:
        return None, [(UNREADABLE_DATE, f"{exc}; article kept without a publication date")]


def read_txt(path: str, article_id: str, text: str) -> tuple[Article, list[Note]]:
    meta, body = split_markers(text)
    published, notes = _published(meta.get("date"))
    article = Article(
        article_id=article_id,
        text=body,
        published=published,
        title=meta.get("title"),
        url=meta.get("url"),
        path=path,
        source=meta.get("source"),
    )
    return article, notes


def record_to_article(record: object, path: str, default_id: str) -> tuple[Article, list[Note]]:
    """One JSON record to an Article and its warnings; ValueError on wrong fields."""
    if not isinstance(record, dict):
        raise ValueError(f"record must be a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError(f"field 'text' must be a string, got {type(text).__name__}")
    rid = record.get("id", default_id)
    if not isinstance(rid, (str, int)) or isinstance(rid, bool) or rid == "":
        raise ValueError(f"field 'id' must be a non-empty string or integer, got {rid!r}")
    title, url = record.get("title"), record.get("url")
    for name, value in (("title", title), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {name!r} must be a string, got {type(value).__name__}")
    source = record.get("source") if isinstance(record.get("source"), str) else None
    published, notes = _published(record.get("published", record.get("date")))
    fields = {"article_id": str(rid), "text": text, "title": title, "url": url, "source": source}
    repaired = []
    for name, value in fields.items():
        if value is not None:
            fields[name], count = replace_surrogates(value)
            if count:
                repaired.append(f"{name} ({count})")
    if repaired:
        notes.append(
            (
                REPLACED,
                "lone surrogates (half of a \\u escape pair) in "
                + ", ".join(repaired)
                + " replaced with U+FFFD",
            )
        )
    return Article(**fields, published=published, path=path), notes


# Python's JSON reader recurses once per level of nesting; past the interpreter's
# recursion limit (about a thousand levels) it gives up with RecursionError.
_TOO_DEEP = "JSON nested deeper than about 1000 levels cannot be read; not an article record"


def _parse_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return exc
    except RecursionError:
        return MalformedJSON(_TOO_DEEP)


def _json_records(text: str, encoding: str) -> Iterator[Record]:
    data = _parse_json(text)
    if isinstance(data, Exception):
        yield Record(getattr(data, "lineno", 1), data, encoding)
        return
    items = data if isinstance(data, list) else [data]
    for idx, item in enumerate(items, 1):
        yield Record(idx, item, encoding)


def _jsonl_records(path: Location) -> Iterator[Record]:
    """Records of a JSONL file, streamed: a file of a million lines never sits in memory.

    JSONL is UTF-8, and its lines end at "\n" only (U+0085 or U+2028 may stand
    raw inside a JSON string, so str.splitlines would cut records). A stray byte
    in a UTF-8 line costs a U+FFFD and a warning, not the record.
    """
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if len(raw) > MAX_ARTICLE_BYTES:
                yield Record(
                    lineno,
                    ValueError(
                        f"{len(raw) / 2**20:.0f} MiB line is over the "
                        f"{MAX_ARTICLE_BYTES // 2**20} MiB limit per article"
                    ),
                )
                continue
            try:
                decoded = decode_utf8(raw)
            except DecodeError as exc:
                yield Record(lineno, ValueError(str(exc)))
                continue
            yield Record(lineno, _parse_json(decoded.text), decoded.encoding, decoded.replaced)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and len(_HTML_TAG.findall(text[:4096])) >= 5
    )


_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|head|body|meta|script|table|td|li)\b[^>]*>", re.IGNORECASE
)


def _check_file(path: Location) -> None:
    """Raise OSError for what cannot be read as a plain file (broken links, FIFOs, devices)."""
    if not path.exists():
        raise OSError(f"{path.name} is a broken link or vanished")
    if not path.is_file():
        raise OSError(
            f"{path.name} is not a regular file (a FIFO, socket or device would block the run)"
        )


def _failure_kind(exc: Exception) -> str:
    if isinstance(exc, (json.JSONDecodeError, MalformedJSON)):
        return "malformed_json"
    return "bad_record"


def _warnings(where: str, at: str, article_id: str, notes: list[Note]) -> Iterator[Problem]:
    for kind, message in notes:
        yield Problem(where, READ, kind, f"{at}{message}", article_id, WARNING)


def _record_articles(
    where: str, records: Iterator[Record], article_id: str, many: bool
) -> Iterator[Article | Problem]:
    for rec in records:
        at = f"line {rec.n}" if many else f"record {rec.n}"
        default_id = f"{article_id}:{rec.n}" if many else article_id
        if isinstance(rec.value, Exception):
            kind = _failure_kind(rec.value)
            yield Problem(where, READ, kind, f"{at}: {rec.value}", default_id)
            continue
        try:
            article, notes = record_to_article(rec.value, where, default_id)
        except ValueError as exc:
            yield Problem(where, READ, "bad_record", f"{at}: {exc}", default_id)
            continue
        article.encoding = rec.encoding
        if not article.text.strip():
            yield Problem(where, READ, "empty", f"{at}: empty text", article.article_id)
            continue
        if len(article.text) > MAX_ARTICLE_BYTES:
            yield Problem(
                where,
                READ,
                "too_large",
                f"{at}: text over the per-article limit",
                article.article_id,
            )
            continue
        if rec.replaced:
            notes.insert(0, _replaced(rec.replaced, rec.encoding))
        yield from _warnings(where, f"{at}: ", article.article_id, notes)
        yield article


def _read_file(path: Location, where: str, article_id: str) -> Iterator[Article | Problem]:
    try:
        _check_file(path)
        if path.suffix.lower() == ".jsonl":
            yield from _record_articles(where, _jsonl_records(path), article_id, True)
            return
        decoded = decode(read_bytes(path))
    except DecodeError as exc:
        yield Problem(where, READ, exc.kind, str(exc), article_id)
        return
    except OSError as exc:
        yield Problem(
            where, READ, "unreadable", f"cannot read file: {exc.strerror or exc}", article_id
        )
        return
    if path.suffix.lower() == ".json":
        if decoded.replaced:
            yield from _warnings(
                where, "", article_id, [_replaced(decoded.replaced, decoded.encoding)]
            )
        records = _json_records(decoded.text, decoded.encoding)
        yield from _record_articles(where, records, article_id, False)
        return
    if looks_like_html(decoded.text):
        yield Problem(
            where,
            READ,
            "html",
            "HTML markup, not article text: extract the text first "
            "(offsets would point into the markup)",
            article_id,
        )
        return
    article, notes = read_txt(where, article_id, decoded.text)
    article.encoding = decoded.encoding
    if not article.text.strip():
        yield Problem(where, READ, "empty", "no text after metadata markers", article_id)
        return
    if decoded.replaced:
        notes.insert(0, _replaced(decoded.replaced, decoded.encoding))
    yield from _warnings(where, "", article_id, notes)
    yield article


def read_path(root: Location, path: Location) -> Iterator[Article | Problem]:
    """Articles of one file, or Problems saying why a file or record was skipped."""
    where, renamed = display_path(path)
    article_id, _ = display_path(_article_id(root, path))
    if renamed:
        yield Problem(
            where,
            READ,
            REPLACED,
            "file or folder name is not valid UTF-8: its bytes are written as \\xNN "
            "in path and article_id; rename it in UTF-8 for readable ids",
            article_id,
            WARNING,
        )
    for item in _read_file(path, where, article_id):
        if isinstance(item, Problem):
            # Messages may quote the file's own name (`x.txt is a broken link`).
            item.message = display_path(item.message)[0]
        yield item


def read_folder(
    root: Location, exclude: tuple[Location, ...] = (), follow_outside: bool = False
) -> Iterator[Article | Problem]:
    """Every article under root in a stable order; duplicate ids and unread files become Problems.

    `exclude` and `follow_outside` are those of `walk_inputs`.
    """
    seen: set[str] = set()
    for path in walk_inputs(root, exclude, follow_outside):
        if isinstance(path, Problem):
            # The walk names files whose names may not be UTF-8.
            path.path, path.message = display_path(path.path)[0], display_path(path.message)[0]
            yield path
            continue
        for item in read_path(root, path):
            if isinstance(item, Article):
                if item.article_id in seen:
                    yield Problem(
                        display_path(path)[0],
                        READ,
                        "duplicate_id",
                        f"article_id {item.article_id!r} already read from another file or line; "
                        "skipped",
                        item.article_id,
                    )
                    continue
                seen.add(item.article_id)
            yield item
