import json
from datetime import date
from pathlib import Path

import pytest
from rusnews.io.readers import parse_published, read_folder, split_markers
from rusnews.model import Article, Problem


@pytest.mark.parametrize(
    ("raw", "meta", "body"),
    [
        (
            "date 2025-12-03\ntitle Переговоры\nВ Брюсселе...",
            {"date": "2025-12-03", "title": "Переговоры"},
            "В Брюсселе...",
        ),
        (" date 2025-12-03 В Брюсселе 2 декабря", {"date": "2025-12-03"}, "В Брюсселе 2 декабря"),
        (
            "url https://example.org/a\r\ndate 2025-12-03\r\n\r\nТекст\r\n",
            {"url": "https://example.org/a", "date": "2025-12-03"},
            "\r\nТекст\r\n",
        ),
        ("Просто текст без меток.\n", {}, "Просто текст без меток.\n"),
        # A body that merely starts with the word `date`-like text is left alone.
        ("title\nТекст", {}, "title\nТекст"),
    ],
)
def test_split_markers_keeps_body_exact(raw: str, meta: dict, body: str) -> None:
    assert split_markers(raw) == (meta, body)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-03", date(2025, 12, 3)),
        ("2025-12-03T10:15:00+05:00", date(2025, 12, 3)),
        ("03.12.2025", date(2025, 12, 3)),
        (None, None),
    ],
)
def test_parse_published(value, expected) -> None:
    assert parse_published(value) == expected


def test_parse_published_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="publication date"):
        parse_published("вчера вечером")


def _write(folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def test_read_folder_formats_ids_and_errors(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "date 2025-12-03\nВ Астане прошла встреча.".encode("cp1251"))
    _write(
        tmp_path,
        "sub/b.json",
        json.dumps({"id": "b-1", "text": "Текст Б.", "published": "2025-12-01"}).encode(),
    )
    lines = [
        json.dumps({"id": "c1", "text": "Первая."}, ensure_ascii=False),
        "{broken",
        "",
        json.dumps({"id": "c3", "text": 42}),
        json.dumps({"text": "Без id."}, ensure_ascii=False),
    ]
    _write(tmp_path, "c.jsonl", "\n".join(lines).encode())
    _write(tmp_path, "empty.txt", b"  \n ")
    _write(tmp_path, "bin.txt", b"\x00\x01\x02binary")
    _write(
        tmp_path,
        "dup.json",
        json.dumps({"id": "c1", "text": "Повтор."}, ensure_ascii=False).encode(),
    )
    _write(tmp_path, "notes.md", "Заметки, не статья.".encode())

    items = list(read_folder(tmp_path))
    articles = {a.article_id: a for a in items if isinstance(a, Article)}
    problems = [(Path(p.path).name, p.kind) for p in items if isinstance(p, Problem)]

    assert set(articles) == {"a", "b-1", "c1", "c:5"}
    assert articles["a"].text == "В Астане прошла встреча."
    assert articles["a"].published == date(2025, 12, 3)
    assert articles["a"].encoding == "cp1251"
    assert articles["b-1"].published == date(2025, 12, 1)
    assert sorted(problems) == sorted(
        [
            ("bin.txt", "binary"),
            ("c.jsonl", "malformed_json"),
            ("c.jsonl", "bad_record"),
            ("dup.json", "duplicate_id"),
            ("empty.txt", "empty"),
            ("notes.md", "unsupported_format"),
        ]
    )
    messages = " ".join(p.message for p in items if isinstance(p, Problem))
    assert "line 2" in messages and "field 'text' must be a string" in messages


def test_symlink_loop_does_not_hang(tmp_path: Path) -> None:
    _write(tmp_path, "a/x.txt", "Текст.".encode())
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    assert [a.article_id for a in read_folder(tmp_path)] == ["a/x"]


def test_seed_article_marker_is_removed(seed_dir: Path) -> None:
    (article,) = list(read_folder(seed_dir))
    raw = (seed_dir / "kz-eu-visa-talks.txt").read_text(encoding="utf-8")
    assert article.published == date(2025, 12, 3)
    assert article.text.startswith("В Брюсселе 2 декабря 2025 года")
    assert raw.endswith(article.text)


def test_sample_corpus_reads_exactly_as_its_gold() -> None:
    from tests.conftest import SAMPLE

    gold = {}
    for line in (SAMPLE.parent / "sample-gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["id"]] = record
    items = list(read_folder(SAMPLE))
    assert all(isinstance(a, Article) for a in items)
    assert {a.article_id for a in items} == set(gold)
    for article in items:
        assert article.text == gold[article.article_id]["text"]
        assert article.published.isoformat() == gold[article.article_id]["published"]
    encodings = {a.article_id: a.encoding for a in items}
    assert encodings["duma-digital-ruble"] == "cp1251"
    assert encodings["lavrov-minsk"] == "koi8_r"
    assert "\r\n" in next(a.text for a in items if a.article_id == "riga-port-modernization")


def test_files_that_cannot_be_articles_become_problems(tmp_path: Path) -> None:
    import os

    from rusnews.io import readers

    _write(tmp_path, "page.txt", b"<!DOCTYPE html><html><body><p>\xd0\x9f</p></body></html>")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(readers.MAX_ARTICLE_BYTES + 1)
    _write(
        tmp_path,
        "mixed.jsonl",
        '{"id": "ok", "text": "Текст."}\n'.encode() + b'{"id": "bad", "text": "\xff"}\n',
    )
    items = list(read_folder(tmp_path))
    kinds = {Path(p.path).name: p.kind for p in items if isinstance(p, Problem)}
    assert kinds == {
        "page.txt": "html",
        "gone.txt": "unreadable",
        "pipe.txt": "unreadable",
        "huge.txt": "too_large",
        "mixed.jsonl": "bad_record",
    }
    assert [a.article_id for a in items if isinstance(a, Article)] == ["ok"]
    messages = {Path(p.path).name: p.message for p in items if isinstance(p, Problem)}
    assert "not a regular file" in messages["pipe.txt"] and "not UTF-8" in messages["mixed.jsonl"]
