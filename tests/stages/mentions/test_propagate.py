"""A surname the tagger found once is a person wherever else it stands."""

from __future__ import annotations

from rusnews.model import Mention
from rusnews.stages.mentions.propagate import PropagateNames

from tests.stages.helpers import tagged_article as _article


def test_a_missed_surname_takes_the_persons_label() -> None:
    text = (
        "Путин подписал закон\nВладимир Путин подписал закон о пенсиях. Путина поддержали депутаты."
    )
    article = _article(text, [("PER", "Владимир Путин")])
    stage = PropagateNames(debug=True)
    stage([article])
    assert [(m.label, m.text) for m in article.mentions] == [
        ("PER", "Путин"),
        ("PER", "Владимир Путин"),
        ("PER", "Путина"),
    ]
    assert {fired[0] for fired in stage.fired} == {"same_surname"}


def test_a_word_with_two_labels_in_the_article_is_left_alone() -> None:
    text = "Королёв прибыл в Королёв. Королёв выступил."
    article = _article(text, [("PER", "Королёв")])
    second = text.index("Королёв", 1)
    article.mentions.append(Mention(second, second + 7, "Королёв", "LOC", 0))
    PropagateNames()([article])
    assert len(article.mentions) == 2


def test_lowercase_words_are_never_names() -> None:
    text = "Роза Сябитова пришла. На столе стояла роза."
    article = _article(text, [("PER", "Роза Сябитова")])
    PropagateNames()([article])
    assert [m.text for m in article.mentions] == ["Роза Сябитова"]
