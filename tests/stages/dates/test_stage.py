"""Dates stage: tables of Russian cases, the stage contract and the seed article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rusnews.model import DATE, DAY, MONTH, WEEK, YEAR, Article, Sentence
from rusnews.stages.dates.stage import DateMatch, TagDates, find_dates

CORPORA = Path(__file__).resolve().parents[3].parent / "shared" / "corpora"
SEED = CORPORA / "seed" / "kz-eu-visa-talks.txt"
SEED_MARKER = " date 2025-12-03 "

# Wednesday, the publication date of the seed article.
PUB = date(2025, 12, 3)


def found(text: str, published: date | None) -> list[tuple[str, str | None, str]]:
    return [(text[m.start : m.end], m.value, m.granularity) for m in find_dates(text, published)]


ABSOLUTE = [
    (
        "В Брюсселе 2 декабря 2025 года прошли переговоры.",
        [("2 декабря 2025 года", "2025-12-02", DAY)],
    ),
    ("Документ от 02.12.2025 опубликован.", [("от 02.12.2025", "2025-12-02", DAY)]),
    ("Дата: 2025-12-02.", [("2025-12-02", "2025-12-02", DAY)]),
    # NEREL leaves the abbreviation dot outside the span.
    ("24 ноября 2025 г. он приехал.", [("24 ноября 2025 г", "2025-11-24", DAY)]),
    ("Он родился 5 марта 1898 года в Твери.", [("5 марта 1898 года", "1898-03-05", DAY)]),
    ("Приказ от 19/07/2016 вступил в силу.", [("от 19/07/2016", "2016-07-19", DAY)]),
    ("В 2009 году завод закрыли.", [("В 2009 году", "2009", YEAR)]),
    ("Он работает там с 2011 года.", [("с 2011 года", "2011", YEAR)]),
    ("в декабре 2025 года", [("в декабре 2025 года", "2025-12", MONTH)]),
    ("В октябре 2012 года Чавес победил.", [("В октябре 2012 года", "2012-10", MONTH)]),
    ("в начале 2017 года", [("в начале 2017 года", "2017", YEAR)]),
    ("Весной 2012 года начался ремонт.", [("Весной 2012 года", "2012", YEAR)]),
    # A weekday glued to a full date is one span with the date's value.
    (
        "В среду, 3 октября 2018 года, суд вынес решение.",
        [("В среду, 3 октября 2018 года", "2018-10-03", DAY)],
    ),
    # A range is one span; its value is where it starts.
    (
        "Выставка пройдёт с 16 апреля по 19 мая 2019 года.",
        [("с 16 апреля по 19 мая 2019 года", "2019-04-16", DAY)],
    ),
    ("Он был министром в 1998—2010 годах.", [("в 1998—2010 годах", "1998", YEAR)]),
    ("Олимпийская чемпионка Сочи-2014 выступит.", [("2014", "2014", YEAR)]),
    ("«Афоня» (1975) и другие фильмы.", [("1975", "1975", YEAR)]),
    ("В 2001 принят в члены союза.", [("В 2001", "2001", YEAR)]),
]

PARTIAL = [
    # The year comes from publication: the one putting the date nearest to it.
    ("Совет прошёл 1 декабря в Брюсселе.", PUB, [("1 декабря", "2025-12-01", DAY)]),
    ("А 4 декабря Астану посетит Кошта.", PUB, [("4 декабря", "2025-12-04", DAY)]),
    ("Встреча намечена на 15 января.", PUB, [("на 15 января", "2026-01-15", DAY)]),
    ("Отчёт сдали 20 ноября.", PUB, [("20 ноября", "2025-11-20", DAY)]),
    ("В декабре исполняется 10 лет.", PUB, [("В декабре", "2025-12", MONTH)]),
    # No tense to go by: the nearest; June is six months away either side and
    # ties go to the past.
    ("Отчёт о работе в июне.", PUB, [("в июне", "2025-06", MONTH)]),
    ("Итоги: в марте.", PUB, [("в марте", "2026-03", MONTH)]),
    # A past-tense clause looks back, a future one forward.
    ("Консультации начались в марте.", PUB, [("в марте", "2025-03", MONTH)]),
    ("Закон примут в марте.", PUB, [("в марте", "2026-03", MONTH)]),
    (
        "Сейм рассмотрит соглашение в декабре.",
        date(2025, 11, 28),
        [("в декабре", "2025-12", MONTH)],
    ),
    ("Он вернулся 10 декабря.", PUB, [("10 декабря", "2024-12-10", DAY)]),
    ("Он вернётся 10 ноября.", PUB, [("10 ноября", "2026-11-10", DAY)]),
    ("в июне прошлого года", PUB, [("в июне прошлого года", "2024-06", MONTH)]),
    ("в конце января", PUB, [("в конце января", "2026-01", MONTH)]),
    ("Консультации пройдут в 2026 году.", PUB, [("в 2026 году", "2026", YEAR)]),
    # Without a publication date the expression is still a date, with no value.
    ("Совет прошёл 1 декабря.", None, [("1 декабря", None, DAY)]),
    ("Закон приняли в июне.", None, [("в июне", None, MONTH)]),
]

RELATIVE = [
    ("Об этом сегодня заявили в МИД.", PUB, [("сегодня", "2025-12-03", DAY)]),
    ("Вчера прошли переговоры.", PUB, [("Вчера", "2025-12-02", DAY)]),
    ("Позавчера он улетел.", PUB, [("Позавчера", "2025-12-01", DAY)]),
    ("Завтра начнётся саммит.", PUB, [("Завтра", "2025-12-04", DAY)]),
    # A relative date with the calendar date it names is one span, valued by the calendar one;
    # a dash keeps them apart.
    (
        "Об этом сегодня, 3 декабря, заявили в МИД.",
        PUB,
        [("сегодня, 3 декабря", "2025-12-03", DAY)],
    ),
    ("Он умер вчера, 9 мая 2019 года.", PUB, [("вчера, 9 мая 2019 года", "2019-05-09", DAY)]),
    (
        "Это случилось вчера — 2 декабря.",
        PUB,
        [("вчера", "2025-12-02", DAY), ("2 декабря", "2025-12-02", DAY)],
    ),
    ("Вчера в 2019 году", PUB, [("Вчера", "2025-12-02", DAY), ("в 2019 году", "2019", YEAR)]),
    ("На сегодняшний день известно немногое.", PUB, [("На сегодняшний день", "2025-12-03", DAY)]),
    ("Два года назад он ушёл.", PUB, [("Два года назад", "2023", YEAR)]),
    ("Неделю назад начался суд.", PUB, [("Неделю назад", "2025-W48", WEEK)]),
    ("около трёх месяцев назад", PUB, [("около трёх месяцев назад", "2025-09", MONTH)]),
    ("несколько дней назад", PUB, [("несколько дней назад", None, DAY)]),
    # Counted from the story's own time, not from publication.
    ("Через три дня его отпустили.", PUB, [("Через три дня", None, DAY)]),
    ("В тот же день суд отказал.", PUB, [("В тот же день", None, DAY)]),
    ("Сегодня потеплело.", None, [("Сегодня", None, DAY)]),
]

WEEKDAYS = [
    # Published on a Wednesday: past weekdays go back, the same weekday is that day.
    ("В понедельник прошла встреча.", PUB, [("В понедельник", "2025-12-01", DAY)]),
    ("Во вторник прошли переговоры.", PUB, [("Во вторник", "2025-12-02", DAY)]),
    ("В среду министр заявил.", PUB, [("В среду", "2025-12-03", DAY)]),
    ("В пятницу суд вынес решение.", PUB, [("В пятницу", "2025-11-28", DAY)]),
    ("В воскресенье прошли выборы.", PUB, [("В воскресенье", "2025-11-30", DAY)]),
    # A future-tense clause turns a bare weekday forward; the comma clause decides.
    ("Встреча состоится в пятницу.", PUB, [("в пятницу", "2025-12-05", DAY)]),
    ("Он заявил, что встреча пройдёт в пятницу.", PUB, [("в пятницу", "2025-12-05", DAY)]),
    ("В пятницу он заявил, что всё решится позже.", PUB, [("В пятницу", "2025-11-28", DAY)]),
    ("В прошлую пятницу он вернулся.", PUB, [("В прошлую пятницу", "2025-11-28", DAY)]),
    ("в следующую пятницу", PUB, [("в следующую пятницу", "2025-12-12", DAY)]),
    ("Заседание перенесли с понедельника.", PUB, [("с понедельника", "2025-12-01", DAY)]),
]

WEEKS_MONTHS_YEARS = [
    ("На прошлой неделе он уехал.", PUB, [("На прошлой неделе", "2025-W48", WEEK)]),
    ("на этой неделе", PUB, [("на этой неделе", "2025-W49", WEEK)]),
    ("на следующей неделе", PUB, [("на следующей неделе", "2025-W50", WEEK)]),
    ("В прошлом году завод закрыли.", PUB, [("В прошлом году", "2024", YEAR)]),
    ("в этом году", PUB, [("в этом году", "2025", YEAR)]),
    ("в следующем году", PUB, [("в следующем году", "2026", YEAR)]),
    ("в прошлом месяце", PUB, [("в прошлом месяце", "2025-11", MONTH)]),
    ("в начале этого года", PUB, [("в начале этого года", "2025", YEAR)]),
    # ISO weeks cross the year: 2026-01-01 is in week 1 of 2026.
    ("на прошлой неделе", date(2026, 1, 8), [("на прошлой неделе", "2026-W01", WEEK)]),
    ("в прошлом месяце", date(2026, 1, 8), [("в прошлом месяце", "2025-12", MONTH)]),
]

NOT_DATES = [
    "Соглашению исполняется 10 лет.",
    "В ходе 22-го заседания Совета сотрудничества.",
    "Митинг собрал 2026 человек.",
    "До города осталось в 1600 км пути.",
    "Около 2000 компьютеров изъяли.",
    "Он получил 15 голосов из 40.",
    "Пьесы «31 июня» и «Дядя Ваня».",
    "Резолюция № 1747 запрещает поставки.",
    "Встреча началась в 10:30.",
    "Он был осуждён на 7 лет.",
    "В окружающей среде нашли пластик.",
    "Подписи собрали за 5 дней.",
    "Подведены итоги прошлого года.",
    "Умер на 102-м году жизни.",
    "Вес составил 3 400 г.",
]


@pytest.mark.parametrize("text, expected", ABSOLUTE)
def test_absolute_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, PUB) == expected
    # An absolute date does not depend on the publication date at all.
    assert found(text, None) == expected
    assert not any(m.relative for m in find_dates(text, PUB))


@pytest.mark.parametrize("text, published, expected", PARTIAL)
def test_partial_dates(text: str, published: date | None, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text, published, expected", RELATIVE)
def test_relative_days(text: str, published: date | None, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text, published, expected", WEEKDAYS)
def test_weekdays(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text, published, expected", WEEKS_MONTHS_YEARS)
def test_weeks_months_years(text: str, published: date, expected: list) -> None:
    assert found(text, published) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert found(text, PUB) == []


def test_relative_flag_marks_values_taken_from_publication() -> None:
    text = "Вчера — 2 декабря 2025 года, и 1 декабря, а также в 2026 году."
    flags = {text[m.start : m.end]: m.relative for m in find_dates(text, PUB)}
    assert flags == {
        "Вчера": True,
        "2 декабря 2025 года": False,
        "1 декабря": True,
        "в 2026 году": False,
    }
    # Nothing is computed without a publication date, so nothing is relative.
    assert not any(m.relative for m in find_dates(text, None))


def test_offsets_index_the_text_passed_in() -> None:
    text = "Текст.\n\nВ понедельник, 1 декабря, и позже."
    (match,) = find_dates(text, PUB)
    assert match == DateMatch(8, 32, "2025-12-01", DAY, True)
    assert text[match.start : match.end] == "В понедельник, 1 декабря"


def test_tag_dates_per_sentence() -> None:
    text = "Переговоры прошли вчера. Следующий раунд пройдёт в 2026 году."
    sentences = [Sentence(0, 24, text[0:24]), Sentence(25, len(text), text[25:])]
    article = Article("a1", text, published=PUB, sentences=sentences)
    TagDates()([article])
    got = [
        (m.text, m.label, m.sentence_idx, m.normal, m.granularity, m.relative, m.source)
        for m in article.mentions
    ]
    assert got == [
        ("вчера", DATE, 0, "2025-12-02", DAY, True, "dates"),
        ("в 2026 году", DATE, 1, "2026", YEAR, False, "dates"),
    ]
    assert all(text[m.start : m.end] == m.text for m in article.mentions)


def test_tag_dates_without_sentences_reads_the_whole_text() -> None:
    article = Article("a2", "Сегодня холодно. Вчера было 3 декабря.", published=None)
    TagDates()([article])
    assert [(m.text, m.normal, m.sentence_idx) for m in article.mentions] == [
        ("Сегодня", None, -1),
        ("Вчера", None, -1),
        ("3 декабря", None, -1),
    ]


def test_tag_dates_keeps_existing_mentions() -> None:
    from rusnews.model import PER, Mention

    article = Article("a3", "Иванов приехал 1 декабря.", published=PUB)
    article.mentions.append(Mention(0, 6, "Иванов", PER))
    TagDates()([article])
    assert [m.label for m in article.mentions] == [PER, DATE]


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED} (it lives outside the repository)")
    raw = SEED.read_text(encoding="utf-8")
    body = raw[raw.index(SEED_MARKER) + len(SEED_MARKER) :]
    matches = {body[m.start : m.end]: m.value for m in find_dates(body, PUB)}
    assert matches == {
        "2 декабря 2025 года": "2025-12-02",
        "сегодня, 3 декабря": "2025-12-03",
        "в декабре": "2025-12",
        "1 декабря": "2025-12-01",
        "в 2026 году": "2026",
        "24 ноября 2025 года": "2025-11-24",
        "4 декабря": "2025-12-04",
    }
    assert "10 лет" in body and not any("10 лет" in text for text in matches)


def test_the_date_cue_ignores_case_and_word_inside_matches():
    from rusnews.stages.dates.grammar import has_cue

    assert has_cue("ЗАСЕДАНИЕ СОСТОИТСЯ 5 ЯНВАРЯ") and has_cue("В МАЕ") and has_cue("Послезавтра")
    assert not has_cue("Погода хорошая") and not has_cue("Кумай")  # 'май' only at a word's start
