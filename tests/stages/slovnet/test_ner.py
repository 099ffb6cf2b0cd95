from rusnews.model import Article
from rusnews.stages.mentions.repair import Repair
from rusnews.stages.segment import Segment
from rusnews.stages.slovnet.morph import Morph
from rusnews.stages.slovnet.ner import TagNER


def test_names_from_batched_sentences_keep_article_offsets_after_repair() -> None:
    texts = [
        "Вчера Алибек Бакаев провёл встречу в Брюсселе.\nЗатем он прибыл в Астану.",
        "Министерство иностранных дел России сделало заявление.",
    ]
    articles = Repair()(
        TagNER()(Morph()(Segment()([Article(str(i), t) for i, t in enumerate(texts)])))
    )
    found = [[(m.label, m.text) for m in a.mentions] for a in articles]
    assert ("PER", "Алибек Бакаев") in found[0]
    assert ("LOC", "Брюсселе") in found[0] and ("LOC", "Астану") in found[0]
    assert ("ORG", "Министерство иностранных дел России") in found[1] or ("LOC", "России") in found[
        1
    ]
    for article in articles:
        for m in article.mentions:
            assert article.text[m.start : m.end] == m.text
            assert (
                article.sentences[m.sentence_idx].start
                <= m.start
                < article.sentences[m.sentence_idx].end
            )
