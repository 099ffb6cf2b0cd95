"""ExtractEvents on sentences written for the tests, and the seed article's acceptance records."""

from __future__ import annotations

import pytest
from rusnews.io.readers import read_folder
from rusnews.model import Article, Event
from rusnews.stages.events.lexicon import event_lexicon, fold
from rusnews.stages.events.stage import ExtractEvents
from rusnews.stages.slovnet.morph import lemmatize

PUBLISHED = "2025-12-03"


def run(pipe, text: str, published: str | None = PUBLISHED) -> Article:
    return pipe(text, published=published)


def one(article: Article, event_type: str) -> Event:
    found = [e for e in article.events if e.event_type == event_type]
    assert len(found) == 1, f"{event_type} in {[(e.event_type, e.trigger) for e in article.events]}"
    return found[0]


def surfaces(article: Article, event: Event, role: str) -> set[str]:
    return {article.text[a.start : a.end] for a in event.arguments if a.role == role}


# ---------------------------------------------------------------- lexicon


def test_lexicon_lemmas_are_what_the_lemmatizer_gives() -> None:
    """A lemma the lemmatizer never produces would be a trigger that never fires."""
    lex = event_lexicon()
    wrong = [t.lemma for t in lex.triggers.values() if fold(lemmatize(t.lemma, t.pos)) != t.lemma]
    wrong += [p for p in lex.positions if fold(lemmatize(p, "NOUN")) != p]
    assert not wrong


# ---------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    "text, event_type, cameo, lemma",
    [
        ("Путин встретился с Си Цзиньпином в Пекине.", "MEETING", "04", "встретиться"),
        (
            "Казахстан и Узбекистан провели переговоры в Ташкенте.",
            "NEGOTIATION",
            "04",
            "провести переговоры",
        ),
        ("Сергей Лавров посетил Пекин.", "VISIT", "04", "посетить"),
        (
            "Россия и Китай подписали соглашение о сотрудничестве.",
            "AGREEMENT",
            "05",
            "подписать соглашение",
        ),
        ("Компания «Газпром» купила завод в Сербии.", "DEAL", "06", "купить"),
        ("Евросоюз ввел санкции против Ирана.", "SANCTION", "16", "ввести санкция"),
        ("Полиция задержала Алексея Иванова.", "ARREST", "17", "задержать"),
        ("В Кабуле боевики напали на посольство.", "ATTACK", "18", "напасть"),
        ("Сторонники оппозиции провели митинг в Минске.", "PROTEST", "14", "провести митинг"),
        ("МИД Франции заявил о поддержке Армении.", "STATEMENT", "01", "заявить"),
        ("Эмманюэль Макрон принял участие в саммите НАТО.", "MEETING", "04", "принять саммит"),
        ("Иван Бунин скончался в Париже.", "DEATH", None, "скончаться"),
    ],
)
def test_triggers(pipe, text: str, event_type: str, cameo: str | None, lemma: str) -> None:
    event = one(run(pipe, text), event_type)
    assert (event.cameo_root, event.trigger_lemma) == (cameo, lemma)


def test_receiving_a_person_is_a_meeting_and_passing_a_law_is_not(pipe) -> None:
    assert one(run(pipe, "Токаев принял Эдуардса Стипрайса."), "MEETING").trigger == "принял"
    assert not [
        e for e in run(pipe, "Сенат принял закон о бюджете.").events if e.event_type == "MEETING"
    ]


def test_an_event_noun_under_its_verb_is_the_same_event(pipe) -> None:
    article = run(pipe, "Астану с официальным визитом посетил Антониу Кошта.")
    assert [e.trigger for e in article.events if e.event_type == "VISIT"] == ["посетил"]


def test_an_event_without_arguments_is_dropped(pipe) -> None:
    assert run(pipe, "Переговоры были трудными.").events == []


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize(
    "text, event_type, role, expected",
    [
        (
            "Касым-Жомарт Токаев принял Эдуардса Стипрайса.",
            "MEETING",
            "agent",
            {"Касым-Жомарт Токаев"},
        ),
        (
            "Касым-Жомарт Токаев принял Эдуардса Стипрайса.",
            "MEETING",
            "participant",
            {"Эдуардса Стипрайса"},
        ),
        (
            "Казахстан и Узбекистан провели переговоры.",
            "NEGOTIATION",
            "agent",
            {"Казахстан", "Узбекистан"},
        ),
        ("Владимир Путин встретился с Си Цзиньпином.", "MEETING", "participant", {"Си Цзиньпином"}),
        ("Владимир Путин встретился с Си Цзиньпином.", "MEETING", "agent", {"Владимир Путин"}),
        ("Касым-Жомарт Токаев посетил завод в Москве.", "VISIT", "location", {"Москве"}),
        ("Лавров и Блинкен провели переговоры в Женеве.", "NEGOTIATION", "location", {"Женеве"}),
        ("Лавров посетил Пекин.", "VISIT", "location", {"Пекин"}),
        ("Лавров и Блинкен провели переговоры по Украине.", "NEGOTIATION", "topic", {"Украине"}),
        ("Евросоюз ввел санкции против Ирана.", "SANCTION", "participant", {"Ирана"}),
        ("Визит Макрона в Пекин завершился.", "VISIT", "agent", {"Макрона"}),
        (
            "Об этом заявили в Министерстве иностранных дел Казахстана.",
            "STATEMENT",
            "agent",
            {"Министерстве иностранных дел Казахстана"},
        ),
        (
            "Заседание прошло в Брюсселе под председательством Каи Каллас.",
            "MEETING",
            "participant",
            {"Каи Каллас"},
        ),
        (
            "Президент Казахстана Касым-Жомарт Токаев планирует посетить Москву.",
            "VISIT",
            "agent",
            {"Касым-Жомарт Токаев"},
        ),
    ],
)
def test_roles(pipe, text: str, event_type: str, role: str, expected: set[str]) -> None:
    article = run(pipe, text)
    assert surfaces(article, one(article, event_type), role) == expected


def test_arguments_point_to_entities_with_their_canonical_names(pipe) -> None:
    article = run(
        pipe,
        "Президент Казахстана Касым-Жомарт Токаев встретился с Путиным. "
        "В среду Токаев посетил Москву.",
    )
    visit = one(article, "VISIT")
    [agent] = [a for a in visit.arguments if a.role == "agent"]
    entity = article.entities[agent.entity_id]
    assert (
        (agent.name, agent.label) == (entity.name, entity.label) == ("Касым-Жомарт Токаев", "PER")
    )


def test_arguments_stay_on_the_trigger_line(pipe) -> None:
    # razdel runs a caption without a final stop into the next sentence.
    article = run(
        pipe,
        "Пресс-служба МИД РК\n\n24 ноября 2025 года Касым-Жомарт Токаев принял "
        "специального представителя Европейского союза Эдуардса Стипрайса.",
    )
    assert surfaces(article, one(article, "MEETING"), "agent") == {"Касым-Жомарт Токаев"}


def test_dateline_is_the_location_of_last_resort(pipe) -> None:
    article = run(pipe, "МОСКВА, 3 декабря — Сергей Лавров встретился с Ваном И.")
    assert surfaces(article, one(article, "MEETING"), "location") == {"МОСКВА"}


# ---------------------------------------------------------------- time


@pytest.mark.parametrize(
    "text, event_type, date, granularity, from_published",
    [
        (
            "2 декабря 2025 года Казахстан и ЕС провели переговоры.",
            "NEGOTIATION",
            "2025-12-02",
            "day",
            False,
        ),
        (
            "Вчера Владимир Путин провел встречу с Александром Лукашенко.",
            "MEETING",
            "2025-12-02",
            "day",
            False,
        ),
        ("Путин посетит Минск в марте.", "VISIT", "2026-03", "month", False),
        # the date sits on the governing verb, not on the trigger
        ("4 декабря Астану планирует посетить Антониу Кошта.", "VISIT", "2025-12-04", "day", False),
        ("Лавров посетил Пекин.", "VISIT", PUBLISHED, "day", True),
    ],
)
def test_time(
    pipe, text: str, event_type: str, date: str, granularity: str, from_published: bool
) -> None:
    event = one(run(pipe, text), event_type)
    assert (event.date, event.date_granularity, event.date_from_published) == (
        date,
        granularity,
        from_published,
    )
    assert any(a.role == "time" for a in event.arguments) is not from_published


def test_no_publication_date_means_no_date(pipe) -> None:
    event = one(run(pipe, "Лавров посетил Пекин.", published=None), "VISIT")
    assert (event.date, event.date_from_published) == (None, False)


# ---------------------------------------------------------------- modality and negation


@pytest.mark.parametrize(
    "text, event_type, modality, negated",
    [
        ("Лавров посетил Пекин.", "VISIT", "asserted", False),
        ("Токаев планирует посетить Москву.", "VISIT", "planned", False),
        ("Путин посетит Минск.", "VISIT", "planned", False),
        ("Стороны договорились провести встречу в Астане.", "MEETING", "planned", False),
        ("Россия намерена подписать соглашение с Китаем.", "AGREEMENT", "planned", False),
        ("Предстоящий визит Макрона в Пекин обсуждался в Париже.", "VISIT", "planned", False),
        ("Грузия не подписала соглашение с Евросоюзом.", "AGREEMENT", "asserted", True),
        ("Токаев не планирует посещать Москву.", "VISIT", "planned", True),
        (
            "Министр обороны Израиля отказался встретиться с делегацией ООН.",
            "MEETING",
            "asserted",
            True,
        ),
    ],
)
def test_modality_and_negation(
    pipe, text: str, event_type: str, modality: str, negated: bool
) -> None:
    event = one(run(pipe, text), event_type)
    assert (event.modality, event.negated) == (modality, negated)


# ---------------------------------------------------------------- the stage


def test_event_ids_follow_the_text(pipe) -> None:
    article = run(
        pipe, "Путин посетил Минск. Лукашенко встретился с Путиным. Стороны подписали соглашение."
    )
    assert [e.event_id for e in article.events] == list(range(len(article.events)))
    assert [e.start for e in article.events] == sorted(e.start for e in article.events)


def test_debug_says_which_rule_gave_each_argument(pipe) -> None:
    article = run(pipe, "Владимир Путин встретился в Пекине с Си Цзиньпином.")
    stage = ExtractEvents(debug=True)
    stage([article])
    rules = {
        (role, why.split(" <- ")[1])
        for _, trigger, role, why in stage.fired
        if trigger == "встретился"
    }
    assert rules == {
        ("agent", "subject"),
        ("participant", "preposition"),
        ("location", "preposition"),
    }


# ---------------------------------------------------------------- the seed article


def _seed(pipe, seed_dir) -> Article:
    [article] = [a for a in read_folder(seed_dir) if isinstance(a, Article)]
    return pipe.process([article])[0]


def _names(article: Article, event: Event) -> set[str]:
    """Canonical names, and the surface forms while a name's normalization is still missing."""
    return {a.name for a in event.arguments if a.name} | {
        article.text[a.start : a.end] for a in event.arguments
    }


def test_seed_acceptance(pipe, seed_dir) -> None:
    article = _seed(pipe, seed_dir)
    kazakhstan = {"Казахстан", "Республика Казахстан"}
    talks = [
        e
        for e in article.events
        if e.event_type in ("NEGOTIATION", "MEETING")
        and e.date == "2025-12-02"
        and "Брюссель" in _names(article, e)
        and _names(article, e) & kazakhstan
        and "Европейский союз" in _names(article, e)
    ]
    assert talks, "NEGOTIATION on 2025-12-02 in Брюссель with Казахстан and Европейский союз"
    reception = [
        e
        for e in article.events
        if e.event_type == "MEETING"
        and e.date == "2025-11-24"
        and "Касым-Жомарт Токаев" in _names(article, e)
        and "Эдуардс Стипрайс" in _names(article, e)
    ]
    assert reception, "MEETING on 2025-11-24 with Токаев and Стипрайс"
    visit = [
        e
        for e in article.events
        if e.event_type == "VISIT"
        and e.date == "2025-12-04"
        and e.modality == "planned"
        and "Астана" in _names(article, e)
        and any(a.role == "agent" and a.name == "Антониу Кошта" for a in e.arguments)
    ]
    assert visit, "planned VISIT on 2025-12-04 to Астана by Антониу Кошта"
    occupations = {
        (o.person.name, o.position, (o.organization or o.place).name)
        for o in article.occupations
        if o.organization or o.place
    }
    assert (
        "Алибек Бакаев",
        "заместитель министра иностранных дел",
        "Республика Казахстан",
    ) in occupations
    assert ("Антониу Кошта", "президент", "Европейский совет") in occupations


def test_a_cycle_in_the_parse_does_not_hang_the_events_stage(pipe) -> None:
    article = run(pipe, "Лавров прибыл в Минск и посетил завод.")
    # slovnet's heads are not guaranteed to form a tree: прибыл <-conj-> посетил. Names in the
    # sentence give the events arguments, so the walks up from each trigger run into the cycle.
    heads = [
        (2, "nsubj"),
        (6, "conj"),
        (4, "case"),
        (2, "obl"),
        (6, "cc"),
        (2, "conj"),
        (6, "obj"),
        (2, "punct"),
    ]
    tokens = article.sentences[0].tokens
    assert len(tokens) == len(heads)
    for tok, (head, rel) in zip(tokens, heads):
        tok.head, tok.rel = head, rel
    article.events = []
    ExtractEvents()([article])
    found = {
        (e.event_type, e.trigger, a.role, article.text[a.start : a.end])
        for e in article.events
        for a in e.arguments
    }
    assert found == {
        ("VISIT", "прибыл", "agent", "Лавров"),
        ("VISIT", "прибыл", "location", "Минск"),
        ("VISIT", "посетил", "agent", "Лавров"),
    }
