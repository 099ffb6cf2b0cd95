"""The person a body or prize is named after is a person mention inside the name."""

from __future__ import annotations

import pytest
from rusnews.model import PER
from rusnews.pipeline import default_stages
from rusnews.stages.mentions.named_after import NamedAfter, find_named_after

from tests.stages.helpers import tagged_article


def named(text: str) -> list[str]:
    return [text[a:b] for a, b in find_named_after(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Он окончил Литературный институт имени А. М. Горького.", ["А. М. Горького"]),
        ("НИИ им. Склифосовского принял больного.", ["Склифосовского"]),
        ("Глава Ассоциации имени Людвига ван Бетховена", ["Людвига ван Бетховена"]),
        ("училище им. Ипполитова-Иванова", ["Ипполитова-Иванова"]),
        ("театра имени\u00a0В.\u00a0М.\u00a0Шукшина", ["В.\u00a0М.\u00a0Шукшина"]),
    ],
)
def test_the_name_after_imeni_is_found(text: str, expected: list[str]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Он выступил от имени компании.",  # no capital after the word
        "Помощь бедным и умирающим. Папа римский выступил.",  # `им.` ends a word here
    ],
)
def test_no_name_follows(text: str) -> None:
    assert named(text) == []


def test_a_person_inside_an_organization_is_added_once() -> None:
    text = "Он окончил Литературный институт имени А. М. Горького. Музей имени Чехова открыт."
    article = tagged_article(
        text, [("ORG", "Литературный институт имени А. М. Горького"), ("PER", "Чехова")]
    )
    NamedAfter()([article])
    persons = [(m.text, m.source) for m in article.mentions if m.label == PER]
    assert persons == [("Чехова", "ner"), ("А. М. Горького", "named_after")]


def test_the_stage_runs_in_the_pipeline() -> None:
    assert any(isinstance(stage, NamedAfter) for stage in default_stages("names"))
