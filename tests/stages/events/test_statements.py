"""STATEMENT records: speech verbs, what was said, and who said it."""

from __future__ import annotations

import pytest
from rusnews.model import Article, Event
from rusnews.stages.events.statements import quotations

PUBLISHED = "2025-12-03"


def statements(article: Article) -> list[Event]:
    return [e for e in article.events if e.event_type == "STATEMENT"]


def said(article: Article, event: Event) -> tuple[str | None, str | None]:
    if event.content_kind is None:
        return None, None
    return event.content_kind, article.text[event.content_start : event.content_end]


def speakers(article: Article, event: Event) -> set[str | None]:
    return {a.name for a in event.arguments if a.role == "agent"}


@pytest.mark.parametrize(
    "text, trigger, speaker, kind, content",
    [
        (
            "— Мы готовы продолжить переговоры, — рассказал Бакаев журналистам.",
            "рассказал",
            "Бакаев",
            "direct",
            "Мы готовы продолжить переговоры",
        ),
        (
            "«Мы готовы продолжить переговоры», — заявил Алибек Бакаев.",
            "заявил",
            "Алибек Бакаев",
            "direct",
            "Мы готовы продолжить переговоры",
        ),
        (
            "Алибек Бакаев заявил журналистам: «Мы готовы продолжить переговоры».",
            "заявил",
            "Алибек Бакаев",
            "direct",
            "Мы готовы продолжить переговоры",
        ),
        (
            "Министр Алибек Бакаев отметил, что переговоры прошли успешно.",
            "отметил",
            "Алибек Бакаев",
            "indirect",
            "переговоры прошли успешно",
        ),
        (
            "Кая Каллас заявила о том, что ЕС готов к диалогу.",
            "заявила",
            "Кая Каллас",
            "indirect",
            "ЕС готов к диалогу",
        ),
        ("Алибек Бакаев уточнил детали визита.", "уточнил", "Алибек Бакаев", None, None),
    ],
)
def test_statements_keep_what_was_said(
    pipe, text: str, trigger: str, speaker: str, kind: str | None, content: str | None
) -> None:
    article = pipe(text, published=PUBLISHED)
    [event] = [e for e in statements(article) if e.trigger == trigger]
    assert speakers(article, event) == {speaker}
    assert said(article, event) == (kind, content)


@pytest.mark.parametrize(
    "lemma", ["рассказать", "добавить", "напомнить", "уточнить", "ответить", "подчеркнуть"]
)
def test_speech_verbs_are_statement_triggers(pipe, lemma: str) -> None:
    article = pipe(f"Об этом журналистам {_past(lemma)} Алибек Бакаев.", published=PUBLISHED)
    [event] = statements(article)
    assert (event.trigger_lemma, speakers(article, event)) == (lemma, {"Алибек Бакаев"})


def _past(lemma: str) -> str:
    return lemma[:-2] + "л"  # рассказать -> рассказал


def test_a_pronoun_speaker_is_the_last_person_of_its_gender(pipe) -> None:
    article = pipe(
        "Кая Каллас встретилась с Алибеком Бакаевым в Астане. — Мы готовы к диалогу, — добавил он.",
        published=PUBLISHED,
    )
    [event] = statements(article)
    assert speakers(article, event) == {"Алибек Бакаев"}
    assert said(article, event) == ("direct", "Мы готовы к диалогу")


def test_a_pronoun_without_a_fitting_person_is_no_speaker(pipe) -> None:
    article = pipe(
        "Алибек Бакаев прибыл в Астану. Она сказала, что визит важен.", published=PUBLISHED
    )
    assert statements(article) == []


def test_a_quotation_attributed_on_the_next_line_is_a_statement(pipe) -> None:
    article = pipe(
        '"Переговоры подтвердили готовность обеих сторон двигаться вперед". '
        "Пресс-служба МИД РК\n\nДругие новости дня.",
        published=PUBLISHED,
    )
    [event] = statements(article)
    [agent] = event.arguments
    assert article.text[agent.start : agent.end] == "Пресс-служба МИД РК"
    assert agent.name == "Министерство иностранных дел" and agent.entity_id is not None
    assert said(article, event) == (
        "direct",
        "Переговоры подтвердили готовность обеих сторон двигаться вперед",
    )
    assert event.date_from_published


def test_a_name_in_quotation_marks_is_no_quotation(pipe) -> None:
    article = pipe('Компания "Газпром". Алексей Миллер\n\nДругие новости.', published=PUBLISHED)
    assert statements(article) == []


@pytest.mark.parametrize(
    "text, inside",
    [
        ("Он сказал: «Это „наш“ ответ» и ушёл.", ["Это „наш“ ответ"]),
        ('"Первая". И "вторая".', ["Первая", "вторая"]),
        ("«Не закрыта\n\nВторой абзац.", []),
        ('"Не закрыта\n\nВторой" абзац.', []),
    ],
)
def test_quotations(text: str, inside: list[str]) -> None:
    assert [text[q.start : q.end] for q in quotations(text)] == inside
