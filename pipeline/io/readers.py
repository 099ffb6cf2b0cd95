"""Readers: folders of .txt/.json/.jsonl news files to raw Articles.

`article_id` is the path relative to the input folder without extension (or the
record's own id). The body is kept exactly as decoded once a recognized marker
is removed, so character offsets line up with gold made on the raw files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from rusnews.io.decode import DecodeError, decode
from rusnews.io.walk import READ, walk_inputs
from rusnews.model import Article, Problem

# News articles are kilobytes; a file of megabytes is a dump or an accident,
# and one huge text would hold a worker for many minutes.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024

# `date 2025-12-03`, `title ...`, `url ...` on lines of their own at the top, or
# an inline date marker before the first sentence (` date 2025-12-03 В ...`).
_LINE_MARKER = re.compile(
    r"[ \t]*(date|published|title|url|source)[ \t]*:?[ \t]+([^\r\n]*?)[ \t]*(?:\r\n|\n|\r|$)"
)
_INLINE_DATE = re.compile(r"[ \t]*(?:date|published)[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})[ \t]+(?=\S)")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%Y/%m/%d")


def parse_published(value: object) -> date | None:
    """ISO date or datetime (`2025-12-03`, `2025-12-03T10:00:00+05:00`), `03.12.2025`."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"publication date must be a string, got {type(value).__name__}")
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text[:10], fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unrecognized publication date {value!r} (expected YYYY-MM-DD)")


def split_markers(text: str) -> tuple[dict[str, str], str]:
    """Strip leading metadata markers; return them and the untouched body."""
    meta: dict[str, str] = {}
    pos = 0
    while True:
        inline = _INLINE_DATE.match(text, pos)
        if inline and "date" not in meta:
            meta["date"] = inline.group(1)
            pos = inline.end()
            continue
        line = _LINE_MARKER.match(text, pos)
        if not line or line.end() == pos:
            break
        key = "date" if line.group(1) == "published" else line.group(1)
        if key == "date" and not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}", line.group(2)
        ):
            break
        if key in meta:
            break
        meta[key] = line.group(2)
        pos = line.end()
    return meta, text[pos:]


def _article_id(root: Path, path: Path) -> str:
    base = root if root.is_dir() else root.parent
    return path.relative_to(base).with_suffix("").as_posix()


def read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise DecodeError(
            "too_large",
            f"{size / 2**20:.0f} MiB is over the {MAX_ARTICLE_BYTES // 2**20} MiB "
            "limit per article file; split it into articles (e.g. JSONL, one per line)",
        )
    return path.read_bytes()


def read_txt(path: Path, article_id: str, text: str) -> Article:
    meta, body = split_markers(text)
    published = parse_published(meta.get("date"))
    return Article(
        article_id=article_id,
        text=body,
        published=published,
        title=meta.get("title"),
        url=meta.get("url"),
        path=str(path),
        source=meta.get("source"),
    )


def record_to_article(record: object, path: Path, default_id: str) -> Article:
    """One JSON record to an Article; ValueError with a clear message on wrong fields."""
    if not isinstance(record, dict):
        raise ValueError(f"record must be a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError(f"field 'text' must be a string, got {type(text).__name__}")
    rid = record.get("id", default_id)
    if not isinstance(rid, (str, int)) or isinstance(rid, bool) or rid == "":
        raise ValueError(f"field 'id' must be a non-empty string or integer, got {rid!r}")
    published = parse_published(record.get("published", record.get("date")))
    title, url = record.get("title"), record.get("url")
    for name, value in (("title", title), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"field {name!r} must be a string, got {type(value).__name__}")
    return Article(
        article_id=str(rid),
        text=text,
        published=published,
        title=title,
        url=url,
        path=str(path),
        source=record.get("source") if isinstance(record.get("source"), str) else None,
    )


def _json_records(text: str) -> Iterator[tuple[int, object | Exception]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield exc.lineno, exc
        return
    items = data if isinstance(data, list) else [data]
    for idx, item in enumerate(items, 1):
        yield idx, item


def _jsonl_records(path: Path) -> Iterator[tuple[int, object | Exception]]:
    """Records of a JSONL file, streamed: a file of a million lines never sits in memory.

    JSONL is UTF-8, and its lines end at "\n" only (U+0085 or U+2028 may stand
    raw inside a JSON string, so str.splitlines would cut records).
    """
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if len(raw) > MAX_ARTICLE_BYTES:
                yield (
                    lineno,
                    ValueError(
                        f"{len(raw) / 2**20:.0f} MiB line is over the "
                        f"{MAX_ARTICLE_BYTES // 2**20} MiB limit per article"
                    ),
                )
                continue
            try:
                yield lineno, json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield (
                    lineno,
                    ValueError(
                        f"not UTF-8 ({exc.reason} at byte {exc.start}); JSONL must be UTF-8"
                    ),
                )
            except json.JSONDecodeError as exc:
                yield lineno, exc


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        head.startswith("<") and len(_HTML_TAG.findall(text[:4096])) >= 5
    )


_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|head|body|meta|script|table|td|li)\b[^>]*>", re.IGNORECASE
)


def _check_file(path: Path) -> None:
    """Raise OSError for what cannot be read as a plain file (broken links, FIFOs, devices)."""
    if not path.exists():
        raise OSError(f"{path.name} is a broken link or vanished")
    if not path.is_file():
        raise OSError(
            f"{path.name} is not a regular file (a FIFO, socket or device would block the run)"
        )


def _record_articles(
    path: Path, records, article_id: str, many: bool, encoding: str
) -> Iterator[Article | Problem]:
    for n, record in records:
        where = f"line {n}" if many else f"record {n}"
        default_id = f"{article_id}:{n}" if many else article_id
        if isinstance(record, Exception):
            kind = "malformed_json" if isinstance(record, json.JSONDecodeError) else "bad_record"
            yield Problem(str(path), READ, kind, f"{where}: {record}", default_id)
            continue
        try:
            article = record_to_article(record, path, default_id)
        except ValueError as exc:
            yield Problem(str(path), READ, "bad_record", f"{where}: {exc}", default_id)
            continue
        article.encoding = encoding
        if not article.text.strip():
            yield Problem(str(path), READ, "empty", f"{where}: empty text", article.article_id)
            continue
        if len(article.text) > MAX_ARTICLE_BYTES:
            yield Problem(
                str(path),
                READ,
                "too_large",
                f"{where}: text over the per-article limit",
                article.article_id,
            )
            continue
        yield article


def read_path(root: Path, path: Path) -> Iterator[Article | Problem]:
    """Articles of one file, or Problems saying why a file or record was skipped."""
    article_id = _article_id(root, path)
    try:
        _check_file(path)
        if path.suffix.lower() == ".jsonl":
            yield from _record_articles(path, _jsonl_records(path), article_id, True, "utf-8")
            return
        decoded = decode(read_bytes(path))
    except DecodeError as exc:
        yield Problem(str(path), READ, exc.kind, str(exc), article_id)
        return
    except OSError as exc:
        yield Problem(
            str(path), READ, "unreadable", f"cannot read file: {exc.strerror or exc}", article_id
        )
        return
    if path.suffix.lower() == ".json":
        yield from _record_articles(
            path, _json_records(decoded.text), article_id, False, decoded.encoding
        )
        return
    if looks_like_html(decoded.text):
        yield Problem(
            str(path),
            READ,
            "html",
            "HTML markup, not article text: extract the text first "
            "(offsets would point into the markup)",
            article_id,
        )
        return
    try:
        article = read_txt(path, article_id, decoded.text)
    except ValueError as exc:
        yield Problem(str(path), READ, "bad_metadata", str(exc), article_id)
        return
    article.encoding = decoded.encoding
    if not article.text.strip():
        yield Problem(str(path), READ, "empty", "no text after metadata markers", article_id)
        return
    yield article


def read_folder(
    root: Path, exclude: tuple[Path, ...] = (), follow_outside: bool = False
) -> Iterator[Article | Problem]:
    """Every article under root in a stable order; duplicate ids and unread files become Problems.

    `exclude` and `follow_outside` are those of `walk_inputs`.
    """
    seen: set[str] = set()
    for path in walk_inputs(root, exclude, follow_outside):
        if isinstance(path, Problem):
            yield path
            continue
        for item in read_path(root, path):
            if isinstance(item, Article):
                if item.article_id in seen:
                    yield Problem(
                        str(path),
                        READ,
                        "duplicate_id",
                        f"article_id {item.article_id!r} already read from another file or line; skipped",
                        item.article_id,
                    )
                    continue
                seen.add(item.article_id)
            yield item
