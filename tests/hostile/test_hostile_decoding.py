"""Bytes, escapes, names and dates that used to end a run: each is now an article (with
a warning row when something was repaired) or one `errors` row, and the run goes on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest
from rusnews.cli import app
from typer.testing import CliRunner

runner = CliRunner()
LAVROV = "Сергей Лавров встретился с послом Турции в Москве."
DECEMBER_3 = "2025-12-03"


def _json(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode()


# relative path -> bytes. Each case's expectations are in the tests below.
FILES: dict[str, bytes] = {
    "enc/koi8-le.txt": "Инфляция составит ≤ 4%, сообщил Сергей Лавров.".encode("koi8_r"),
    "enc/stray.txt": LAVROV.encode() + b"\xff" + " Встреча прошла в Кремле.".encode(),
    "enc/ivan.txt": "Иван ".encode() + b"\xff",
    "enc/caps.txt": "МОСКВА. ЛАВРОВ ВСТРЕТИЛСЯ С ПОСЛОМ ТУРЦИИ.".encode("cp1251"),
    # `\ud800` spelled as a JSON escape: a lone surrogate once parsed.
    "json/surrogate.json": b'{"id": "s\\ud800", "title": "\\udfff", "text": "\\ud800 '
    + (LAVROV.encode() + b'"}'),
    "json/deep.json": b"[" * 10_000 + b"]" * 10_000,
    "json/deep-line.jsonl": _json({"id": "shallow", "text": LAVROV}) + b"\n" + b"[" * 10_000,
    "names/invisible.txt": (
        "Сергей Лавров прибыл в Анкару. Там Сергей \u200fЛавров встретился с коллегой.\n"
        "Министр Серг\u200bей Лавров заявил о переговорах."
    ).encode(),
    # Dates as users write them; each of these is published on 3 December 2025.
    "dates/header-en.txt": f"Date: 2025-12-03\n{LAVROV}".encode(),
    "dates/header-ru.txt": f"Дата: 3 декабря 2025\n{LAVROV}".encode(),
    "dates/time-line.txt": f"date 2025-12-03 10:15\n{LAVROV}".encode(),
    "dates/time-inline.txt": f"date 2025-12-03 10:15 {LAVROV}".encode(),
    "dates/dotted.txt": f"Опубликовано: 03.12.2025\n{LAVROV}".encode(),
    "dates/iso.json": _json(
        {"id": "iso", "published": "2025-12-03T10:15:00+03:00", "text": LAVROV}
    ),
    "dates/epoch.json": _json({"id": "epoch", "published": 1764756900, "text": LAVROV}),
    "dates/epoch-float.json": _json({"id": "epoch-float", "date": 1764756900.5, "text": LAVROV}),
    "dates/russian.json": _json({"id": "russian", "published": "3 декабря 2025", "text": LAVROV}),
    # Dates that name no day: the article stays, without a date.
    "dates/garbage.json": _json({"id": "garbage", "published": "вчера вечером", "text": LAVROV}),
    "dates/impossible.json": _json({"id": "impossible", "published": "2025-02-30", "text": LAVROV}),
    "dates/impossible.txt": f"date 2025-02-30\n{LAVROV}".encode(),
    "dates/edge.txt": "date 9999-12-31\nЗавтра Сергей Лавров прибудет в Москву.".encode(),
}
DATED = [
    "dates/header-en",
    "dates/header-ru",
    "dates/time-line",
    "dates/time-inline",
    "dates/dotted",
    "iso",
    "epoch",
    "epoch-float",
    "russian",
]
# A folder and a file named in CP1251: bytes that are not UTF-8 in a file name.
CP1251_FOLDER = "новости".encode("cp1251")
CP1251_FILE = "статья.txt".encode("cp1251")


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> tuple[int, dict[str, pd.DataFrame], str]:
    root = tmp_path_factory.mktemp("decoding")
    for rel, data in FILES.items():
        path = root / "in" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    folder = os.path.join(os.fsencode(root / "in"), CP1251_FOLDER)
    os.mkdir(folder)
    with open(os.path.join(folder, CP1251_FILE), "wb") as fh:
        fh.write(LAVROV.encode())
    out = root / "out"
    result = runner.invoke(
        app, ["run", str(root / "in"), "-o", str(out), "--no-progress", "--workers", "1"]
    )
    tables = {
        name: pd.read_parquet(out / f"{name}.parquet")
        for name in ("articles", "mentions", "entities", "errors")
        if (out / f"{name}.parquet").exists()
    }
    return result.exit_code, tables, result.output


def _article(tables, article_id: str) -> dict:
    rows = tables["articles"][tables["articles"]["article_id"] == article_id]
    assert len(rows) == 1, (article_id, tables["articles"]["article_id"].tolist())
    return rows.iloc[0].to_dict()


def _rows(tables, table: str, article_id: str) -> list[dict]:
    frame = tables[table]
    return frame[frame["article_id"] == article_id].to_dict("records")


def _problems(tables, article_id: str) -> list[tuple[str, str]]:
    return [(r["kind"], r["severity"]) for r in _rows(tables, "errors", article_id)]


def _published(article: dict) -> str | None:
    value = article["published"]
    return None if pd.isna(value) else str(value)[:10]


def test_the_run_finishes(run) -> None:
    code, tables, output = run
    assert code == 0, output
    assert set(tables) == {"articles", "mentions", "entities", "errors"}


def test_koi8_with_a_byte_cp1251_lacks_is_read_as_koi8(run) -> None:
    _, tables, _ = run
    article = _article(tables, "enc/koi8-le")
    assert article["encoding"] == "koi8_r"
    assert article["text"] == "Инфляция составит ≤ 4%, сообщил Сергей Лавров."
    assert _problems(tables, "enc/koi8-le") == []


def test_utf8_with_a_stray_byte_is_utf8_with_a_warning(run) -> None:
    _, tables, _ = run
    article = _article(tables, "enc/stray")
    assert article["encoding"] == "utf-8"
    assert article["text"] == f"{LAVROV}\ufffd Встреча прошла в Кремле."
    assert article["status"] == "ok"
    assert _problems(tables, "enc/stray") == [("replaced_characters", "warning")]
    names = {m["normal"] for m in _rows(tables, "mentions", "enc/stray")}
    assert {"Сергей Лавров", "Москва"} <= names
    assert _article(tables, "enc/ivan")["text"] == "Иван \ufffd"
    assert _problems(tables, "enc/ivan") == [("replaced_characters", "warning")]


def test_short_all_caps_cp1251_is_cp1251(run) -> None:
    _, tables, _ = run
    article = _article(tables, "enc/caps")
    assert (article["encoding"], article["text"]) == (
        "cp1251",
        "МОСКВА. ЛАВРОВ ВСТРЕТИЛСЯ С ПОСЛОМ ТУРЦИИ.",
    )


def test_lone_surrogates_from_json_escapes_become_replacement_characters(run) -> None:
    _, tables, _ = run
    article = _article(tables, "s\ufffd")
    assert article["title"] == "\ufffd"
    assert article["text"] == f"\ufffd {LAVROV}"
    ((kind, severity),) = _problems(tables, "s\ufffd")
    assert (kind, severity) == ("replaced_characters", "warning")
    (message,) = [r["message"] for r in _rows(tables, "errors", "s\ufffd")]
    assert "article_id (1), text (1), title (1)" in message
    assert any(m["normal"] == "Сергей Лавров" for m in _rows(tables, "mentions", "s\ufffd"))


def test_a_name_that_is_not_utf8_is_shown_by_its_bytes(run) -> None:
    _, tables, _ = run
    escaped = "".join(f"\\x{b:02x}" for b in CP1251_FOLDER)
    article_id = f"{escaped}/" + "".join(f"\\x{b:02x}" for b in CP1251_FILE[:-4])
    article = _article(tables, article_id)
    assert article["path"].endswith(article_id + ".txt")
    assert article["text"] == LAVROV
    assert _problems(tables, article_id) == [("replaced_characters", "warning")]


def test_json_nested_too_deep_is_one_row_for_its_file(run) -> None:
    _, tables, _ = run
    errors = tables["errors"]
    deep = errors[errors["path"].str.endswith("json/deep.json")]
    assert deep[["kind", "severity", "article_id"]].values.tolist() == [
        ["malformed_json", "error", "json/deep"]
    ]
    assert "nested deeper" in deep["message"].iloc[0]
    line = errors[errors["path"].str.endswith("json/deep-line.jsonl")]
    assert line[["kind", "article_id"]].values.tolist() == [["malformed_json", "json/deep-line:2"]]
    assert _article(tables, "shallow")["text"] == LAVROV


def test_invisible_characters_stay_in_the_text_but_not_in_names(run) -> None:
    _, tables, _ = run
    article = _article(tables, "names/invisible")
    assert "\u200f" in article["text"] and "\u200b" in article["text"]
    people = [m for m in _rows(tables, "mentions", "names/invisible") if m["label"] == "PER"]
    assert [m["text"] for m in people] == [
        "Сергей Лавров",
        "Сергей \u200fЛавров",
        "Серг\u200bей Лавров",
    ]
    for m in people:
        assert article["text"][m["start"] : m["end"]] == m["text"]
        assert (m["normal"], m["first"], m["last"]) == ("Сергей Лавров", "Сергей", "Лавров")
    entities = [e for e in _rows(tables, "entities", "names/invisible") if e["label"] == "PER"]
    assert [(e["key"], e["n_mentions"]) for e in entities] == [("PER:сергей лавров", 3)]


@pytest.mark.parametrize("article_id", DATED)
def test_publication_dates_as_users_write_them(run, article_id: str) -> None:
    _, tables, _ = run
    article = _article(tables, article_id)
    assert _published(article) == DECEMBER_3
    assert article["text"] == LAVROV  # no marker, and no time, left at its start
    assert _problems(tables, article_id) == []


@pytest.mark.parametrize("article_id", ["garbage", "impossible", "dates/impossible"])
def test_an_unreadable_date_keeps_the_article_without_one(run, article_id: str) -> None:
    _, tables, _ = run
    article = _article(tables, article_id)
    assert _published(article) is None
    assert article["text"] == LAVROV
    assert _problems(tables, article_id) == [("unreadable_date", "warning")]
    assert any(m["normal"] == "Сергей Лавров" for m in _rows(tables, "mentions", article_id))


def test_relative_dates_past_the_calendars_end_stay_unresolved(run) -> None:
    _, tables, _ = run
    article = _article(tables, "dates/edge")
    assert _published(article) == "9999-12-31"
    dates = [m for m in _rows(tables, "mentions", "dates/edge") if m["label"] == "DATE"]
    assert [(m["text"], pd.isna(m["normal"])) for m in dates] == [("Завтра", True)]
    assert _problems(tables, "dates/edge") == []


def test_a_message_that_quotes_a_name_that_is_not_utf8_can_be_stored(tmp_path) -> None:
    from rusnews.io.readers import read_path
    from rusnews.io.tables import to_arrow
    from rusnews.rows import error_rows

    name = os.fsdecode(os.fsencode(tmp_path) + b"/" + CP1251_FILE)
    os.mkfifo(name)
    problems = list(read_path(tmp_path, Path(name)))
    assert [(p.kind, p.severity) for p in problems] == [
        ("replaced_characters", "warning"),
        ("unreadable", "error"),
    ]
    assert "\\xf1\\xf2\\xe0\\xf2\\xfc\\xff.txt is not a regular file" in problems[1].message
    rows = [row for p in problems for row in error_rows(p)]
    assert to_arrow("errors", rows).num_rows == 2
