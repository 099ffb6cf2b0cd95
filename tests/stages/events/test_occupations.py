"""Occupation records: who holds which position where, and whether the post changed hands."""

from __future__ import annotations

import pytest
from rusnews.model import Article, Occupation

PUBLISHED = "2025-12-03"


def only(article: Article) -> Occupation:
    assert len(article.occupations) == 1, [(o.person.name, o.position) for o in article.occupations]
    return article.occupations[0]


@pytest.mark.parametrize(
    "text, person, position, workplace",
    [
        (
            "Заявление сделал президент Европейского совета Антониу Кошта.",
            "Антониу Кошта",
            "президент",
            ("organization", "Европейского совета"),
        ),
        (
            "Алибек Бакаев, заместитель министра иностранных дел Республики Казахстан, "
            "прибыл в Вену.",
            "Алибек Бакаев",
            "заместитель министра иностранных дел",
            ("place", "Республики Казахстан"),
        ),
        (
            "Антониу Кошта — президент Европейского совета.",
            "Антониу Кошта",
            "президент",
            ("organization", "Европейского совета"),
        ),
        (
            "Иван Петров назначен послом России в Казахстане.",
            "Иван Петров",
            "посол",
            ("place", "России"),
        ),
        (
            "Заседание вел специального представителя Европейского союза Эдуардс Стипрайс.",
            "Эдуардс Стипрайс",
            "специальный представитель",
            ("organization", "Европейского союза"),
        ),
        ("Писатель Иван Бунин жил в Париже.", "Иван Бунин", "писатель", None),
    ],
)
def test_occupations(
    pipe, text: str, person: str, position: str, workplace: tuple[str, str] | None
) -> None:
    article = pipe(text, published=PUBLISHED)
    record = only(article)
    assert article.text[record.person.start : record.person.end] == person
    assert record.position == position
    places = {
        (a.role, article.text[a.start : a.end])
        for a in (record.organization, record.place)
        if a is not None
    }
    assert places == ({workplace} if workplace else set())


@pytest.mark.parametrize(
    "text, person, position, phase",
    [
        ("Иван Петров назначен послом России в Казахстане.", "Иван Петров", "посол", "start"),
        ("Иван Петров стал министром финансов.", "Иван Петров", "министр финансов", "start"),
        (
            "Сергей Кравцов был избран председателем Государственной думы.",
            "Сергей Кравцов",
            "председатель",
            "start",
        ),
        (
            "Бывший министр финансов Алексей Кудрин приехал в Минск.",
            "Алексей Кудрин",
            "министр финансов",
            "end",
        ),
        (
            "Экс-президент Франции Николя Саркози прибыл в Москву.",
            "Николя Саркози",
            "президент",
            "end",
        ),
        ("Иван Петров ушёл с поста министра финансов.", "Иван Петров", "министр финансов", "end"),
        (
            "Министр финансов Алексей Кудрин приехал в Минск.",
            "Алексей Кудрин",
            "министр финансов",
            None,
        ),
    ],
)
def test_appointments_start_a_post_and_resignations_end_it(
    pipe, text: str, person: str, position: str, phase: str | None
) -> None:
    record = only(pipe(text, published=PUBLISHED))
    assert (record.person.name, record.position, record.phase) == (person, position, phase)


def test_a_post_held_is_no_event(pipe) -> None:
    article = pipe("Министр финансов Алексей Кудрин приехал в Минск.", published=PUBLISHED)
    assert article.occupations and all(e.event_type != "OCCUPATION" for e in article.events)


def test_each_coordinated_position_takes_the_name_after_it(pipe) -> None:
    article = pipe(
        "Переговоры вели министр иностранных дел Казахстана Ермек Кошербаев и "
        "Верховный представитель ЕС Кая Каллас.",
        published=PUBLISHED,
    )
    assert {(o.person.name, o.position) for o in article.occupations} == {
        ("Ермек Кошербаев", "министр иностранных дел"),
        ("Кая Каллас", "верховный представитель"),
    }


def test_a_position_without_a_named_holder_is_no_record(pipe) -> None:
    assert pipe("Министр иностранных дел России посетил Пекин.").occupations == []


def test_records_are_numbered_in_text_order(pipe) -> None:
    article = pipe(
        "Министр финансов Алексей Кудрин и министр обороны Сергей Шойгу прибыли в Минск.",
        published=PUBLISHED,
    )
    assert [o.occupation_id for o in article.occupations] == list(range(len(article.occupations)))
    assert [o.start for o in article.occupations] == sorted(o.start for o in article.occupations)
