"""One run, every convention: the views (rusnews.views) pick each gold corpus's spans from the
mentions the pipeline finds, and the profiles are those views applied to the output."""

from __future__ import annotations

import pytest
from rusnews.model import BODY, MEDIA, PLACE_ADJECTIVE
from rusnews.pipeline import Pipeline
from rusnews.rows import mention_rows
from rusnews.stages.registry import full_stages
from rusnews.views import view


def _mention_stages(profile: str) -> list:
    # Up to the normal forms: the views read nothing the later stages set.
    stages = full_stages(profile)
    return stages[: [stage.name for stage in stages].index("normalize") + 1]


@pytest.fixture(scope="module")
def everything() -> Pipeline:
    return Pipeline(_mention_stages("all"))


def _spans(mentions, name: str, text: str) -> list[tuple[str, str]]:
    return [(m.label, m.text) for m in view(name)(mentions, text)]


@pytest.mark.parametrize(
    ("text", "convention", "expected"),
    [
        # factRuEval and NEREL span an organization with its owner; Collection5 does not.
        (
            "Верховный суд Испании отклонил жалобу.",
            "names",
            [("ORG", "Верховный суд Испании"), ("LOC", "Испании")],
        ),
        (
            "Верховный суд Испании отклонил жалобу.",
            "collection5",
            [("ORG", "Верховный суд"), ("LOC", "Испании")],
        ),
        (
            "Генпрокуратура РФ возбудила дело.",
            "collection5",
            [("ORG", "Генпрокуратура"), ("LOC", "РФ")],
        ),
        # Naeval's `org_name` leaves out the owner place that ends the name, and its
        # `loc_name` the descriptor before a place; a place inside the name stays.
        (
            "Верховный суд Испании отклонил жалобу.",
            "naeval",
            [("ORG", "Верховный суд"), ("LOC", "Испании")],
        ),
        (
            "Vestas — основной работодатель на Острове Уайт.",
            "naeval",
            [("ORG", "Vestas"), ("LOC", "Уайт")],
        ),
        # The original spelling in brackets: a second mention, or part of the name.
        (
            "Председатель партии Майкл Стил (Michael Steele) заявил об отставке.",
            "names",
            [("PER", "Майкл Стил"), ("PER", "Michael Steele")],
        ),
        (
            "Председатель партии Майкл Стил (Michael Steele) заявил об отставке.",
            "collection5",
            [("PER", "Майкл Стил (Michael Steele)")],
        ),
        # The legal form: out of the name for factRuEval and NEREL, inside for Collection5.
        ("Акции ОАО «Газпром» подешевели.", "nerel", [("ORG", "Газпром")]),
        ("Акции ОАО «Газпром» подешевели.", "collection5", [("ORG", "ОАО «Газпром»")]),
        # Collection5's MEDIA and GEOPOLIT.
        ("Об этом сообщили СМИ.", "names", []),
        ("Об этом сообщили СМИ.", "collection5", [("ORG", "СМИ")]),
        ("Белый дом ответил на заявление.", "names", [("ORG", "Белый дом")]),
        ("Белый дом ответил на заявление.", "collection5", [("LOC", "Белый дом")]),
        # NEREL's acronym with its owner, bodies and adjectival places.
        (
            "Представитель МИД России заявил о протесте.",
            "names",
            [("ORG", "МИД"), ("LOC", "России")],
        ),
        (
            "Представитель МИД России заявил о протесте.",
            "nerel",
            [("ORG", "МИД России"), ("LOC", "России")],
        ),
        # NEREL spans a part of a place with the place.
        ("Взрыв прогремел на юге Москвы.", "nerel", [("LOC", "юге Москвы")]),
        ("Взрыв прогремел на юге Москвы.", "names", [("LOC", "Москвы")]),
        ("Взрыв прогремел на юге Москвы.", "collection5", [("LOC", "Москвы")]),
        ("Полиция задержала пять человек.", "names", []),
        ("Полиция задержала пять человек.", "nerel", [("ORG", "Полиция")]),
        ("Полиция задержала пять человек.", "collection5", []),
        # factRuEval's objects hold the descriptor and what agrees with it; the others not.
        ("Лидер партии «Яблоко» выступил.", "object", [("ORG", "партии «Яблоко")]),
        ("Лидер партии «Яблоко» выступил.", "names", [("ORG", "Яблоко")]),
        ("Лидер партии «Яблоко» выступил.", "collection5", [("ORG", "Яблоко")]),
        (
            "Он написал в социальной сети Facebook.",
            "object",
            [("ORG", "социальной сети Facebook")],
        ),
        ("Акции ОАО «Газпром» подешевели.", "object", [("ORG", "ОАО «Газпром»")]),
        (
            "Японское правительство одобрило план.",
            "object",
            [("ORG", "Японское правительство")],
        ),
    ],
)
def test_each_convention_picks_its_spans_from_one_run(
    everything: Pipeline, text: str, convention: str, expected: list[tuple[str, str]]
) -> None:
    article = everything(text)
    assert _spans(article.mentions, convention, text) == expected


def test_a_mention_carries_its_core_extent_and_kind(everything: Pipeline) -> None:
    text = "Верховный суд Испании отклонил жалобу, сообщили СМИ. Полиция молчит."
    article = everything(text)
    court = next(m for m in article.mentions if m.text == "Верховный суд Испании")
    assert text[slice(*court.core_span)] == "Верховный суд"
    assert text[slice(*court.extent_span)] == "Верховный суд Испании"
    kinds = {m.text: m.kind for m in article.mentions}
    assert kinds["Испании"] == "proper" and kinds["СМИ"] == MEDIA and kinds["Полиция"] == BODY


def test_the_table_holds_kind_and_bounds_null_where_they_are_the_mentions_own(
    everything: Pipeline,
) -> None:
    text = "Акции ОАО «Газпром» подешевели в Москве."
    rows = {row["text"]: row for row in mention_rows(everything(text))}
    gazprom, moscow = rows["Газпром"], rows["Москве"]
    assert text[gazprom["extent_start"] : gazprom["extent_end"]] == "ОАО «Газпром»"
    assert (moscow["kind"], moscow["core_start"], moscow["extent_end"]) == ("proper", None, None)


PARAGRAPH = (
    "Представитель МИД России заявил, что британской компании BP и ОАО «Газпром» "
    "правительство Японии ничего не обещало. Полиция задержала двоих за последние 10 дней. "
    "Об этом написал в Twitter Майкл Стил (Michael Steele)."
)


@pytest.mark.parametrize("profile", ["names", "nerel"])
def test_a_profile_is_its_view_of_the_one_run(everything: Pipeline, profile: str) -> None:
    alone = Pipeline(_mention_stages(profile))(PARAGRAPH)
    article = everything(PARAGRAPH)
    assert [m.span for m in alone.mentions] == [
        m.span for m in view(profile)(article.mentions, PARAGRAPH)
    ]


def test_the_all_profile_keeps_what_the_others_leave_out(everything: Pipeline) -> None:
    article = everything(PARAGRAPH)
    kinds = {m.kind for m in article.mentions}
    assert {BODY, PLACE_ADJECTIVE, "duration", "platform"} <= kinds
    names = Pipeline(_mention_stages("names"))(PARAGRAPH)
    assert not {m.kind for m in names.mentions} & {BODY, PLACE_ADJECTIVE, "duration"}


def test_the_descriptor_before_a_name_is_a_bound_of_its_own(everything: Pipeline) -> None:
    text = "Об этом пишет главный редактор независимого еженедельника «Пермский обозреватель»."
    article = everything(text)
    (weekly,) = [m for m in article.mentions if m.text == "Пермский обозреватель"]
    assert text[weekly.descriptor_start : weekly.end] == (
        "независимого еженедельника «Пермский обозреватель"
    )
    assert weekly.extent_span == (weekly.start, weekly.end)
    row = next(row for row in mention_rows(article) if row["text"] == "Пермский обозреватель")
    assert row["descriptor_start"] == weekly.descriptor_start


def test_an_unknown_view_says_which_there_are() -> None:
    with pytest.raises(ValueError, match="collection5"):
        view("conll")
