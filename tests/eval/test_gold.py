from pathlib import Path

import pytest
from rusnews.eval.gold import GoldFormatError, check_bounds, read_lines, read_text, words_in_order


@pytest.mark.parametrize(
    ("chunk", "words", "expected"),
    [
        ("Юрия Лужкова", ("Юрия", "Лужкова"), True),
        # factRuEval lists tokens: a hyphen token may be skipped or split off
        ("Жан-Мари Ле Пен", ("Жан", "Ле", "Пен"), True),
        ("Театра им. Йозефа Бойса", ("Театра", "им", ".", "Йозефа", "Бойса"), True),
        ("Юрия Лужкова", ("Лужкова", "Юрия"), False),
        ("юрия Лужков", ("Юрия", "Лужкова"), False),
        ("Москвы", (), True),
    ],
)
def test_words_in_order(chunk: str, words: tuple[str, ...], expected: bool) -> None:
    assert words_in_order(chunk, words) is expected


@pytest.mark.parametrize(
    ("start", "end", "ok"),
    [(0, 6, True), (2, 5, True), (3, 3, False), (4, 2, False), (-1, 2, False), (2, 7, False)],
)
def test_check_bounds(start: int, end: int, ok: bool) -> None:
    assert (check_bounds("Казань", start, end) is None) is ok


def test_read_text_keeps_crlf(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes("Москва\r\nКазань\r\n".encode())
    assert read_text(path) == "Москва\r\nКазань\r\n"
    assert read_lines(path) == ["Москва", "Казань", ""]


def test_read_lines_splits_on_newlines_only(tmp_path: Path) -> None:
    path = tmp_path / "doc.ann"
    path.write_text("T1\tCITY 0 3\tабв\u2028где\nT2\n", encoding="utf-8")
    assert read_lines(path) == ["T1\tCITY 0 3\tабв\u2028где", "T2", ""]


def test_read_text_rejects_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Москва".encode("cp1251"))
    with pytest.raises(GoldFormatError, match="not UTF-8"):
        read_text(path)
