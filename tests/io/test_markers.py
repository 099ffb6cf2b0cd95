import pytest
from rusnews.io.markers import split_markers


@pytest.mark.parametrize(
    ("raw", "meta", "body"),
    [
        ("Date: 2025-12-03\nТекст.", {"date": "2025-12-03"}, "Текст."),
        ("Дата: 3 декабря 2025\nТекст.", {"date": "3 декабря 2025"}, "Текст."),
        ("Опубликовано 03.12.2025 в 10:15\nТекст.", {"date": "03.12.2025 в 10:15"}, "Текст."),
        # The time belongs to the marker, on its own line or inline.
        ("date 2025-12-03 10:15\nТекст.", {"date": "2025-12-03 10:15"}, "Текст."),
        ("date 2025-12-03 10:15 В Москве.", {"date": "2025-12-03 10:15"}, "В Москве."),
        ("date 3 декабря 2025 г. В Москве.", {"date": "3 декабря 2025 г."}, "В Москве."),
        (
            "Title: Переговоры\nDate: 2025-12-03\r\nТекст.",
            {"title": "Переговоры", "date": "2025-12-03"},
            "Текст.",
        ),
        # A date marker whose value names no day is still a marker: the reader
        # keeps the article and says the date was not understood.
        ("Дата: вчера\nТекст.", {"date": "вчера"}, "Текст."),
        ("date 2025-02-30\nТекст.", {"date": "2025-02-30"}, "Текст."),
    ],
)
def test_date_headers_as_users_write_them(raw: str, meta: dict, body: str) -> None:
    assert split_markers(raw) == (meta, body)


@pytest.mark.parametrize(
    "raw",
    [
        "Дата проведения форума пока не определена.",
        "Дата\nТекст.",
        "Title IX was amended.",
        "Источник в Кремле сообщил о встрече.",
    ],
)
def test_a_body_that_opens_with_a_key_word_stays_body(raw: str) -> None:
    assert split_markers(raw) == ({}, raw)
