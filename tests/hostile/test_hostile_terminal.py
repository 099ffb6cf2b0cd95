"""Article text, ids, titles and paths are data: never Rich markup, never terminal commands,
never HTML. Each case goes through the real command and the real models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rusnews.cli import app
from rusnews.model import Article
from rusnews.show import highlighted, render_html
from rusnews.terminal import visible
from typer.testing import CliRunner

runner = CliRunner()

ESC = "\x1b"
# A title and id that Rich would read as markup ("[/]" even fails), a text with
# terminal colour codes, a right-to-left override and a backspace.
HOSTILE = {
    "id": "[/]id[bold]",
    "title": "[bold]Заголовок[/bold] <script>alert(1)</script>",
    "text": (
        "Москва.\r\nСергей Лавров встретился с \x1b[31mАнтони Блинкеном\x1b[0m в Минске."
        " \u202eтекст\u202c и\x08 <img src=x onerror=alert(1)>"
    ),
}


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "in[" / "]dir[bold]"  # a path holding "[/]"
    folder.mkdir(parents=True)
    path = folder / "article.jsonl"
    path.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Сергей Лавров", "Сергей Лавров"),
        ("красный \x1b[31mцвет\x1b[0m", "красный \\x1b[31mцвет\\x1b[0m"),
        ("строка\r\nвторая\rтретья\tтаб", "строка\nвторая\nтретья\tтаб"),
        ("\u202eнаоборот\u202c", "\\u202eнаоборот\\u202c"),
        ("имя\u200bфамилия\ufeff", "имя\\u200bфамилия\\ufeff"),
        ("звонок\x07 \x08назад \x00", "звонок\\x07 \\x08назад \\x00"),
        ("\ud800 Москва", "\\ud800 Москва"),  # a lone surrogate cannot even be encoded
        ("[bold]не стиль[/]", "[bold]не стиль[/]"),  # markup is Rich's business: see below
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_show_prints_the_article_as_data(hostile_file: Path) -> None:
    result = runner.invoke(app, ["show", str(hostile_file)])
    assert result.exit_code == 0, result.output
    for raw in (ESC, "\u202e", "\x08"):
        assert raw not in result.output
    assert "\\x1b[31mАнтони Блинкеном\\x1b[0m" in result.output
    assert "\\u202eтекст\\u202c" in result.output
    assert HOSTILE["id"] in result.output  # in the rule above the text, unstyled and whole


def test_show_finds_the_record_by_a_markup_like_id(hostile_file: Path) -> None:
    result = runner.invoke(app, ["show", str(hostile_file), "--id", HOSTILE["id"]])
    assert result.exit_code == 0, result.output


def test_show_says_a_missing_id_plainly(hostile_file: Path) -> None:
    result = runner.invoke(app, ["show", str(hostile_file), "--id", "[/]нет[red]"])
    assert result.exit_code == 2
    assert "no article to show" in result.output and str(hostile_file) in result.output


def test_highlight_covers_each_name_although_the_text_changes_length(pipe) -> None:
    # Rich drops "\r" and escapes make text longer: the styles must still sit on the names.
    article = pipe.process([Article("a", HOSTILE["text"])])[0]
    outermost, covered_to = [], -1
    for m in article.mentions:
        if m.start >= covered_to:
            outermost.append(m)
            covered_to = m.end
    assert len(outermost) >= 3, [m.text for m in article.mentions]
    shown = highlighted(article)
    assert shown.plain == visible(article.text)
    assert [shown.plain[span.start : span.end] for span in shown.spans] == [
        visible(m.text) for m in outermost
    ]


def test_run_prints_paths_as_data(
    hostile_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short -o, which the summary's title holds in one piece
    out = "o[/]p[bold]"
    result = runner.invoke(
        app, ["run", str(hostile_file.parent), "-o", out, "--no-progress", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    assert f"rusnews run → {out}" in result.output


def test_run_refusal_prints_paths_as_data(tmp_path: Path) -> None:
    missing = tmp_path / "нет[/]такой[bold]"
    result = runner.invoke(app, ["run", str(missing), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert str(missing) in result.output


def test_show_html_escapes_everything_from_the_article(hostile_file: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "page.html"
    result = runner.invoke(app, ["show", str(hostile_file), "--html", str(page_path)])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_html_title_falls_back_to_the_escaped_id() -> None:
    page = render_html(Article("<b onmouseover=alert(1)>id</b>", "Текст."))
    assert "<b " not in page
    assert "&lt;b onmouseover=alert(1)&gt;id&lt;/b&gt;" in page
