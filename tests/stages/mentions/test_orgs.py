"""Organization phrases: extension and finding rules on real morphology."""

from __future__ import annotations

import pytest
from rusnews.stages.mentions.orgs import NEREL_EXTENSIONS, NEREL_FINDERS, OrgPhrases

from tests.stages.helpers import tagged_article as _article


def _run(stage: OrgPhrases, text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    article = _article(text, spans)
    stage([article])
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)
    return [(m.label, m.text) for m in article.mentions]


@pytest.mark.parametrize(
    ("text", "spans", "expected", "rule"),
    [
        (
            "Глава японского МИДа прибыл в Москву.",
            [("ORG", "МИДа"), ("LOC", "Москву")],
            [("ORG", "японского МИДа"), ("LOC", "Москву")],
            "extend_place_adjective",
        ),
        (
            "В 2018 году Европейский суд по правам человека вынес решение.",
            [("ORG", "Европейский суд")],
            [("ORG", "Европейский суд по правам человека")],
            "extend_complement",
        ),
        (
            "Сотрудник Следственного комитета при прокуратуре Иван Петров заявил журналистам.",
            [("ORG", "Следственного комитета"), ("PER", "Иван Петров")],
            [("ORG", "Следственного комитета при прокуратуре"), ("PER", "Иван Петров")],
            "extend_complement",
        ),
    ],
)
def test_default_extensions(text: str, spans, expected, rule: str) -> None:
    stage = OrgPhrases(debug=True)
    assert _run(stage, text, spans) == expected
    assert [fired[0] for fired in stage.fired] == [rule]


def test_after_a_noun_a_po_complement_may_be_the_nouns_own() -> None:
    text = "Его принял представитель Европейской комиссии по вопросам миграции."
    assert _run(OrgPhrases(), text, [("ORG", "Европейской комиссии")]) == [
        ("ORG", "Европейской комиссии")
    ]


def test_a_complement_needs_a_body_noun() -> None:
    # `по вопросу` belongs to the verb, not to the Duma.
    text = "Он выступил в Госдуме по вопросу пенсий."
    assert _run(OrgPhrases(), text, [("ORG", "Госдуме")]) == [("ORG", "Госдуме")]


def test_owner_extension_keeps_the_place_inside() -> None:
    stage = OrgPhrases(extensions=("extend_owner",))
    text = "Верховный суд Испании приговорил футболиста."
    assert _run(stage, text, [("ORG", "Верховный суд"), ("LOC", "Испании")]) == [
        ("ORG", "Верховный суд Испании"),
        ("LOC", "Испании"),
    ]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Правительство Японии выразило протест.",
            [("LOC", "Японии")],
            [("ORG", "Правительство Японии"), ("LOC", "Японии")],
        ),
        ("Японское правительство выразило протест.", [], [("ORG", "Японское правительство")]),
        ("Полиция задержала пять человек.", [], [("ORG", "Полиция")]),
    ],
)
def test_finders(text: str, spans, expected) -> None:
    stage = OrgPhrases(finders=("find_owned_body", "find_bare_body"))
    assert sorted(_run(stage, text, spans)) == sorted(expected)


def test_finders_are_off_by_default() -> None:
    assert _run(OrgPhrases(), "Полиция задержала пять человек.", []) == []


def test_profiles_run_the_same_rule_families() -> None:
    # A profile filters the output (rusnews.views); what is found is the same for all.
    from rusnews.pipeline import default_stages

    names = [stage.name for stage in default_stages()]
    assert names == [stage.name for stage in default_stages("nerel")]
    assert {"places", "platforms", "bodies", "durations", "profile"} <= set(names)
    bodies = next(stage for stage in default_stages() if stage.name == "bodies")
    assert [name for name, _ in bodies.finders] == [
        "find_genitive_body",
        "find_owned_body",
        "find_bare_body",
    ]
    orgs = next(stage for stage in default_stages() if stage.name == "orgs")
    assert "extend_acronym_owner" not in [name for name, _ in orgs.extensions]
    assert [name for name, _ in orgs.extents] == ["extend_acronym_owner"] and not orgs.finders
    with pytest.raises(ValueError):
        default_stages("conll")


NEREL = {"finders": NEREL_FINDERS, "extensions": NEREL_EXTENSIONS}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # A genitive complement names what the body runs, an owner may follow.
        (
            "Министерство обороны России опровергло сообщение.",
            [("LOC", "России")],
            [("ORG", "Министерство обороны России"), ("LOC", "России")],
        ),
        (
            "Глава кабинета министров выступил в парламенте.",
            [],
            [("ORG", "кабинета министров"), ("ORG", "парламенте")],
        ),
        (
            "Он возглавил департамент внешних связей «Газпрома».",
            [("ORG", "Газпрома")],
            [("ORG", "департамент внешних связей «Газпрома»")],
        ),
        # Without a complement the noun alone is no body: `министерство` is not `bare`.
        ("Министерство опровергло сообщение.", [], []),
        # Adjectives that say which body it is belong to it; `новое` only dates it.
        ("Военная полиция задержала солдат.", [], [("ORG", "Военная полиция")]),
        ("Новое правительство ушло в отставку.", [], [("ORG", "правительство")]),
    ],
)
def test_nerel_finders(text: str, spans, expected) -> None:
    assert sorted(_run(OrgPhrases(**NEREL), text, spans)) == sorted(expected)


def test_an_acronym_takes_its_owner_under_nerel_only() -> None:
    text = "МИД России выразил протест."
    spans = [("ORG", "МИД"), ("LOC", "России")]
    assert _run(OrgPhrases(**NEREL), text, spans) == [("ORG", "МИД России"), ("LOC", "России")]
    assert _run(OrgPhrases(), text, spans) == [("ORG", "МИД"), ("LOC", "России")]
