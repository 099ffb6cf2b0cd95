import razdel
from hypothesis import given, settings
from hypothesis import strategies as st
from rusnews.io.readers import read_folder
from rusnews.model import Article
from rusnews.stages.segment import Segment, tokenize

from tests.conftest import SAMPLE


def test_sentences_and_tokens_carry_offsets_into_the_text() -> None:
    text = "Казахстан и ЕС провели переговоры.\n\nВстреча прошла в Брюсселе 2 декабря."
    (article,) = Segment()([Article("a", text)])
    assert [s.text for s in article.sentences] == [
        "Казахстан и ЕС провели переговоры.",
        "Встреча прошла в Брюсселе 2 декабря.",
    ]
    for sent in article.sentences:
        assert text[sent.start : sent.end] == sent.text
        assert all(text[t.start : t.end] == t.text for t in sent.tokens)
    assert [t.text for t in article.sentences[1].tokens][:4] == [
        "Встреча",
        "прошла",
        "в",
        "Брюсселе",
    ]
    assert article.n_tokens == 13


def test_whitespace_only_article_has_no_sentences() -> None:
    (article,) = Segment()([Article("a", " \n\t ")])
    assert article.sentences == []


def test_a_caption_line_is_its_own_sentence() -> None:
    text = "Фото: пресс-служба МИД РК\nСтороны обменялись подходами.\r\nЗаголовок без точки\n"
    (article,) = Segment()([Article("a", text)])
    assert [s.text for s in article.sentences] == [
        "Фото: пресс-служба МИД РК",
        "Стороны обменялись подходами.",
        "Заголовок без точки",
    ]


def test_a_sentence_without_punctuation_is_cut_into_bounded_pieces() -> None:
    from rusnews.stages.segment import MAX_SENTENCE_TOKENS

    text = " ".join(["слово"] * (MAX_SENTENCE_TOKENS * 2 + 10))
    (article,) = Segment()([Article("a", text)])
    assert [len(s.tokens) for s in article.sentences] == [
        MAX_SENTENCE_TOKENS,
        MAX_SENTENCE_TOKENS,
        10,
    ]
    assert all(text[s.start : s.end] == s.text for s in article.sentences)


# Characters razdel's joining rules look at: dashes, dots, commas, slashes,
# underscores, quotes, smiley parts, digits, Latin, Cyrillic and other symbols.
TRICKY = "аяёЁzZ09-–—_.,/\\:;)(!?*«»\"'ΔσβжY "


@given(text=st.text(alphabet=TRICKY, max_size=60) | st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_tokens_are_razdels_own(text: str) -> None:
    assert list(tokenize(text)) == [(t.start, t.stop, t.text) for t in razdel.tokenize(text)]


def test_tokens_are_razdels_own_on_the_sample_corpus() -> None:
    for item in read_folder(SAMPLE):
        if isinstance(item, Article):
            assert list(tokenize(item.text)) == [
                (t.start, t.stop, t.text) for t in razdel.tokenize(item.text)
            ]
    assert [w for _, _, w in tokenize("кто-то купил 1,5 кг... Yahoo! :)")] == [
        "кто-то",
        "купил",
        "1,5",
        "кг",
        "...",
        "Yahoo!",
        ":)",
    ]
