"""The learned position detector and occupation classifier beside the rules: posts the lexicon
does not list, and a post shared by several people."""

from __future__ import annotations

import pytest
from rusnews.model import Article
from rusnews.stages.events.lexicon import EVENTS_DIR, event_lexicon
from rusnews.stages.events.occupation_classifier import (
    OCCUPATION_MODEL,
    PERSON_ROLE,
    POSITION_MODEL,
    learned_occupations,
)
from rusnews.stages.events.stage import ExtractEvents
from rusnews.stages.events.tree import Tree, sentence_mentions


def records(pipe, text: str, learned: bool = True) -> list[tuple[str, str]]:
    article = pipe(text)
    ExtractEvents(learned=learned)([article])
    return [(o.person.name, o.position) for o in article.occupations]


@pytest.mark.parametrize(
    "text, person, word",
    [
        ("На конкурсе победил пианист Денис Мацуев.", "Денис Мацуев", "пианист"),
        ("Стоматолог Ирина Петрова открыла клинику в Казани.", "Ирина Петрова", "стоматолог"),
        ("Концерт открыл виолончелист Борис Андрианов.", "Борис Андрианов", "виолончелист"),
    ],
)
def test_a_post_the_lexicon_does_not_list_is_found(pipe, text, person, word):
    assert word not in event_lexicon().positions
    assert records(pipe, text, learned=False) == []
    found = records(pipe, text)
    assert [p for p, _ in found] == [person]
    assert word in found[0][1]


def test_a_post_shared_by_two_people_is_a_record_for_each(pipe):
    text = "В Перу под расследование попали экс-президенты Альберто Фухимори и Алехандро Толедо."
    assert [p for p, _ in records(pipe, text, learned=False)] == ["Альберто Фухимори"]
    assert sorted(p for p, _ in records(pipe, text)) == ["Алехандро Толедо", "Альберто Фухимори"]


def test_a_post_inside_an_organization_name_holds_no_one(pipe):
    article: Article = pipe("Сотрудники Администрации Президента встретились с Иваном Петровым.")
    ExtractEvents()([article])
    assert all(o.position != "президент" for o in article.occupations)


def test_the_shipped_models_load_small_and_give_probabilities(pipe):
    for name in (POSITION_MODEL, OCCUPATION_MODEL):
        assert (EVENTS_DIR / name).stat().st_size <= 3 * 1024 * 1024
    models = learned_occupations()
    assert models is not None
    article = pipe("Пианист Денис Мацуев выступил в Москве.")
    tree = Tree(article.sentences[0], 0, sentence_mentions(article)[0])
    lex = event_lexicon()
    candidates = models.detector.candidates(tree, lex)
    assert [tree.tokens[i].text for i in candidates] == ["Пианист"]
    roles = models.classifier.roles(tree, candidates[0], lex)
    assert [(r, m.text) for r, m, _ in roles] == [(PERSON_ROLE, "Денис Мацуев")]
    assert all(0 <= p <= 1 for _, _, p in roles)
