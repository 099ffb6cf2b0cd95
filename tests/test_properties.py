"""Property-based tests: readers, offsets and normal forms hold for any input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rusnews.io.decode import decode
from rusnews.io.readers import read_folder, split_markers
from rusnews.model import Article, Problem
from rusnews.rows import rows_of

WORDS = [
    "Министр",
    "встретился",
    "с",
    "Алибеком",
    "Бакаевым",
    "в",
    "Брюсселе",
    "вчера",
    "3",
    "декабря",
    "2025",
    "года",
    "ЕС",
    "МИД",
    "(",
    ")",
    "«",
    "Газпром",
    "»",
    ",",
    ".",
    "!",
    "—",
    "Кая",
    "Каллас",
    "заявила",
    "что",
    "переговоры",
    "пройдут",
    "в",
    "понедельник",
    "Европейской",
    "комиссии",
    "10",
    "лет",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "\t",
    "x",
    "Zakon.kz",
    "ё",
    "Ёлкин",
    "2026",
    "году",
    "сегодня",
]
russian_texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map(" ".join)
any_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(body=any_texts)
@settings(max_examples=200, deadline=None)
def test_markers_come_off_and_the_body_stays_exact(body: str) -> None:
    meta, rest = split_markers("date 2025-12-03\ntitle Заголовок\n" + body)
    assert meta["date"] == "2025-12-03" and meta["title"] == "Заголовок"
    # Whatever follows the markers is either the untouched body or (when the body
    # itself opens with marker-like lines) a suffix of it: never altered text.
    assert body.endswith(rest)


@given(text=russian_texts, encoding=st.sampled_from(["utf-8", "cp1251", "koi8_r", "utf-16"]))
@settings(max_examples=200, deadline=None)
def test_decoding_returns_the_text(text: str, encoding: str) -> None:
    text = "Переговоры прошли успешно. " + text
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)  # KOI8-R has no « » or —
    assert decode(data).text == text


@given(texts=st.lists(russian_texts, min_size=1, max_size=4))
@SETTINGS
@pytest.mark.slow
def test_every_offset_reproduces_its_text(pipe, texts: list[str]) -> None:
    articles = pipe.process([Article(str(i), t) for i, t in enumerate(texts)])
    for article in articles:
        for sent in article.sentences:
            assert article.text[sent.start : sent.end] == sent.text
            assert all(article.text[t.start : t.end] == t.text for t in sent.tokens)
        for m in article.mentions:
            assert article.text[m.start : m.end] == m.text
            assert m.entity_id is not None and article.entities[m.entity_id].label in (
                "PER",
                "ORG",
                "LOC",
                "DATE",
            )
        for event in article.events:
            assert article.text[event.start : event.end] == event.trigger


@given(texts=st.lists(russian_texts, min_size=2, max_size=4))
@SETTINGS
@pytest.mark.slow
def test_outputs_are_deterministic_and_batch_independent(pipe, texts: list[str]) -> None:
    together = [rows_of(a) for a in pipe.process([Article(str(i), t) for i, t in enumerate(texts)])]
    alone = [rows_of(pipe.process([Article(str(i), t)])[0]) for i, t in enumerate(texts)]
    assert json.dumps(together, default=str) == json.dumps(alone, default=str)


FIRST = ["Алибек", "Анна", "Сергей", "Мария", "Ермек", "Ольга", "Иван"]
LAST_MASC = ["Бакаев", "Иванов", "Кошербаев", "Петров", "Лавров"]


@given(first=st.sampled_from(FIRST), last=st.sampled_from(LAST_MASC))
@SETTINGS
def test_a_nominative_name_is_its_own_normal(pipe, first: str, last: str) -> None:
    if first in ("Анна", "Мария", "Ольга"):
        last = last + "а"
    article = pipe(f"{first} {last} выступил на заседании.")
    people = [m for m in article.mentions if m.label == "PER"]
    assert [m.normal for m in people] == [f"{first} {last}"]


@given(
    records=st.lists(
        st.one_of(
            st.fixed_dictionaries({"id": st.text(min_size=1, max_size=8), "text": russian_texts}),
            st.fixed_dictionaries(
                {
                    "id": st.integers(),
                    "text": st.one_of(st.integers(), st.none(), st.text(max_size=5)),
                }
            ),
            st.just("{broken"),
        ),
        max_size=8,
    )
)
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_jsonl_records_become_articles_or_problems_never_both_nor_neither(
    tmp_path: Path, records
) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_folder(path))
    assert len(items) == sum(1 for line in lines if line.strip())
    assert all(isinstance(item, (Article, Problem)) for item in items)
    ids = [a.article_id for a in items if isinstance(a, Article)]
    assert len(ids) == len(set(ids))
