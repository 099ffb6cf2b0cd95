import pytest
from rusnews.model import Article, Mention
from rusnews.stages.mentions.repair import Repair


def _mention(text: str, whole: str, label: str = "ORG") -> Mention:
    start = whole.index(text)
    return Mention(start, start + len(text), text, label, 0)


@pytest.mark.parametrize(
    ("whole", "span", "expected"),
    [
        (
            "сообщили в Министерстве иностранных дел (МИД) Узбекистана",
            "Министерстве иностранных дел (МИД)",
            ["Министерстве иностранных дел", "МИД"],
        ),
        (
            "в Организации Объединённых Наций ( ООН )",
            "Организации Объединённых Наций ( ООН )",
            ["Организации Объединённых Наций", "ООН"],
        ),
        # Parentheses that hold no acronym stay inside the name.
        ("компания Ромашка (Россия)", "Ромашка (Россия)", ["Ромашка (Россия)"]),
        ("сообщает Zakon.kz.", "Zakon.kz.", ["Zakon.kz"]),
    ],
)
def test_repair_rules(whole: str, span: str, expected: list[str]) -> None:
    article = Article("a", whole, mentions=[_mention(span, whole)])
    Repair()([article])
    assert [m.text for m in article.mentions] == expected
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)


def test_debug_mode_names_the_rule() -> None:
    whole = "в Министерстве иностранных дел (МИД)"
    repair = Repair(debug=True)
    repair([Article("a", whole, mentions=[_mention("Министерстве иностранных дел (МИД)", whole)])])
    assert repair.fired == [
        (
            "split_parenthesized_acronym",
            "Министерстве иностранных дел (МИД)",
            "Министерстве иностранных дел | МИД",
        )
    ]


def test_sentence_initial_adverb_is_trimmed_from_a_person() -> None:
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph

    text = "Вчера Алибек Бакаев провёл встречу."
    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention("Вчера Алибек Бакаев", text, "PER")]
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Алибек Бакаев"]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        # slovnet tags the sentence-initial adverb alone as ORG.
        ("Вчера Алибек Бакаев прибыл в Брюссель.", "Вчера", []),
        ("Сегодня в Астане прошли переговоры.", "Сегодня", []),
        ("Вчера в Брюссель прибыл Бакаев.", "Бакаев", ["Бакаев"]),
    ],
)
def test_a_single_adverb_is_no_name(text: str, span: str, kept: list[str]) -> None:
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph

    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention(span, text)]
    Repair()([article])
    assert [m.text for m in article.mentions] == kept


def test_a_name_does_not_run_across_a_line_break() -> None:
    whole = "Визит Антониу\nКошта прибыл в Астану."
    article = Article("a", whole, mentions=[_mention("Антониу\nКошта", whole, "PER")])
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Антониу", "Кошта"]


@pytest.mark.parametrize(
    ("whole", "span", "label", "expected"),
    [
        # A name followed by its original spelling: two names of one person.
        (
            "журналиста Джошуа Вольфа (Joshua Wolf), которого",
            "Джошуа Вольфа (Joshua Wolf)",
            "PER",
            ["Джошуа Вольфа", "Joshua Wolf"],
        ),
        (
            "банк Японии (Development Bank of Japan)",
            "банк Японии (Development Bank of Japan)",
            "ORG",
            ["банк Японии", "Development Bank of Japan"],
        ),
        # A person's second surname in parentheses is a name too.
        (
            "из Турции Екатерина Аталык (Половникова) — 8,5",
            "Екатерина Аталык (Половникова)",
            "PER",
            ["Екатерина Аталык", "Половникова"],
        ),
        # A remark in parentheses is not a name.
        ("Ван Цзюнь (фото) много", "Ван Цзюнь (фото)", "PER", ["Ван Цзюнь (фото)"]),
        # The tagger ran into a parenthesis.
        ("03:54 Хитли (Гецлаф) • 4:3", "Хитли (Гецлаф", "PER", ["Хитли", "Гецлаф"]),
        ("представители ПАСЕ (Парламентской", "ПАСЕ (", "ORG", ["ПАСЕ"]),
        # Lists read as one name.
        ("Сёмин (Овечкин, Фёдоров)", "Овечкин, Фёдоров", "PER", ["Овечкин", "Фёдоров"]),
        ("• Нисипяну — Топалов 0,5:0,5", "Нисипяну — Топалов", "PER", ["Нисипяну", "Топалов"]),
        ("Чили • Коста Рика • Эквадор", "Коста Рика • Эквадор", "LOC", ["Коста Рика", "Эквадор"]),
        # A no-break space is whitespace too.
        ("Барака и Мишель\xa0— Саше", "Мишель\xa0", "PER", ["Мишель"]),
    ],
)
def test_boundary_rules(whole: str, span: str, label: str, expected: list[str]) -> None:
    article = Article("a", whole, mentions=[_mention(span, whole, label)])
    Repair()([article])
    assert [m.text for m in article.mentions] == expected
    assert all(
        m.label == label and article.text[m.start : m.end] == m.text for m in article.mentions
    )


def test_alias_in_parentheses_is_marked_for_linking() -> None:
    whole = "заметил Скотт Хоровитц (Scott Horowitz), опытный пилот"
    article = Article(
        "a", whole, mentions=[_mention("Скотт Хоровитц (Scott Horowitz)", whole, "PER")]
    )
    Repair()([article])
    assert [(m.text, m.source) for m in article.mentions] == [
        ("Скотт Хоровитц", "ner"),
        ("Scott Horowitz", "alias"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Родившийся в 1933 году Император Акихито выразил желание.",
            "Император Акихито",
            "Акихито",
        ),
        ("Ватикан заявил, что Папа Франциск лишил его сана.", "Папа Франциск", "Франциск"),
        # A capitalized noun for a person heading a headline is not the name either; a
        # first name that is also a common noun is (Лев, Вера).
        (
            "Сын А.Лукашенко взял нити силовых структур в свои руки",
            "Сын А.Лукашенко",
            "А.Лукашенко",
        ),
        ("Предшественник Кравцова покинул пост", "Предшественник Кравцова", "Кравцова"),
        ("Лев Толстой написал роман", "Лев Толстой", "Лев Толстой"),
        ("Вера Брежнева спела песню", "Вера Брежнева", "Вера Брежнева"),
        # A capitalized last word the tagger reads as a particle is still a name part.
        ("гражданина Египта Халеда эль-Масри и", "Халеда эль-Масри", "Халеда эль-Масри"),
        # ... and so is one whose capital follows a lowercase particle and a hyphen.
        (
            "ЦРУ захватило гражданина Германии ливанского происхождения Халеда эль-Масри "
            "(Khaled el-Masri) и переправило его в Афганистан.",
            "Халеда эль-Масри",
            "Халеда эль-Масри",
        ),
    ],
)
def test_titles_and_name_parts(text: str, span: str, expected: str) -> None:
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph

    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention(span, text, "PER")]
    Repair()([article])
    assert [m.text for m in article.mentions] == [expected]


@pytest.mark.parametrize(
    ("whole", "span", "expected"),
    [
        # A legal form or kind of organization before the name is not the name.
        ("глава ОАО «Газпром» Алексей Миллер", "ОАО «Газпром»", ["Газпром"]),
        ("Концерн «Майкрософт» представил документы", "Концерн «Майкрософт»", ["Майкрософт"]),
        ("Агенство France-Presse предполагает", "Агенство France-Presse", ["France-Presse"]),
        # Inside quotes the whole phrase is the name.
        ("пишет казанская «Газета Daily»", "Газета Daily", ["Газета Daily"]),
    ],
)
def test_descriptors_are_trimmed(whole: str, span: str, expected: list[str]) -> None:
    article = Article("a", whole, mentions=[_mention(span, whole, "ORG")])
    Repair()([article])
    assert [m.text for m in article.mentions] == expected


def test_a_quoted_vehicle_name_is_not_an_organization() -> None:
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph

    text = "Шаттл «Дискавери» завершил полёт, компания «Газпром» промолчала."
    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention("Дискавери", text, "ORG"), _mention("Газпром", text, "ORG")]
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Газпром"]


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        (
            "Штаб-квартира CITIC Pacific в Гонконге Ван Цзюнь, бывший председатель",
            "Цзюнь",
            "Ван Цзюнь",
        ),
        ("Б.Обама охарактеризовал Дж.Коми как специалиста.", "Коми", "Дж.Коми"),
        # A preposition is not a family name.
        ("У Цзюня нашли деньги.", "Цзюня", "Цзюня"),
    ],
)
def test_name_parts_the_tagger_left_out(text: str, span: str, expected: str) -> None:
    from rusnews.stages.segment import Segment
    from rusnews.stages.slovnet.morph import Morph

    (article,) = Morph()(Segment()([Article("a", text)]))
    article.mentions = [_mention(span, text, "PER")]
    Repair()([article])
    assert [m.text for m in article.mentions] == [expected]


def test_a_cjk_original_spelling_is_split_off() -> None:
    whole = "писательница Ма Лин (马凌) и её коллеги"
    article = Article("a", whole, mentions=[_mention("Ма Лин (马凌)", whole, "PER")])
    Repair()([article])
    assert [m.text for m in article.mentions] == ["Ма Лин", "马凌"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name propagated into a headline keeps the initial glued to it.
        (
            "Б.Обама выдвинул на пост главы ФБР нового кандидата. Барак Обама заявил об этом.",
            ["Б.Обама", "Барак Обама"],
        ),
        # A propagated given name takes the one-syllable family name before it, though the
        # tagger reads a capitalized `Ван` as the Dutch particle.
        (
            "Ван Цзюнь (фото) много времени проводил в Гонконге. Дочь Ван Цзюня, Ван "
            "Цзинцзин, получила образование.",
            ["Ван Цзюнь", "Ван Цзюня", "Ван Цзинцзин"],
        ),
    ],
)
def test_names_propagated_after_repair_are_grown_too(pipe, text: str, expected: list[str]) -> None:
    article = pipe(text)
    assert [m.text for m in article.mentions if m.label == "PER"] == expected
