"""The one lexicon format: comments, optional columns, and errors that name the line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rusnews.lexicon import (
    LexiconError,
    numbered_rows,
    read_lexicon,
    read_word_classes,
    read_words,
)


def _write(tmp_path: Path, text: str, name: str = "table.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_comments_and_blank_lines_are_skipped_and_cells_stripped(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "# lemma\tplace\n\n  # an indented comment\nбританский \tВеликобритания\nрусский\tРоссия\n",
    )
    assert read_lexicon(path, ("lemma", "place")) == [
        ("британский", "Великобритания"),
        ("русский", "Россия"),
    ]


def test_a_hash_inside_a_row_is_data(tmp_path: Path) -> None:
    path = _write(tmp_path, "C#\tязык\n")
    assert read_lexicon(path, ("name", "kind")) == [("C#", "язык")]


def test_optional_columns_read_as_empty(tmp_path: Path) -> None:
    path = _write(tmp_path, "Кремль\tseat\nМосква\nБелый дом\tseat\t\n")
    assert read_lexicon(path, ("name", "flags"), optional=1) == [
        ("Кремль", "seat"),
        ("Москва", ""),
        ("Белый дом", "seat"),
    ]


def test_a_row_with_too_many_columns_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "# header\nрусский\tРоссия\nбританский\tВеликобритания\tлишнее\n")
    with pytest.raises(
        LexiconError, match="^" + re.escape(f"{path}:3: expected 2 tab-separated columns")
    ):
        read_lexicon(path, ("lemma", "place"))


def test_a_row_with_too_few_columns_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "русский Россия\n")
    with pytest.raises(
        LexiconError, match="^" + re.escape(f"{path}:1: expected 2 to 3") + ".*got 1"
    ):
        read_lexicon(path, ("lemma", "place", "notes"), optional=1)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="nowhere.txt: lexicon file not found"):
        read_words(tmp_path / "nowhere.txt")


def test_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, "# words\nшаттл\n\nракета\n", "nouns.txt")
    assert numbered_rows(path, ("word",)) == [(2, ("шаттл",)), (4, ("ракета",))]
    assert read_words(path) == ["шаттл", "ракета"]


def test_word_classes_give_the_classes_asked_for(tmp_path: Path) -> None:
    path = _write(tmp_path, "light\tв во с со\tnotes\nother\tпо\n")
    assert read_word_classes(path, ("light",)) == {"light": frozenset({"в", "во", "с", "со"})}


def test_a_word_class_the_code_reads_must_be_in_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "light\tв во\n")
    with pytest.raises(LexiconError, match=re.escape(f"{path}: no row for word class 'place'")):
        read_word_classes(path, ("light", "place"))


def test_a_word_class_given_twice_names_the_second_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "light\tв во\nlight\tс\n")
    with pytest.raises(LexiconError, match=re.escape(f"{path}:2: word class 'light' given twice")):
        read_word_classes(path, ("light",))
