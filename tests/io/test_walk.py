"""The input walk: every file is an input or a problem that names it; links stay inside the root."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rusnews.io.readers import read_folder
from rusnews.io.walk import OUTSIDE, UNSUPPORTED, walk_inputs
from rusnews.model import Article, Problem


def _write(path: Path, text: str = "Сергей Лавров прибыл в Минск.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _listed(root: Path, **options) -> list[tuple[str, str]]:
    """(path relative to root, "input" or the problem's kind) in walk order."""
    return [
        (Path(item.path).relative_to(root).as_posix(), item.kind)
        if isinstance(item, Problem)
        else (item.relative_to(root).as_posix(), "input")
        for item in walk_inputs(root, **options)
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "input"),
        ("b.JSON", "input"),
        ("c.jsonl", "input"),
        ("table.csv", UNSUPPORTED),
        ("notes.md", UNSUPPORTED),
        ("README", UNSUPPORTED),
        ("page.html", UNSUPPORTED),
        (".DS_Store", None),  # hidden: a tool's file, never news
    ],
)
def test_every_file_is_an_input_or_a_row(tmp_path: Path, name: str, expected: str | None) -> None:
    _write(tmp_path / name)
    assert _listed(tmp_path) == ([(name, expected)] if expected else [])


def test_an_unsupported_file_says_what_to_do(tmp_path: Path) -> None:
    _write(tmp_path / "sub" / "table.csv")
    (problem,) = walk_inputs(tmp_path)
    assert (problem.stage, problem.article_id) == ("read", "sub/table")
    assert ".csv file" in problem.message and ".txt" in problem.message


def test_a_file_given_as_input_follows_the_same_rule(tmp_path: Path) -> None:
    notes = _write(tmp_path / "notes.md")
    assert [item.kind for item in walk_inputs(notes)] == [UNSUPPORTED]
    article = _write(tmp_path / "a.txt")
    assert list(walk_inputs(article)) == [article]


def test_order_is_depth_first_by_name(tmp_path: Path) -> None:
    for rel in ("b.txt", "a/z.txt", "a/b/c.txt", "c/a.txt", "a.txt"):
        _write(tmp_path / rel)
    assert [rel for rel, _ in _listed(tmp_path)] == [
        "a.txt",
        "b.txt",
        "a/z.txt",
        "a/b/c.txt",
        "c/a.txt",
    ]


def test_an_excluded_folder_is_never_entered(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    _write(tmp_path / "out" / "manifest.json", '{"input": "x"}')
    _write(tmp_path / "out" / "parts" / "_done" / "shard-00000.json", "{}")
    assert _listed(tmp_path, exclude=(tmp_path / "out",)) == [("a.txt", "input")]


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    """in/ with links to a file and a folder outside it, and to a file inside it."""
    root, outside = tmp_path / "in", tmp_path / "elsewhere"
    _write(root / "a.txt")
    secret = _write(outside / "secret.txt", "Пароль от сервера.")
    _write(outside / "folder" / "b.txt")
    (root / "p.txt").symlink_to(secret)
    (root / "dir").symlink_to(outside / "folder", target_is_directory=True)
    (root / "again.txt").symlink_to(root / "a.txt")
    (root / "self").symlink_to(root, target_is_directory=True)
    return root


def test_links_outside_the_root_become_rows(linked: Path) -> None:
    assert _listed(linked) == [
        ("a.txt", "input"),
        ("again.txt", "input"),
        ("dir", OUTSIDE),
        ("p.txt", OUTSIDE),
    ]
    texts = [item.text for item in read_folder(linked) if isinstance(item, Article)]
    assert "Пароль от сервера." not in texts
    problem = next(p for p in walk_inputs(linked) if isinstance(p, Problem) and p.kind == OUTSIDE)
    assert "--follow-links-outside" in problem.message


def test_links_outside_are_read_when_allowed(linked: Path) -> None:
    assert _listed(linked, follow_outside=True) == [
        ("a.txt", "input"),
        ("again.txt", "input"),
        ("p.txt", "input"),
        ("dir/b.txt", "input"),
    ]


def test_a_loop_through_an_outside_folder_is_entered_once(tmp_path: Path) -> None:
    root, outside = tmp_path / "in", tmp_path / "elsewhere"
    _write(root / "a.txt")
    _write(outside / "b.txt")
    (root / "out").symlink_to(outside, target_is_directory=True)
    (outside / "back").symlink_to(root, target_is_directory=True)
    assert _listed(root, follow_outside=True) == [("a.txt", "input"), ("out/b.txt", "input")]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root lists every folder"
)
def test_a_folder_that_cannot_be_listed_has_its_row(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt")
    locked = tmp_path / "locked"
    _write(locked / "b.txt")
    locked.chmod(0)
    try:
        assert _listed(tmp_path) == [("a.txt", "input"), ("locked", "unreadable")]
    finally:
        locked.chmod(0o755)
