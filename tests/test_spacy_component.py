"""The spaCy component: `spacy.blank("ru").add_pipe("rusnews")`, on a sentence and on the seed
article."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from rusnews.io.readers import split_markers
from rusnews.model import Article, Entity, Mention
from rusnews.spacy_component import RusnewsComponent
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span

SENTENCE = (
    "Вчера в Брюсселе заместитель министра иностранных дел Казахстана Алибек Бакаев "
    "провёл переговоры с Каей Каллас."
)


@pytest.fixture(scope="module")
def nlp(pipe) -> Language:
    nlp = spacy.blank("ru")
    component = nlp.add_pipe("rusnews")
    component.pipeline = pipe  # share the session's models instead of loading them again
    return nlp


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_factory_is_registered_on_import_and_as_an_entry_point() -> None:
    assert Language.has_factory("rusnews")
    declared = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert declared.get("rusnews") == "rusnews.spacy_component:make_rusnews"


def test_add_pipe_works_without_importing_rusnews_and_loads_no_models() -> None:
    # A fresh interpreter: only spaCy's entry point can have registered the factory.
    code = (
        "import sys, spacy; nlp = spacy.blank('ru'); nlp.add_pipe('rusnews'); "
        "print(nlp.pipe_names, 'rusnews.pipeline' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['rusnews']", "False"]


def test_sentence_fills_ents_extensions_and_events(nlp: Language) -> None:
    doc = nlp.make_doc(SENTENCE)
    doc._.rusnews_published = "2025-12-05"
    doc = nlp(doc)
    assert ents(doc) == [
        ("Вчера", "DATE"),
        ("Брюсселе", "LOC"),
        ("Казахстана", "LOC"),
        ("Алибек Бакаев", "PER"),
        ("Каей Каллас", "PER"),
    ]
    normals = {e.text: e._.rusnews_normal for e in doc.ents}
    assert normals == {
        "Вчера": "2025-12-04",
        "Брюсселе": "Брюссель",
        "Казахстана": "Казахстан",
        "Алибек Бакаев": "Алибек Бакаев",
        "Каей Каллас": "Кая Каллас",
    }
    entities = {e["entity_id"]: e for e in doc._.rusnews_entities}
    kallas = doc.ents[4]
    assert entities[kallas._.rusnews_entity_id]["name"] == "Кая Каллас"
    assert kallas.kb_id_ == entities[kallas._.rusnews_entity_id]["key"]
    talks = [ev for ev in doc._.rusnews_events if ev["event_type"] == "NEGOTIATION"]
    assert len(talks) == 1 and talks[0]["date"] == "2025-12-04"
    roles = {(a["role"], a["name"]) for a in talks[0]["arguments"]}
    assert {
        ("agent", "Алибек Бакаев"),
        ("participant", "Кая Каллас"),
        ("location", "Брюссель"),
    } <= roles
    # Plain dicts all the way down: a user can dump them as they are, or store the Doc.
    json.dumps([doc._.rusnews_mentions, doc._.rusnews_entities, doc._.rusnews_events])
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.rusnews_events == doc._.rusnews_events
    assert [e._.rusnews_normal for e in restored.ents] == [e._.rusnews_normal for e in doc.ents]


def test_published_comes_from_the_doc_then_the_config() -> None:
    nlp = spacy.blank("ru")
    component = nlp.add_pipe("rusnews", config={"published": "2025-06-10"})
    component.pipeline = _StubPipeline([])
    seen = component.pipeline.seen
    nlp("Текст.")
    doc = nlp.make_doc("Текст.")
    doc._.rusnews_published = "2025-12-05"
    nlp(doc)
    assert [str(a.published) for a in seen] == ["2025-06-10", "2025-12-05"]


def test_seed_article_matches_the_pipeline(nlp: Language, pipe, seed_dir: Path) -> None:
    raw = (seed_dir / "kz-eu-visa-talks.txt").read_text(encoding="utf-8")
    doc = nlp(raw)
    # The leading ` date 2025-12-03 ` marker is read as the readers read it.
    meta, body = split_markers(raw)
    offset = len(raw) - len(body)
    article = pipe(body, published=meta["date"])
    spans = [(m.label, m.start + offset, m.end + offset) for m in article.mentions]
    assert [(m["label"], m["start"], m["end"]) for m in doc._.rusnews_mentions] == spans
    assert [(s.label_, s.start_char, s.end_char) for s in doc.spans["rusnews"]] == spans
    for ent in doc.ents:
        assert ent.text == raw[ent.start_char : ent.end_char]
    by_text = {e.text: e._.rusnews_normal for e in doc.ents}
    assert by_text["Алибека Бакаева"] == "Алибек Бакаев"
    assert by_text["Каи Каллас"] == "Кая Каллас"
    assert by_text["2 декабря 2025 года"] == "2025-12-02"
    assert len(doc._.rusnews_events) == len(article.events)
    meeting = [ev for ev in doc._.rusnews_events if ev["trigger"] == "принял"]
    names = {a["name"] for a in meeting[0]["arguments"]}
    assert names >= {"Касым-Жомарт Токаев", "Эдуардс Стипрайс"}
    assert raw[meeting[0]["start"] : meeting[0]["end"]] == "принял"
    held = {(o["person"], o["position"]) for o in doc._.rusnews_occupations}
    assert ("Антониу Кошта", "президент") in held
    kosta = next(o for o in doc._.rusnews_occupations if o["person"] == "Антониу Кошта")
    # Offsets point into the Doc's text, marker included, like every other record's.
    assert raw[kosta["start"] : kosta["end"]] == kosta["position_text"] == "президент"
    assert raw[kosta["person_start"] : kosta["person_end"]] == "Антониу Кошта"


def test_displacy_renders_the_doc(nlp: Language) -> None:
    doc = nlp(SENTENCE)
    html = displacy.render(doc, style="ent", page=True)
    assert html.count("<mark") == len(doc.ents) == 5
    assert "Каей Каллас" in html
    spans_html = displacy.render(doc, style="span", options={"spans_key": "rusnews"})
    assert "Брюсселе" in spans_html


def test_pipe_batches_through_process(nlp: Language, pipe) -> None:
    texts = [SENTENCE, "Сергей Лавров прибыл в Минск.", "В Астане открылся форум."]
    calls: list[int] = []
    component = nlp.get_pipe("rusnews")

    class Counting:
        def process(self, articles: list[Article]) -> list[Article]:
            calls.append(len(articles))
            return pipe.process(articles)

    component.pipeline = Counting()
    try:
        docs = list(nlp.pipe(texts, batch_size=2))
    finally:
        component.pipeline = pipe
    assert calls == [2, 1]
    assert [ents(d) for d in docs] == [ents(nlp(t)) for t in texts]


class _StubPipeline:
    """Stands in for the models: returns fixed mentions, records what it was given."""

    def __init__(self, mentions: list[Mention], entities: list[Entity] | None = None) -> None:
        self.mentions, self.entities, self.seen = mentions, entities or [], []

    def process(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            self.seen.append(article)
            article.mentions = list(self.mentions)
            article.entities = list(self.entities)
        return articles


NESTED = "Министерство иностранных дел Казахстана сообщило."


def stub_nlp(mentions: list[Mention], **config: object) -> tuple[Language, RusnewsComponent]:
    nlp = spacy.blank("ru")
    component = nlp.add_pipe("rusnews", config=config)
    component.pipeline = _StubPipeline(mentions)
    return nlp, component


def test_overlapping_mentions_keep_the_outermost_in_ents_and_all_in_spans() -> None:
    outer = Mention(0, 39, NESTED[:39], "ORG", normal=NESTED[:39], entity_id=0)
    inner = Mention(29, 39, "Казахстана", "LOC", normal="Казахстан", entity_id=1)
    nlp, _ = stub_nlp([outer, inner])
    doc = nlp(NESTED)
    assert ents(doc) == [(NESTED[:39], "ORG")]
    assert doc.ents[0]._.rusnews_entity_id == 0
    assert [(s.text, s.label_, s._.rusnews_normal) for s in doc.spans["rusnews"]] == [
        (NESTED[:39], "ORG", NESTED[:39]),
        ("Казахстана", "LOC", "Казахстан"),
    ]


def test_a_span_inside_a_token_expands_to_the_whole_token() -> None:
    nlp, _ = stub_nlp([Mention(30, 37, "азахста", "LOC", normal="Казахстан", entity_id=0)])
    doc = nlp(NESTED)
    assert ents(doc) == [("Казахстана", "LOC")]
    assert doc._.rusnews_mentions[0]["text"] == "азахста"  # the record keeps our own offsets
    record = doc._.rusnews_mentions[0]
    assert (record["token_start"], record["token_end"]) == (3, 4)


def test_existing_ents_survive_when_overwrite_is_off() -> None:
    mentions = [
        Mention(0, 12, "Министерство", "ORG", entity_id=0),
        Mention(29, 39, "Казахстана", "LOC", entity_id=1),
    ]
    nlp, component = stub_nlp(mentions, overwrite_ents=False)
    doc = nlp.make_doc(NESTED)
    doc.ents = [Span(doc, 0, 3, label="MISC")]
    doc = component(doc)
    assert ents(doc) == [("Министерство иностранных дел", "MISC"), ("Казахстана", "LOC")]
