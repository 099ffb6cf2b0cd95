"""Articles run through the real pipeline once, for the corpus step's tests."""

from __future__ import annotations

import pytest
from rusnews.io.tables import tables_of
from rusnews.model import Article

TEXTS = {
    "putin-1": (
        "2025-12-01",
        "Президент России Владимир Путин провёл совещание с членами правительства.",
    ),
    "putin-2": ("2025-12-02", "В. Путин подписал указ о создании нового фонда."),
    "putin-3": ("2025-12-02", "Путин заявил, что Российская Федерация готова к переговорам с США."),
    "mfa-ru": (
        "2025-12-02",
        "Официальный представитель МИД России Мария Захарова заявила, что Москва ждёт ответа.",
    ),
    "mfa-kz": (
        "2025-12-03",
        "Казахстан и Узбекистан подписали соглашение о воде. В МИД заявили, что "
        "Казахстан выполнит обязательства. Астана ждёт делегацию.",
    ),
    "mfa-kz-2": ("2025-12-03", "В МИД Казахстана сообщили о визите делегации Европейского союза."),
    "media": ("2025-12-04", "Об этом сообщает Lenta.ru со ссылкой на источники."),
    "media-2": ("2025-12-04", "Как пишет Лента.ру, встреча прошла в Москве."),
    "capital": (
        "2025-12-05",
        "В Астане в МИД прошли консультации с делегацией Европейского союза.",
    ),
    "spb": ("2025-12-05", "Губернатор рассказал о планах развития Санкт-Петербурга."),
    "leningrad": ("2025-12-06", "Выставка посвящена истории Ленинграда."),
}


@pytest.fixture(scope="session")
def corpus_tables(pipe) -> dict:
    articles = pipe.process(
        [Article(key, text, published=day) for key, (day, text) in TEXTS.items()]
    )
    return tables_of(articles)


@pytest.fixture(scope="session")
def unlinked_tables(corpus_tables) -> dict:
    """The same tables as a run without the knowledge-base links would write them."""
    from rusnews.corpus.entities import KB_COLUMNS

    return {**corpus_tables, "entities": corpus_tables["entities"].drop(columns=list(KB_COLUMNS))}
