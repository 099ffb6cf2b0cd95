import pytest
from rusnews.model import PER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # slovnet tags these appositions genitive and masculine; the verb says nominative feminine.
        (
            "Верховный представитель ЕС по иностранным делам и политике безопасности Кая Каллас "
            "вчера в Брюсселе встретилась с министром.",
            "Кая Каллас",
        ),
        (
            "Заместитель генерального секретаря ООН Амина Мохаммед поддержала инициативу.",
            "Амина Мохаммед",
        ),
        # The verb agrees with another word: no cue.
        ("Встреча с Эдуардсом Стипрайсом прошла вчера.", "Эдуардс Стипрайс"),
        ("Пресс-служба Юрия Лужкова сообщила об этом.", "Юрий Лужков"),
        ("Одним из главных ресурсов Бориса Громова была поддержка избирателей.", "Борис Громов"),
    ],
)
def test_feminine_predicate_decides_a_names_case(pipe, text: str, expected: str) -> None:
    article = pipe(text)
    assert [m.normal for m in article.mentions if m.label == PER] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full name after a nominative position noun is its apposition: a nominative,
        # though slovnet reads `Валерия Касамара` as his genitive.
        (
            "Об этом рассказала руководитель олимпиады «Я – профессионал» Валерия Касамара.",
            "Валерия Касамара",
        ),
        (
            "Об этом сообщил корреспондент Русской службы «Би-би-си» Фарида Рустамова.",
            "Фарида Рустамова",
        ),
        # A genitive or plural position says nothing; a lone surname may be its attribute.
        ("Состоялась встреча министра Сергея Лаврова с коллегами.", "Сергей Лавров"),
        ("Суд вынес приговор кандидату в президенты Андрею Санникову.", "Андрей Санников"),
        ("Представитель Пугачевой заявил об этом.", "Пугачева"),
    ],
)
def test_a_position_noun_gives_its_case_to_a_name_in_apposition(
    pipe, text: str, expected: str
) -> None:
    article = pipe(text)
    assert [m.normal for m in article.mentions if m.label == PER] == [expected]
