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
    # The tagger's "Вчера Алибек Бакаев" loses its adverb in repair.
    assert found[0] == [("PER", "Алибек Бакаев"), ("LOC", "Брюсселе"), ("LOC", "Астану")]
    # The tagger leaves the country out of the ministry; joining it is the orgs stage's job,
    # so a stage here that swallowed the LOC would lose the country's own mention.
    assert found[1] == [("ORG", "Министерство иностранных дел"), ("LOC", "России")]
    for article in articles:
        for m in article.mentions:
            assert article.text[m.start : m.end] == m.text
            assert (
                article.sentences[m.sentence_idx].start
                <= m.start
                < article.sentences[m.sentence_idx].end
            )
