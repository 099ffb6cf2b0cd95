"""Normalization of PER/ORG/LOC mentions to nominative, on the real pymorphy3 and slovnet.

Cases are phrases with the mention in brackets: the whole phrase is tagged by
slovnet's morph tagger (so the mention's features come from its context, as in
the pipeline) and the bracketed tokens are normalized.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from rusnews.model import LOC, ORG, PER, Article, Mention, Sentence, Token
from rusnews.stages.normalize.person_readings import recover_shape
from rusnews.stages.normalize.phrases import normalize_phrase
from rusnews.stages.normalize.stage import Normal, Normalize, normalize_mention

MENTION = re.compile(r"\[(.+?)\]")


def tag_phrase(text: str) -> list[Token]:
    from rusnews.resources import morph_tagger, segmenter

    tokens = [Token(t.start, t.stop, t.text) for t in segmenter().tokenize(text)]
    markup = morph_tagger()([tok.text for tok in tokens])
    for tok, tagged in zip(tokens, markup.tokens):
        tok.pos, tok.feats = tagged.pos, dict(tagged.feats)
    return tokens


@pytest.fixture(scope="session")
def mention_tokens() -> Callable[[str], list[Token]]:
    """Tokens of the [bracketed] mention, tagged in the context of the whole phrase."""

    def build(phrase: str) -> list[Token]:
        match = MENTION.search(phrase)
        assert match, f"no [mention] in {phrase!r}"
        text = phrase.replace("[", "").replace("]", "")
        start, end = match.start(), match.end() - 2
        return [tok for tok in tag_phrase(text) if tok.start < end and start < tok.end]

    return build


# (phrase, normal, first, middle, last)
PERSONS = [
    ("визит [Алибека Бакаева] в Астану", "Алибек Бакаев", "Алибек", None, "Бакаев"),
    ("заявление [Эдуардса Стипрайса]", "Эдуардс Стипрайс", "Эдуардс", None, "Стипрайс"),
    # Каи is only a plural of кай in the dictionary; Каллас does not decline, so a woman.
    ("заявление [Каи Каллас]", "Кая Каллас", "Кая", None, "Каллас"),
    ("по словам [Каи Каллас], Европа", "Кая Каллас", "Кая", None, "Каллас"),
    ("визит [Ермека Кошербаева]", "Ермек Кошербаев", "Ермек", None, "Кошербаев"),
    ("победа [Йоханнеса Лухнера]", "Йоханнес Лухнер", "Йоханнес", None, "Лухнер"),
    ("[Касым-Жомарт Токаев] заявил", "Касым-Жомарт Токаев", "Касым-Жомарт", None, "Токаев"),
    ("указ [Касым-Жомарта Токаева]", "Касым-Жомарт Токаев", "Касым-Жомарт", None, "Токаев"),
    ("[Антониу Кошта] заявил", "Антониу Кошта", "Антониу", None, "Кошта"),
    # slovnet reads this genitive apposition as nominative; the name parts agree on genitive.
    (
        "выслушал посланника Европейского союза в регионе [Эдуардса Стипрайса].",
        "Эдуардс Стипрайс",
        "Эдуардс",
        None,
        "Стипрайс",
    ),
    ("встреча с [Антониу Коштой]", "Антониу Кошта", "Антониу", None, "Кошта"),
    ("[Хамид Карзаем]", "Хамид Карзай", "Хамид", None, "Карзай"),
    ("отставка [Юрия Лужкова]", "Юрий Лужков", "Юрий", None, "Лужков"),
    (
        "встреча [Владимира Владимировича Путина]",
        "Владимир Владимирович Путин",
        "Владимир",
        "Владимирович",
        "Путин",
    ),
    (
        "[Путина Владимира Владимировича]",
        "Путин Владимир Владимирович",
        "Владимир",
        "Владимирович",
        "Путин",
    ),
    ("заявление [Путина]", "Путин", None, None, "Путин"),
    ("награда [Анны Ивановой]", "Анна Иванова", "Анна", None, "Иванова"),
    ("письмо [Ангелы Меркель]", "Ангела Меркель", "Ангела", None, "Меркель"),
    ("интервью [Мишель Обамы]", "Мишель Обама", "Мишель", None, "Обама"),
    ("с [Жан-Клодом Юнкером]", "Жан-Клод Юнкер", "Жан-Клод", None, "Юнкер"),
    ("с [Урсулой фон дер Ляйен]", "Урсула фон дер Ляйен", "Урсула", None, "фон дер Ляйен"),
    ("заявление [В. В. Путина]", "В. В. Путин", "В.", "В.", "Путин"),
    # Initials written close up are printed apart.
    ("заявление [В.В. Путина]", "В. В. Путин", "В.", "В.", "Путин"),
    ("с [Шейном О’Нилом]", "Шейн О’Нил", "Шейн", None, "О’Нил"),
    ("обвинение [Лофнеру] предъявлено", "Лофнер", None, None, "Лофнер"),
    # -йе is the dative of -йя, as -е of -а.
    (
        "победу [Хуану Пабло Монтойе] принёс дождь",
        "Хуан Пабло Монтойя",
        "Хуан Пабло",
        None,
        "Монтойя",
    ),
]


@pytest.mark.parametrize(("phrase", "normal", "first", "middle", "last"), PERSONS)
def test_person(
    mention_tokens,
    phrase: str,
    normal: str,
    first: str | None,
    middle: str | None,
    last: str | None,
):
    result = normalize_mention(PER, mention_tokens(phrase))
    assert result == Normal(normal, first, middle, last)


@pytest.fixture(scope="session")
def normal_in_context() -> Callable[[str, str], str | None]:
    """The normal the stage gives the [bracketed] mention of a one-sentence article,
    so that the words around it count as in the pipeline."""

    def build(phrase: str, label: str) -> str | None:
        match = MENTION.search(phrase)
        assert match, f"no [mention] in {phrase!r}"
        text = phrase.replace("[", "").replace("]", "")
        start, end = match.start(), match.end() - 2
        sentence = Sentence(0, len(text), text, tag_phrase(text))
        mention = Mention(start, end, text[start:end], label, sentence_idx=0)
        Normalize()([Article("t", text, sentences=[sentence], mentions=[mention])])
        return mention.normal

    return build


# The words before a name limit its case: a preposition or `по словам`, a list
# item (nominative), no preposition at all (no prepositional case).
PERSONS_IN_CONTEXT = [
    ("По словам [Данна], переговоры продолжатся.", "Данн"),
    ("Этот матч стал для [Калниньша] последним.", "Калниньш"),
    ("Судьи турнира: • [Тору Камикава] (Япония) • Марк Шилд (Австралия)", "Тору Камикава"),
    ("• [Хорхе Ларрионда] (Уругвай)", "Хорхе Ларрионда"),
    ("2. [Аркади Патаркацишвили] — 7 %", "Аркади Патаркацишвили"),
    ("Пост займёт лидер оппозиции [Саломе Зурабишвили].", "Саломе Зурабишвили"),
    # The cue only chooses among the readings the words have.
    ("Письмо [Путину] отправлено вчера.", "Путин"),
    ("встреча с [Антониу Коштой]", "Антониу Кошта"),
]


@pytest.mark.parametrize(("phrase", "normal"), PERSONS_IN_CONTEXT)
def test_person_in_context(normal_in_context, phrase: str, normal: str):
    assert normal_in_context(phrase, PER) == normal


# (words with slovnet features, normal): the features alone decide a lone surname's gender.
LONE_SURNAMES = [
    ([("Путина", {"Case": "Gen", "Gender": "Masc"})], "Путин"),
    ([("Путина", {})], "Путин"),  # no features: the man's genitive is the likelier reading
    ([("Путина", {"Case": "Nom", "Gender": "Fem"})], "Путина"),
]


@pytest.mark.parametrize(("words", "normal"), LONE_SURNAMES)
def test_lone_surname_gender_from_features(words: list[tuple[str, dict[str, str]]], normal: str):
    tokens, offset = [], 0
    for text, feats in words:
        tokens.append(Token(offset, offset + len(text), text, "PROPN", feats))
        offset += len(text) + 1
    assert normalize_mention(PER, tokens) == Normal(normal, None, None, normal)


ORGANIZATIONS = [
    ("в [Министерстве иностранных дел]", "Министерство иностранных дел"),
    ("решение [Европейской комиссии]", "Европейская комиссия"),
    ("саммит [Европейского совета]", "Европейский совет"),
    # Only the head goes to nominative; its genitive complement stays
    # (natasha gets "Совет сотрудничество").
    ("генсек [Совета сотрудничества]", "Совет сотрудничества"),
    # A descriptor before a name is not part of it, nor are the quote marks.
    ("сотрудник [ООО «Ромашка»]", "Ромашка"),
    ("акции [компании «Газпром»]", "Газпром"),
    ("акции [ОАО «Газпром»]", "Газпром"),
    ("лидер [партии «Яблоко»]", "Яблоко"),
    ("пост в [социальной сети Facebook]", "Facebook"),
    ("директор [немецкого автомобильного концерна «Фольксваген»]", "Фольксваген"),
    ("выставка в [Центре современной культуры «Гараж»]", "Гараж"),
    ("по данным [агентства Рейтер]", "Рейтер"),
    ("забастовка [профсоюза Юнайт]", "Юнайт"),
    ("акции [ОАО «ВымпелКом»]", "ВымпелКом"),
    # A word that reads as a genitive is the descriptor's owner, and an acronym may be.
    ("актёры [театра Вахтангова]", "театр Вахтангова"),
    ("депутаты [фракции КПРФ]", "фракция КПРФ"),
    # Not a descriptor: a part of an organization. The quotes go, the words stay
    # (the mention stops before the closing quote, as factRuEval spans do).
    ("ведущий [Русской службы «Голоса Америки]»", "Русская служба Голоса Америки"),
    (
        "члены [московского отделения движения «Солидарность»]",
        "московское отделение движения Солидарность",
    ),
    ("депутат [Государственной думы]", "Государственная дума"),
    ("[МИД] сообщил", "МИД"),
    ("заявление [МИДа]", "МИД"),
    ("заявление [японского МИДа]", "японский МИД"),
    ("студенты [УрФУ]", "УрФУ"),  # an abbreviation with small letters does not decline
    ("по данным [Zakon.kz]", "Zakon.kz"),
    ("акции [Газпрома]", "Газпром"),
    ("в [Организации Объединённых Наций]", "Организация Объединённых Наций"),
    ("в [Совете Безопасности ООН]", "Совет Безопасности ООН"),
    ("руководство [Большого театра]", "Большой театр"),
    ("в [Большом театре]", "Большой театр"),
    ("солист [Большого]", "Большой"),
    (
        "эксперты [Всемирной продовольственной и сельскохозяйственной организации]",
        "Всемирная продовольственная и сельскохозяйственная организация",
    ),
    ("экипаж [13-й долговременной экспедиции]", "13-я долговременная экспедиция"),
    ("солист [московского «Центра»]", "московский «Центр»"),
    ("в [Американском бюро по сельскому хозяйству]", "Американское бюро по сельскому хозяйству"),
    # One of two theatres that share a plural head is one theatre.
    ("солисты Большого и [Мариинского театров]", "Мариинский театр"),
    # An unknown word as a masculine consonant stem, not pymorphy3's guessed woman's name.
    ("законопроект внесён членом [Совфеда]", "Совфед"),
    # A possessive adjective declines like a surname.
    ("в зале [Никитинского суда]", "Никитинский суд"),
    # A superlative keeps its own stem (pymorphy3 files высшая under высокий: высочайшая).
    ("студенты [Высшей школы экономики]", "Высшая школа экономики"),
    # A word slovnet takes for foreign stays as written (pymorphy3 guesses стамп).
    ('Об этом пишет газета "[Ла стампа]" (La Stampa).', "Ла стампа"),
]


@pytest.mark.parametrize(("phrase", "core"), ORGANIZATIONS)
def test_organization_core(mention_tokens, phrase: str, core: str):
    assert normalize_mention(ORG, mention_tokens(phrase)).core == core


# The normal form is of the whole mention: the descriptor and its quotes stay (RuNormAS).
WHOLE_ORGANIZATIONS = [
    ("акции [ОАО «Газпром»]", "ОАО «Газпром»"),
    ("по данным [РИА «Новости»]", "РИА «Новости»"),
    ("статья [газеты «Ведомости»]", "газета «Ведомости»"),
    ("лидер [партии «Яблоко»]", "партия «Яблоко»"),
    ("выставка в [Центре современной культуры «Гараж»]", "Центр современной культуры «Гараж»"),
    ("по данным [агентства Рейтер]", "агентство Рейтер"),
    ("в [Министерстве иностранных дел]", "Министерство иностранных дел"),
    # Quotes around the whole mention are typography.
    ("акции [«Газпрома»]", "Газпром"),
    ('Об этом пишет газета "[Ла стампа]" (La Stampa).', "Ла стампа"),
    # A ministry's short name on a feminine or neuter genitive does not decline; one on a
    # masculine genitive does.
    ("сотрудники [Минцифры]", "Минцифры"),
    ("в [Минпросвещения КБР]", "Минпросвещения КБР"),
    ("глава [Минсвязи]", "Минсвязи"),
    ("по данным [Минфина]", "Минфин"),
    ("в [Минтрансе]", "Минтранс"),
]


@pytest.mark.parametrize(("phrase", "normal"), WHOLE_ORGANIZATIONS)
def test_organization_whole(mention_tokens, phrase: str, normal: str):
    assert normalize_mention(ORG, mention_tokens(phrase)).normal == normal


LOCATIONS = [
    ("в [Брюсселе]", "Брюссель"),
    ("президент [Республики Казахстан]", "Республика Казахстан"),
    ("страны [Центральной Азии]", "Центральная Азия"),
    ("между [Казахстаном] и Россией", "Казахстан"),
    ("в [Астану]", "Астана"),
    # Plural names stay plural.
    ("президент [Соединённых Штатов]", "Соединённые Штаты"),
    ("в [Объединённых Арабских Эмиратах]", "Объединённые Арабские Эмираты"),
    ("в [Нижнем Новгороде]", "Нижний Новгород"),
    ("из [Москвы]", "Москва"),
    ("в [Санкт-Петербурге]", "Санкт-Петербург"),
    ("в [Ростове-на-Дону]", "Ростов-на-Дону"),
    ("в [Алма-Ате]", "Алма-Ата"),
    ("в [Сочи]", "Сочи"),
    ("на [Красной площади]", "Красная площадь"),
    # The descriptor's apposition agrees with it and goes to nominative too.
    ("в [городе Грозном]", "Грозный"),
    ("через [реку Нарву]", "Нарва"),
    ("у [реки Славянки]", "Славянка"),
    ("жители [штата Аризона]", "Аризона"),
    ("в [районе Отрадное]", "Отрадное"),
    ("на [площади Тяньаньмынь]", "Тяньаньмынь"),
    ("в [Сан Луисе]", "Сан Луис"),
    ("стрельба в [Тусоне]", "Тусон"),
    ("на главной улице в [Тоттенхэме]", "Тоттенхэм"),
    ("на склонах [Воробьёвых гор]", "Воробьёвы горы"),
    ("жители [Приангарья]", "Приангарье"),  # a region in -ье unknown to pymorphy3
    ("в [Приволжском ФО]", "Приволжский ФО"),  # an unknown acronym heads its adjectives
    # A plural head shared by coordinated names is one of them: each is one district.
    ("в Центральном и [Сибирском федеральных округах]", "Сибирский федеральный округ"),
    ("жители [Тюменской] и Свердловской областей", "Тюменская"),
    ("жители Тюменская и [Свердловская области]", "Свердловская область"),
]


@pytest.mark.parametrize(("phrase", "core"), LOCATIONS)
def test_location_core(mention_tokens, phrase: str, core: str):
    assert normalize_mention(LOC, mention_tokens(phrase)).core == core


@pytest.mark.parametrize(
    ("phrase", "normal"),
    [
        ("в [городе Грозном]", "город Грозный"),
        ("прибыл в [порт Керкира]", "порт Керкира"),
        ("жители [штата Аризона]", "штат Аризона"),
        ("в [Брюсселе]", "Брюссель"),
    ],
)
def test_location_whole(mention_tokens, phrase: str, normal: str):
    assert normalize_mention(LOC, mention_tokens(phrase)).normal == normal


def test_phrase_keeps_the_descriptor(mention_tokens):
    assert normalize_phrase(mention_tokens("в [городе Грозном]")) == "город Грозный"


@pytest.mark.parametrize(
    ("word", "ref", "shaped"),
    [
        ("касым-жомарт", "Касым-Жомарта", "Касым-Жомарт"),
        ("ростов-на-дону", "Ростове-на-Дону", "Ростов-на-Дону"),
        ("соединённые", "Соединенных", "Соединенные"),  # no ё where the text had none
        ("соединённые", "Соединённых", "Соединённые"),
        ("мид", "МИДа", "МИД"),
        ("европейская", "европейской", "европейская"),
    ],
)
def test_recover_shape(word: str, ref: str, shaped: str):
    assert recover_shape(word, ref) == shaped


def test_empty_mention():
    assert normalize_mention(ORG, []) == Normal("")


def test_stage_sets_normals_and_keeps_given_ones():
    text = "Встреча Алибека Бакаева с министром в Брюсселе и отчёт Европейской комиссии 3 мая."
    tokens = tag_phrase(text)
    article = Article("a1", text, sentences=[Sentence(0, len(text), text, tokens)])

    def mention(surface: str, label: str, **kwargs) -> Mention:
        start = text.index(surface)
        return Mention(start, start + len(surface), surface, label, **kwargs)

    person = mention("Алибека Бакаева", PER)
    place = mention("Брюсселе", LOC)
    given = mention("Европейской комиссии", ORG, normal="Еврокомиссия")
    date = mention("3 мая", "DATE")
    article.mentions = [person, place, given, date]

    assert Normalize()([article]) == [article]
    parts = (person.normal, person.first, person.middle, person.last)
    assert parts == ("Алибек Бакаев", "Алибек", None, "Бакаев")
    assert place.normal == "Брюссель" and place.first is None
    assert given.normal == "Еврокомиссия"
    assert date.normal is None


def test_stage_without_tokens_keeps_the_text():
    article = Article("a2", "Газпрома", mentions=[Mention(0, 8, "Газпрома", ORG)])
    Normalize()([article])
    assert article.mentions[0].normal == "Газпрома"


@pytest.mark.parametrize(
    ("text", "name", "label", "spelling", "core"),
    [
        (
            "Тренер сборной Юрген Клинсман (Jürgen Klinsmann) назвал состав.",
            "Юрген Клинсман",
            PER,
            "Jürgen Klinsmann",
            "Юрген Клинсман",
        ),
        (
            "Об этом пишет газета «Ведомости» (Vedomosti).",
            "газета «Ведомости",
            ORG,
            "Vedomosti",
            "Ведомости",
        ),
        (
            "Врачи выписали музыканта Андрея Ширмана (DJ Smash) из клиники.",
            "Андрея Ширмана",
            PER,
            "DJ Smash",
            "Андрей Ширман",
        ),
        # Not right after the name: the Latin one is a name of its own.
        (
            "Юрген Клинсман сказал, что Joachim Löw (тренер) прав.",
            "Юрген Клинсман",
            PER,
            "Joachim Löw",
            None,
        ),
        # A Latin name after a Latin one is another thing (its owner), not a spelling:
        # it is its own core.
        (
            "Проблемы возникли у Libra (Facebook) с властями.",
            "Libra",
            ORG,
            "Facebook",
            "Facebook",
        ),
    ],
)
def test_bracketed_original_spelling_takes_the_name_as_core(
    text: str, name: str, label: str, spelling: str, core: str | None
):
    """`Юрген Клинсман (Jürgen Klinsmann)`: the bracketed Latin spelling is the same name.
    Its normal form is the span as written (what RuNormAS keeps); its core, the name it
    spells (what factRuEval's chains and the entities compare)."""
    article = Article("a3", text, sentences=[Sentence(0, len(text), text, tag_phrase(text))])
    first, second = text.index(name), text.index(spelling)
    article.mentions = [
        Mention(first, first + len(name), name, label, sentence_idx=0),
        Mention(second, second + len(spelling), spelling, label, sentence_idx=0),
    ]
    Normalize()([article])
    assert article.mentions[1].normal == spelling
    assert article.mentions[1].core == core
