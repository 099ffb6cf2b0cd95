"""Shards: stable cuts of the reader's stream, each problem in exactly one shard."""

from __future__ import annotations

from pathlib import Path

import pytest
from rusnews.engine.shards import cut_shards, shard_id
from rusnews.io.readers import read_folder
from rusnews.model import Article, Problem


def _stream(pattern: str) -> list[Article | Problem]:
    """'aaPa' -> articles a0, a1, a problem, a3."""
    return [
        Article(f"a{i}", "Текст.") if c == "a" else Problem(f"p{i}", "read", "empty", "no text")
        for i, c in enumerate(pattern)
    ]


def _layout(shards) -> list[str]:
    return ["".join("a" if isinstance(item, Article) else "P" for item in s.items) for s in shards]


@pytest.mark.parametrize(
    ("pattern", "size", "expected"),
    [
        ("aaaa", 2, ["aa", "aa"]),
        ("aaaaa", 2, ["aa", "aa", "a"]),
        ("PaaPaP", 2, ["Paa", "PaP"]),  # a problem joins the shard being filled
        ("aaPP", 2, ["aa", "PP"]),  # problems after a full shard start the next one
        ("PP", 3, ["PP"]),
        ("", 3, []),
    ],
)
def test_cuts(pattern: str, size: int, expected: list[str]) -> None:
    assert _layout(cut_shards(_stream(pattern), size)) == expected


def test_ids_and_positions_follow_the_order() -> None:
    shards = list(cut_shards(_stream("aaPaaaa"), 2))
    assert [s.shard_id for s in shards] == ["shard-00000", "shard-00001", "shard-00002"]
    assert [s.first_article for s in shards] == [0, 2, 4]
    assert [s.n_articles for s in shards] == [2, 2, 2]
    assert shard_id(12345) == "shard-12345"


def test_every_item_lands_in_exactly_one_shard(small_corpus: Path) -> None:
    items = list(read_folder(small_corpus))
    shards = list(cut_shards(read_folder(small_corpus), 4))
    flat = [item for s in shards for item in s.items]
    assert flat == items
    assert sum(isinstance(i, Problem) for i in flat) > 0


def test_same_input_same_fingerprints(small_corpus: Path) -> None:
    first = [s.fingerprint("k") for s in cut_shards(read_folder(small_corpus), 4)]
    again = [s.fingerprint("k") for s in cut_shards(read_folder(small_corpus), 4)]
    assert first == again and len(set(first)) == len(first)
    assert [
        s.fingerprint("other settings") for s in cut_shards(read_folder(small_corpus), 4)
    ] != first


def test_fingerprint_sees_a_changed_text() -> None:
    shard = next(cut_shards([Article("a", "Один."), Article("b", "Два.")], 2))
    before = shard.fingerprint("k")
    shard.items[1].text = "Три."
    assert shard.fingerprint("k") != before


def test_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(cut_shards([], 0))
