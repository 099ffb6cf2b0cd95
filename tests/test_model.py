"""The document model: what an Article makes of what a caller gives it."""

from datetime import date, datetime

import pytest
from rusnews.model import Article


@pytest.mark.parametrize(
    "published",
    [
        "2025-12-03",
        "2025-12-03T10:15:00+05:00",
        "03.12.2025",
        date(2025, 12, 3),
        datetime(2025, 12, 3, 10, 15),
    ],
)
def test_published_is_a_date_whatever_form_it_came_in(published):
    article = Article("a", "Текст.", published=published)
    assert article.published == date(2025, 12, 3) and type(article.published) is date


def test_no_publication_date_stays_none():
    assert Article("a", "Текст.").published is None
    assert Article("a", "Текст.", published="").published is None


def test_an_unreadable_publication_date_says_which():
    with pytest.raises(ValueError, match="вчера"):
        Article("a", "Текст.", published="вчера")
