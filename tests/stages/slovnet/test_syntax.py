"""ParseSyntax: slovnet's parse on our tokens, only where a record can start and find an
argument."""

from __future__ import annotations

import pytest
from rusnews.model import Article
from rusnews.stages.dates.stage import TagDates
from rusnews.stages.events.lexicon import event_lexicon
from rusnews.stages.events.sentences import RecordSentences, can_hold_record
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet.morph import Morph
from rusnews.stages.slovnet.ner import TagNER
from rusnews.stages.slovnet.syntax import ParseSyntax


@pytest.fixture(scope="module")
def prepare():
    stages = [Segment(), Morph(), TagNER(), TagDates()]

    def run(*texts: str) -> list[Article]:
        articles = [Article(f"a{i}", text) for i, text in enumerate(texts)]
        for stage in stages:
            articles = stage(articles)
        return articles

    return run


def test_heads_are_one_based_with_one_root(prepare) -> None:
    [article] = ParseSyntax(wanted=RecordSentences())(
        prepare("Казахстан и Европейский союз провели переговоры в Брюсселе.")
    )
    tokens = article.sentences[0].tokens
    heads = [tok.head for tok in tokens]
    assert heads.count(0) == 1
    assert all(head is not None and 0 <= head <= len(tokens) for head in heads)
    by_text = {tok.text: tok for tok in tokens}
    verb = tokens.index(by_text["провели"]) + 1
    assert by_text["провели"].rel == "root"
    assert (by_text["Казахстан"].rel, by_text["Казахстан"].head) == ("nsubj", verb)
    assert by_text["переговоры"].head == verb


def test_sentences_without_record_words_are_skipped(prepare) -> None:
    stage = ParseSyntax(wanted=RecordSentences())
    [article] = stage(prepare("Погода в Москве была тёплой. Путин посетил Минск."))
    weather, visit = article.sentences
    assert all(tok.head is None and tok.rel is None for tok in weather.tokens)
    assert all(tok.head is not None for tok in visit.tokens)
    assert (stage.parsed, stage.skipped) == (1, 1)


def test_sentences_without_a_mention_are_skipped(prepare) -> None:
    # A record needs a mention in its sentence as an argument.
    stage = ParseSyntax(wanted=RecordSentences())
    [article] = stage(prepare("Стороны провели переговоры. Стороны провели переговоры в Брюсселе."))
    alone, placed = article.sentences
    assert all(tok.head is None for tok in alone.tokens)
    assert all(tok.head is not None for tok in placed.tokens)
    assert (stage.parsed, stage.skipped) == (1, 1)


def test_everything_is_parsed_without_a_filter(prepare) -> None:
    [article] = ParseSyntax()(prepare("Погода в Москве была тёплой."))
    assert all(tok.head is not None for tok in article.sentences[0].tokens)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Лавров посетил Пекин.", True),  # trigger verb
        ("Стороны провели раунд консультаций.", True),  # light verb and event noun
        ("Заместитель министра Алибек Бакаев.", True),  # position
        ("Погода в Москве была тёплой.", False),
    ],
)
def test_can_hold_record(prepare, text: str, expected: bool) -> None:
    [article] = prepare(text)
    assert can_hold_record(article.sentences[0], event_lexicon().record_lemmas()) is expected


def test_batch_equals_one_by_one(prepare) -> None:
    texts = [
        "Путин встретился с Си Цзиньпином в Пекине.",
        "В пятницу глава Европейского совета Антониу Кошта намерен посетить Астану с визитом.",
    ]
    together = ParseSyntax(wanted=RecordSentences())(prepare(*texts))
    apart = [ParseSyntax(wanted=RecordSentences())(prepare(text))[0] for text in texts]
    for one, other in zip(together, apart):
        assert [(t.head, t.rel) for t in one.sentences[0].tokens] == [
            (t.head, t.rel) for t in other.sentences[0].tokens
        ]
