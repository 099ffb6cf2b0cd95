"""Hostile input folders, generated at test time: every kind of file a real archive holds."""

from __future__ import annotations

import json
import os
from pathlib import Path

GOOD = {
    "good/visit.txt": (
        "date 2025-12-03\nВчера Алибек Бакаев прибыл в Брюссель, где встретился с Каей Каллас.\n"
    ),
    "good/talks.json": json.dumps(
        {
            "id": "talks",
            "published": "2025-12-01",
            "text": (
                "Министерство иностранных дел (МИД) Казахстана сообщило о переговорах в Астане."
            ),
        },
        ensure_ascii=False,
    ),
}

# kind of input -> (relative path, bytes), and what rusnews must do with it.
PROCESSED = "processed"


def hostile_files() -> dict[str, tuple[str, bytes, str]]:
    russian = "Сегодня в Москве Сергей Лавров провёл встречу с министром иностранных дел Турции."
    return {
        "binary": (
            "bin/photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
            "binary",
        ),
        "empty": ("empty/empty.txt", b"", "empty"),
        "whitespace only": ("empty/blank.txt", b"  \n\t\r\n  ", "empty"),
        "CP1251": ("enc/cp1251.txt", russian.encode("cp1251"), PROCESSED),
        "KOI8-R": ("enc/koi8.txt", russian.encode("koi8_r"), PROCESSED),
        "UTF-16": ("enc/utf16.txt", russian.encode("utf-16"), PROCESSED),
        "mixed line endings": (
            "lines/mixed.txt",
            "Первая строка.\r\nВторая строка.\nТретья\rстрока.\n".encode(),
            PROCESSED,
        ),
        "1-character article": ("tiny/one.txt", "Я".encode(), PROCESSED),
        "JSONL with broken lines": (
            "json/broken.jsonl",
            b'{"id": "j1", "text": "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82."}\n'
            b'{"id": "j2", "text": \n',
            "malformed_json",
        ),
        "JSON with wrong field types": (
            "json/types.json",
            json.dumps({"id": 5, "text": ["не", "строка"]}).encode(),
            "bad_record",
        ),
        "HTML saved as .txt": (
            "html/page.txt",
            (
                "<!DOCTYPE html><html><head><title>Новости</title></head>"
                "<body><p>Путин</p></body></html>"
            ).encode(),
            "html",
        ),
        "name with spaces and Cyrillic": ("имена/новость дня.txt", russian.encode(), PROCESSED),
        "another language": (
            "lang/english.txt",
            b"The minister met his Turkish colleague in Ankara on Monday.",
            PROCESSED,
        ),
        "digits only": ("junk/digits.txt", b"0123456789 " * 50, PROCESSED),
        "punctuation only": ("junk/punct.txt", "!?.,;:—«»()[]…".encode() * 40, PROCESSED),
        "long sentence without punctuation": (
            "junk/long.txt",
            ("слово Москва Лавров " * 4000).encode(),
            PROCESSED,
        ),
        "unreadable (broken link)": ("links/gone.txt", b"", "unreadable"),
        "over the size limit": ("big/huge.txt", b"", "too_large"),
    }


def build(root: Path) -> dict[str, tuple[str, str]]:
    """Write the hostile folder; return kind -> (article path, expected outcome)."""
    from rusnews.io.readers import MAX_ARTICLE_BYTES

    for rel, text in GOOD.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    expected = {}
    for kind, (rel, data, outcome) in hostile_files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if kind.startswith("unreadable"):
            path.symlink_to(root / "links" / "missing.txt")
        elif kind == "over the size limit":
            # A sparse 50 MB file: the size check must refuse it before reading.
            with path.open("wb") as fh:
                fh.truncate(max(50 * 1024 * 1024, MAX_ARTICLE_BYTES + 1))
        else:
            path.write_bytes(data)
        expected[kind] = (rel, outcome)
    loop = root / "links" / "loop"
    loop.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(root, loop, target_is_directory=True)
    return expected
