"""Entity linking rules on hand-made mentions."""

from __future__ import annotations

from dataclasses import replace

from rusnews.model import Article, Mention
from rusnews.stages.entities import build_entities, read_entity_lexicon


def _article(text: str, spans: list[tuple[str, str, str]]) -> Article:
    """Mentions as repair leaves them: a Latin span in parentheses names the one before again."""
    mentions: list[Mention] = []
    pos = 0
    for label, span, normal in spans:
        start = text.index(span, pos)
        alias = span.isascii() and text[:start].rstrip().endswith("(") and bool(mentions)
        mentions.append(
            Mention(
                start,
                start + len(span),
                span,
                label,
                0,
                normal=normal,
                source="alias" if alias else "ner",
                alias_of=mentions[-1] if alias else None,
            )
        )
        pos = start + len(span)
    return Article("a", text, mentions=mentions)


def test_a_name_and_its_original_spelling_are_one_entity() -> None:
    text = "заметил Скотт Хоровитц (Scott Horowitz), опытный пилот"
    article = _article(
        text,
        [("PER", "Скотт Хоровитц", "Скотт Хоровитц"), ("PER", "Scott Horowitz", "Scott Horowitz")],
    )
    entities = build_entities(article)
    assert len(entities) == 1 and entities[0].name == "Скотт Хоровитц"


def test_an_alias_links_by_its_link_not_by_its_place_in_the_list() -> None:
    """`Банк Китая (ICBC)`: the place nested in the bank's name stands between them in text
    order; the alias names the bank."""
    text = "Промышленный банк Китая (ICBC) вырос"
    article = _article(text, [("ORG", "Промышленный банк Китая", "Промышленный банк Китая")])
    bank = article.mentions[0]
    place = Mention(18, 23, "Китая", "LOC", 0, normal="Китай")
    icbc = Mention(25, 29, "ICBC", "ORG", 0, normal="ICBC", source="acronym", alias_of=bank)
    article.mentions = [bank, place, icbc]
    entities = build_entities(article)
    assert [(e.label, e.name, e.mention_ids) for e in entities] == [
        ("ORG", "Промышленный банк Китая", [0, 2]),
        ("LOC", "Китай", [1]),
    ]


def test_an_alias_does_not_link_across_labels() -> None:
    text = "в Лондоне (London School of Economics)"
    article = _article(
        text, [("LOC", "Лондоне", "Лондон"), ("PER", "London School of Economics", "LSE")]
    )
    assert len(build_entities(article)) == 2


def test_known_acronym_links_to_its_expansion() -> None:
    text = "Европейский союз ввёл санкции. ЕС также заявил"
    article = _article(text, [("ORG", "Европейский союз", "Европейский союз"), ("ORG", "ЕС", "ЕС")])
    entities = build_entities(article)
    assert len(entities) == 1 and entities[0].name == "Европейский союз"


def test_a_short_name_links_to_its_full_name_and_shares_its_key() -> None:
    text = "Евросоюзом введены санкции. Европейский союз также заявил"
    article = _article(
        text, [("ORG", "Евросоюзом", "Евросоюз"), ("ORG", "Европейский союз", "Европейский союз")]
    )
    entities = build_entities(article)
    assert len(entities) == 1 and entities[0].key == "ORG:европейский союз"


def test_a_short_name_alone_gets_the_full_names_key(pipe) -> None:
    # Articles that say only `Госдума` or only `Государственная дума` meet on one key.
    keys = {e.key for e in pipe("Госдума приняла закон о бюджете.").entities}
    assert keys == {e.key for e in pipe("Государственная дума приняла закон о бюджете.").entities}
    assert "ORG:государственная дума" in keys


def test_a_lexicon_handed_to_the_stage_links_its_acronyms() -> None:
    text = "Сотрудники ГАИ, или Госавтоинспекция, вышли на дороги"
    spans = [("ORG", "ГАИ", "ГАИ"), ("ORG", "Госавтоинспекция", "Госавтоинспекция")]
    models = read_entity_lexicon()
    assert len(build_entities(_article(text, spans), models)) == 2  # initials spell Г
    known = replace(models, acronyms={"ГАИ": "Госавтоинспекция"})
    (entity,) = build_entities(_article(text, spans), known)
    assert entity.name == "Госавтоинспекция"
