"""Web platforms as services are no organizations (the `nerel` profile), on real morphology."""

from __future__ import annotations

import pytest
from rusnews.stages.mentions.platforms import DropPlatforms, platforms

from tests.stages.helpers import tagged_article


@pytest.mark.parametrize(
    ("text", "spans", "kept"),
    [
        # Where something is posted or watched: the service.
        ("Он написал об этом в Твиттере.", [("ORG", "Твиттере")], []),
        ("Видео выложили на YouTube.", [("ORG", "YouTube")], []),
        ("Статью нашли во ВКонтакте.", [("ORG", "ВКонтакте")], []),
        # The internet is never an organization.
        ("Слухи разошлись по Интернету.", [("ORG", "Интернету")], []),
        # The company that acts, or a company's longer name, stays.
        ("Facebook купила стартап.", [("ORG", "Facebook")], [("ORG", "Facebook")]),
        ("Он работает в Twitter Japan.", [("ORG", "Twitter Japan")], [("ORG", "Twitter Japan")]),
        # Other organizations after `в` are untouched.
        ("Он выступил в Госдуме.", [("ORG", "Госдуме")], [("ORG", "Госдуме")]),
    ],
)
def test_platforms_after_a_preposition_of_place_are_dropped(text: str, spans, kept) -> None:
    article = tagged_article(text, spans)
    DropPlatforms()([article])
    assert [(m.label, m.text) for m in article.mentions] == kept


def test_the_table_says_where_a_name_is_a_platform() -> None:
    assert platforms()["интернет"] == "always"
    assert platforms()["youtube"] == "place"
