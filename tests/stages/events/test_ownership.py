"""Ownership records (who owns, founded or controls what) and the parties and type of deals."""

from __future__ import annotations

import pytest
from rusnews.model import Article

PUBLISHED = "2025-12-03"


def owned(article: Article) -> set[tuple[str, str, str]]:
    text = article.text
    return {
        (o.cue, text[o.owner.start : o.owner.end], text[o.property.start : o.property.end])
        for o in article.ownerships
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # holder: the owner noun, its genitive, the person it names
            "Основатель Microsoft Билл Гейтс прилетел в Пекин.",
            {("основатель", "Билл Гейтс", "Microsoft")},
        ),
        (  # owned_by: a participle set off by a comma, the owners in the dative, conjoined
            "Компания Digital Sky Technologies, принадлежащая Юрию Мильнеру и Алишеру Усманову, "
            "открыла офис в Лондоне.",
            {
                ("принадлежать", "Юрию Мильнеру", "Digital Sky Technologies"),
                ("принадлежать", "Алишеру Усманову", "Digital Sky Technologies"),
            },
        ),
        (  # share: the owner in the genitive, what is owned behind 'в'
            "Доля Сбербанка в Яндексе выросла до 12 процентов.",
            {("доля", "Сбербанка", "Яндексе")},
        ),
    ],
)
def test_ownerships(pipe, text: str, expected: set[tuple[str, str, str]]) -> None:
    article = pipe(text, published=PUBLISHED)
    assert owned(article) == expected
    # A state, like an occupation: nothing of it is counted among the events.
    assert not any(
        e.trigger_lemma in ("основатель", "принадлежать", "доля") for e in article.events
    )


@pytest.mark.parametrize(
    "text",
    [
        "Сотрудники Газпрома приехали в Москву.",  # a workplace is no property
        "Доля безработных в России снизилась.",  # a stake of nobody named
    ],
)
def test_no_ownership_without_an_owner_and_a_property(pipe, text: str) -> None:
    assert pipe(text, published=PUBLISHED).ownerships == []


@pytest.mark.parametrize(
    "text, deal_type, parties",
    [
        (
            "В 2009 году компания Oracle купила Sun Microsystems.",
            "купля/продажа",
            {"Oracle", "Sun Microsystems"},
        ),
        (
            "Россия выдала Украине кредит на два миллиарда долларов.",
            "займ/возвращение займа",
            {"Россия", "Украине"},
        ),
        (  # the fined party behind the light verb's 'на'
            "Еврокомиссия наложила на Google штраф в размере 2 миллиардов евро.",
            "наложение/выплата штрафа",
            {"Еврокомиссия", "Google"},
        ),
        (  # signing a contract is an agreement and a deal
            "Контракт был подписан между ФИДЕ и Мехико.",
            "услуги",
            {"ФИДЕ", "Мехико"},
        ),
    ],
)
def test_deals_carry_their_type_and_parties(
    pipe, text: str, deal_type: str, parties: set[str]
) -> None:
    article = pipe(text, published=PUBLISHED)
    deals = [e for e in article.events if e.deal_type is not None]
    assert [e.deal_type for e in deals] == [deal_type]
    named = {article.text[a.start : a.end] for a in deals[0].arguments if a.label != "DATE"}
    assert named == parties


def test_other_events_have_no_deal_type(pipe) -> None:
    article = pipe("Лавров встретился с Блинкеном в Женеве.", published=PUBLISHED)
    assert article.events and all(e.deal_type is None for e in article.events)
