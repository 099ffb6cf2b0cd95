"""Hostile text for the record rules: quotation marks that never close, pile up or nest
wrongly, pronouns with nobody to stand for, and occupations in odd shapes. Each must give
well-formed records (offsets inside the text, content inside its quotation) or none."""

from __future__ import annotations

import pytest
from rusnews.model import Article
from rusnews.rows import event_rows, occupation_rows
from rusnews.stages.events.statements import quotations

PUBLISHED = "2025-12-03"

HOSTILE = [
    "«««««",
    "»»» Алибек Бакаев заявил: «",
    '"' * 41,
    "— — — заявил Алибек Бакаев — —",
    "«Да», — заявил он. «Нет», — ответила она.",
    "Он сказал, что. Она добавила, что",
    '"Первая цитата здесь, вот". Пресс-служба МИД РК "Вторая цитата без конца',
    "Кошта: «»",
    "Экс-экс-министр Иван Петров назначен бывшим послом.",
    "\n\n«\n\n»\n\n— заявил Алибек Бакаев",
]


def _well_formed(article: Article) -> None:
    n = len(article.text)
    for row in event_rows(article):
        assert 0 <= row["start"] < row["end"] <= n
        if row["content_kind"] is not None:
            assert row["content_kind"] in ("direct", "indirect")
            assert 0 <= row["content_start"] <= row["content_end"] <= n
            assert row["content"] == article.text[row["content_start"] : row["content_end"]]
    for row in occupation_rows(article):
        assert 0 <= row["start"] < row["end"] <= n and row["person"]
        assert row["phase"] in (None, "start", "end")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_gives_well_formed_records(pipe, text: str) -> None:
    _well_formed(pipe(text, published=PUBLISHED))


def test_a_pronoun_with_nobody_before_it_speaks_for_nobody(pipe) -> None:
    article = pipe("«Да», — заявил он. Алибек Бакаев прибыл в Вену.", published=PUBLISHED)
    assert not [e for e in article.events if e.event_type == "STATEMENT"]


def test_many_quotations_and_statements_in_one_article(pipe) -> None:
    line = "«Мы готовы продолжить переговоры», — заявил Алибек Бакаев.\n"
    article = pipe(line * 300, published=PUBLISHED)
    statements = [e for e in article.events if e.event_type == "STATEMENT"]
    assert len(statements) == 300
    assert {article.text[e.content_start : e.content_end] for e in statements} == {
        "Мы готовы продолжить переговоры"
    }


@pytest.mark.parametrize(
    "text", ["«" * 5000, '"' * 5001, "«»" * 5000, ("«а" * 50 + "»" * 50) * 100]
)
def test_quotations_never_overlap_and_stay_inside_the_text(text: str) -> None:
    found = quotations(text)
    for q, nxt in zip(found, found[1:]):
        assert q.outer_end <= nxt.outer_start
    assert all(0 <= q.outer_start < q.start <= q.end < q.outer_end <= len(text) for q in found)
