"""A person's country from their occupation, and every event argument's country."""

from __future__ import annotations

from rusnews.rows import event_argument_rows

TEXT = (
    "Министр иностранных дел России Сергей Лавров 3 декабря встретился в Минске "
    "с главой МИД Казахстана Муратом Нуртлеу."
)


def test_a_person_takes_the_country_of_the_body_they_work_for(pipe) -> None:
    article = pipe(TEXT)
    countries = {e.name: e.country for e in article.entities}
    assert countries["Сергей Лавров"] == "RU"
    assert countries["Мурат Нуртлеу"] == "KZ"


def test_event_arguments_carry_their_entities_country(pipe) -> None:
    rows = {(r["role"], r["name"]): r["country"] for r in event_argument_rows(pipe(TEXT))}
    assert rows[("agent", "Сергей Лавров")] == "RU"
    assert rows[("participant", "Мурат Нуртлеу")] == "KZ"
    assert rows[("location", "Минск")] == "BY"
    assert rows[("time", "3 декабря")] is None
