import pytest

from pipeline.model import Article, Mention
from pipeline.stages.repair import Repair


def _mention(text: str, whole: str, label: str = "ORG") -> Mention:
    start = whole.index(text)
    return Mention(start, start + len(text), text, label, 0)


@pytest.mark.parametrize(
    ("whole", "span", "expected"),
    [
        ("заявили в Министерстве иностранных дел (МИД) Казахстана",
         "Министерстве иностранных дел (МИД)", ["Министерстве иностранных дел", "МИД"]),
        ("в Организации Объединённых Наций ( ООН )", "Организации Объединённых Наций ( ООН )",
         ["Организации Объединённых Наций", "ООН"]),
        # Parentheses that hold no acronym stay inside the name.
        ("компания Ромашка (Россия)", "Ромашка (Россия)", ["Ромашка (Россия)"]),
        ("сообщает Zakon.kz.", "Zakon.kz.", ["Zakon.kz"]),
    ],
)
def test_repair_rules(whole: str, span: str, expected: list[str]) -> None:
    article = Article("a", whole, mentions=[_mention(span, whole)])
    Repair()([article])
    assert [m.text for m in article.mentions] == expected
    assert all(article.text[m.start:m.end] == m.text for m in article.mentions)


def test_debug_mode_names_the_rule() -> None:
    whole = "в Министерстве иностранных дел (МИД)"
    repair = Repair(debug=True)
    repair([Article("a", whole, mentions=[_mention("Министерстве иностранных дел (МИД)", whole)])])
    assert repair.fired == [("split_parenthesized_acronym", "Министерстве иностранных дел (МИД)",
                             "Министерстве иностранных дел | МИД")]


def test_sentence_initial_adverb_is_trimmed_from_a_person() -> None:
    from pipeline.stages.morph import Morph
    from pipeline.stages.segment import Segment

    text = "Вчера Алибек Бакаев провёл встречу."
    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention("Вчера Алибек Бакаев", text, "PER")]
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Алибек Бакаев"]


def test_a_name_does_not_run_across_a_line_break() -> None:
    whole = "Визит Антониу\nКошта прибыл в Астану."
    article = Article("a", whole, mentions=[_mention("Антониу\nКошта", whole, "PER")])
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Антониу", "Кошта"]
