import pytest
from rusnews.model import Article
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet.morph import Morph, lemmatize


@pytest.fixture(scope="module")
def tagged() -> Article:
    text = "Министр встретился с послами в Брюсселе. Стороны подписали соглашения."
    return Morph()(Segment()([Article("a", text)]))[0]


def test_pos_features_and_lemmas(tagged: Article) -> None:
    tokens = {t.text: t for s in tagged.sentences for t in s.tokens}
    assert tokens["встретился"].pos == "VERB"
    assert tokens["встретился"].lemma == "встретиться"
    assert tokens["послами"].feats["Case"] == "Ins"
    assert tokens["послами"].lemma == "посол"
    assert tokens["подписали"].lemma == "подписать"
    assert tokens["Брюсселе"].lemma == "брюссель"


def test_batch_of_many_articles_matches_one_at_a_time() -> None:
    texts = [
        "Президент прибыл в Астану.",
        "Переговоры прошли вчера в Москве и продлятся до пятницы.",
        "Да.",
    ]
    together = Morph()(Segment()([Article(str(i), t) for i, t in enumerate(texts)]))
    alone = [Morph()(Segment()([Article(str(i), t)]))[0] for i, t in enumerate(texts)]
    feats = lambda a: [(t.pos, t.feats) for s in a.sentences for t in s.tokens]  # noqa: E731
    assert [feats(a) for a in together] == [feats(a) for a in alone]


@pytest.mark.parametrize(
    ("word", "pos", "lemma"), [("стали", "VERB", "стать"), ("стали", "NOUN", "сталь")]
)
def test_lemma_follows_the_taggers_part_of_speech(word: str, pos: str, lemma: str) -> None:
    assert lemmatize(word, pos) == lemma
