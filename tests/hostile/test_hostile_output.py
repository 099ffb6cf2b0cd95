"""Hostile folders around a run: files that are no articles, links out of the input, an output
folder inside the input or holding another run, an empty input. Each gets its row or its one
line, and never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from rusnews.cli import app
from rusnews.report import render_report
from typer.testing import CliRunner

from tests.hostile.fixtures import GOOD

runner = CliRunner()
OPTIONS = ["--no-progress", "--workers", "1"]
SECRET = "root:x:0:0:root:/root:/bin/bash\n"

# kind of input -> (path under the input folder, the `errors` kind it gets)
ROWS = {
    "CSV table": ("data/table.csv", "unsupported_format"),
    "Markdown notes": ("notes.md", "unsupported_format"),
    "file without extension": ("docs/README", "unsupported_format"),
    "link to a file outside the input": ("p.txt", "outside_input"),
    "link to a folder outside the input": ("elsewhere", "outside_input"),
}


def _invoke(*args: str | Path):
    return runner.invoke(app, [str(arg) for arg in args])


def _build(root: Path) -> Path:
    """The input folder: good articles, each case of ROWS, and a link that stays inside."""
    folder, outside = root / "in", root / "outside"
    for rel, text in GOOD.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    for rel in ("data/table.csv", "notes.md", "docs/README"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text("id,text\n1,Москва\n", encoding="utf-8")
    (outside / "folder").mkdir(parents=True)
    (outside / "passwd").write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "far.txt").write_text("Далёкая статья о Казани.", encoding="utf-8")
    (folder / "p.txt").symlink_to(outside / "passwd")
    (folder / "elsewhere").symlink_to(outside / "folder", target_is_directory=True)
    (folder / "visit-again.txt").symlink_to(folder / "good" / "visit.txt")
    return folder


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in ("articles", "errors")}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile-output")
    folder = _build(root)
    out = folder / "run"  # inside the input: must never be read as input
    for attempt in ("first run", "rerun"):
        result = _invoke("run", folder, "-o", out, *OPTIONS)
        assert result.exit_code == 0, f"{attempt}: {result.output}"
    return folder, out


@pytest.mark.parametrize("kind", list(ROWS))
def test_each_file_that_is_not_read_has_its_row(hostile: tuple[Path, Path], kind: str) -> None:
    folder, out = hostile
    rel, expected = ROWS[kind]
    errors = _tables(out)["errors"]
    rows = errors[errors["path"] == str(folder / rel)]
    assert rows["kind"].tolist() == [expected], errors[["path", "kind"]].to_string()
    assert rel.rsplit(".", 1)[0] in rows["article_id"].iloc[0]


def test_no_file_outside_the_input_and_no_run_file_is_read(hostile: tuple[Path, Path]) -> None:
    folder, out = hostile
    tables = _tables(out)
    assert SECRET not in tables["articles"]["text"].tolist()
    assert sorted(tables["articles"]["article_id"]) == ["good/visit", "talks", "visit-again"]
    assert not tables["errors"]["path"].str.startswith(str(out)).any()
    assert len(tables["errors"]) == len(ROWS)  # nothing from run/: no manifest, marker or table


def test_the_report_says_which_inputs_were_not_read(hostile: tuple[Path, Path]) -> None:
    page = render_report(hostile[1])
    assert f"Inputs that could not be read: {len(ROWS)} " in page
    assert "every input was read" not in page.lower()


def test_links_outside_are_read_when_asked(hostile: tuple[Path, Path], tmp_path: Path) -> None:
    folder, _ = hostile
    out = tmp_path / "out"
    result = _invoke("run", folder, "-o", out, "--follow-links-outside", *OPTIONS)
    assert result.exit_code == 0, result.output
    tables = _tables(out)
    assert {"p", "elsewhere/far"} <= set(tables["articles"]["article_id"])
    assert "outside_input" not in set(tables["errors"]["kind"])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["configuration"]["follow_links_outside"] is True


def _one_line_refusal(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and all(word in lines[0] for word in words), result.output


def test_a_run_of_another_input_is_refused_then_replaced(tmp_path: Path) -> None:
    first, second, out = tmp_path / "first", tmp_path / "second", tmp_path / "out"
    for folder, name in ((first, "a.txt"), (second, "b.txt")):
        folder.mkdir()
        (folder / name).write_text("Сергей Лавров прибыл в Минск.", encoding="utf-8")
    assert _invoke("run", first, "-o", out, *OPTIONS).exit_code == 0
    _one_line_refusal(_invoke("run", second, "-o", out, *OPTIONS), str(first), "--force")
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["a"]
    assert _invoke("run", second, "-o", out, "--force", *OPTIONS).exit_code == 0
    assert pd.read_parquet(out / "articles.parquet")["article_id"].tolist() == ["b"]


def test_the_same_input_spelled_otherwise_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in" / "x").mkdir(parents=True)
    (tmp_path / "in" / "x" / "a.txt").write_text("Лавров прибыл в Минск.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _invoke("run", "in/x", "-o", "out", *OPTIONS).exit_code == 0
    again = _invoke("run", tmp_path / "in" / "x", "-o", tmp_path / "out", *OPTIONS)
    assert again.exit_code == 0 and "done by an earlier run" in again.output, again.output


def test_an_empty_input_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _one_line_refusal(_invoke("run", tmp_path / "in", "-o", tmp_path / "out"), "no files to read")
    assert not (tmp_path / "out").exists()


def test_an_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Лавров прибыл в Минск.", encoding="utf-8")
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    _one_line_refusal(_invoke("run", tmp_path / "in", "-o", tmp_path / "out"), "is a file")
