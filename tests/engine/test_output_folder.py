"""The output folder is the run's own: one run's tables, one input, never read back as input."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from rusnews.engine.folders import RunRefused
from rusnews.engine.publish import publish
from rusnews.engine.runner import run
from rusnews.io.tables import read_table
from rusnews.report.summary import summarize
from rusnews.schema import TABLES

from tests.engine.conftest import assert_same_tables

ARTICLES = {
    "a.txt": "date 2025-12-03\nСергей Лавров прибыл в Минск.",
    "b.txt": "date 2025-12-04\nМинистр встретился с Каей Каллас в Брюсселе.",
    "sub/c.txt": "date 2025-12-05\nВ Астане прошёл форум.",
}


def _corpus(root: Path, articles: dict[str, str] = ARTICLES) -> Path:
    for rel, text in articles.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _run(corpus: Path, out: Path, **options):
    return run(corpus, out, workers=1, shard_size=2, progress=False, **options)


def _files(out: Path) -> set[str]:
    return {p.name for p in out.iterdir() if p.is_file()}


def _manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def test_tables_of_another_format_do_not_outlive_their_run(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    _run(corpus, out)
    (corpus / "b.txt").unlink()
    _run(corpus, out, formats=("csv",))
    tables = {f"{name}.csv" for name in TABLES}
    assert _files(out) == tables | {"manifest.json"}
    assert _manifest(out)["tables"] == sorted(tables)
    assert len(read_table(out, "articles")) == 2  # the CSV of this run, not the old Parquet
    assert summarize(out).n_articles == 2  # what `rusnews report` shows


def test_a_failed_publication_leaves_no_manifest_beside_mixed_tables(tmp_path: Path) -> None:
    corpus, out = _corpus(tmp_path / "in"), tmp_path / "out"
    _run(corpus, out)
    staging = out / ".staging-test"
    staging.mkdir()
    (staging / "articles.parquet").write_bytes((out / "articles.parquet").read_bytes())
    # The second table is missing from the staging folder: the publication stops after the
    # first rename, as a kill there would stop it.
    with pytest.raises(FileNotFoundError):
        publish(out, [staging / "articles.parquet", staging / "mentions.parquet"], {})
    assert not (out / "manifest.json").exists()
    # The rerun, with every shard done, publishes whole again.
    summary = _run(corpus, out)
    assert summary.n_resumed == summary.n_shards == 2
    assert _manifest(out)["tables"] == sorted(f"{name}.parquet" for name in TABLES)


def test_another_input_is_refused_and_force_replaces_it(tmp_path: Path) -> None:
    first = _corpus(tmp_path / "first")
    second = _corpus(tmp_path / "second", {"x.txt": "Путин прибыл в Казань."})
    out = tmp_path / "out"
    _run(first, out)
    with pytest.raises(RunRefused, match="holds the run of .*first.*--force"):
        _run(second, out)
    assert len(read_table(out, "articles")) == 3  # untouched
    summary = _run(second, out, resume=False)
    assert (summary.n_articles, summary.n_resumed) == (1, 0)
    assert _manifest(out)["input"] == str(second.resolve())
    assert sorted(p.stem for p in (out / "parts" / "_done").iterdir()) == ["shard-00000"]


def test_an_unfinished_run_of_another_input_is_refused_too(tmp_path: Path) -> None:
    first, out = _corpus(tmp_path / "first"), tmp_path / "out"
    _run(first, out)
    (out / "manifest.json").unlink()  # as after a kill: parts and markers, no manifest
    with pytest.raises(RunRefused, match="holds the run of"):
        _run(_corpus(tmp_path / "second"), out)


@pytest.mark.parametrize("spelling", ["in/x", "./in/x/", "ABSOLUTE", "in/../in/x"])
def test_resume_does_not_depend_on_how_input_is_spelled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    corpus = _corpus(tmp_path / "in" / "x")
    monkeypatch.chdir(tmp_path)
    first = _run(Path("in/x"), Path("out"))
    again = _run(Path(str(corpus) if spelling == "ABSOLUTE" else spelling), tmp_path / "out")
    assert (again.n_resumed, again.n_processed) == (first.n_shards, 0)
    paths = read_table(tmp_path / "out", "articles")["path"]
    assert paths.map(lambda p: Path(p).is_absolute()).all()


def test_an_output_folder_inside_the_input_is_never_read(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = corpus / "out"
    reference = _run(corpus, tmp_path / "reference")
    first = _run(corpus, out)
    rerun = _run(corpus, out)
    for summary in (first, rerun):
        assert (summary.n_articles, summary.n_errors) == (reference.n_articles, 0)
    assert rerun.n_resumed == rerun.n_shards
    assert_same_tables(tmp_path / "reference", out)


@pytest.mark.parametrize("where", ["file", "input"])
def test_an_output_that_cannot_be_the_runs_is_refused(tmp_path: Path, where: str) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "taken.parquet" if where == "file" else corpus
    if where == "file":
        out.write_bytes(b"PAR1")
    with pytest.raises(RunRefused, match="is a file" if where == "file" else "is the input"):
        _run(corpus, out)
    assert _files(corpus.parent) == ({"taken.parquet"} if where == "file" else set())


def test_an_empty_input_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / ".DS_Store").write_bytes(b"\x00")
    with pytest.raises(RunRefused, match="holds no files to read"):
        _run(tmp_path / "in", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX file size limits")
def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Tables outgrow a file size limit (EFBIG, as a full disk gives ENOSPC) while assembled."""
    import random
    import resource
    import subprocess

    from tests.conftest import ROOT

    # Random letters: Parquet's compression cannot shrink the articles table below the limit,
    # while each shard's parts (4 articles) stay well under it.
    letters = random.Random(0).choices("абвгдежзийклмнопрстуфхцчшщыэюя ", k=40 * 5000)
    corpus = _corpus(
        tmp_path / "in",
        {f"{i:02d}.txt": "".join(letters[i * 5000 : (i + 1) * 5000]) for i in range(40)},
    )
    out = tmp_path / "out"
    limit = 96 * 1024

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [sys.executable, "-m", "rusnews.cli", "run", str(corpus), "-o", str(out)]
    options = ["--workers", "1", "--shard-size", "4", "--stages", "ner", "--no-progress"]
    result = subprocess.run(
        [*command, *options],
        cwd=ROOT,
        preexec_fn=limited,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode != 0, "the tables stayed under the limit: the test proves nothing"
    # Shards were written (their parts are under the limit): assembling the tables failed.
    assert list((out / "parts" / "_done").glob("shard-*.json"))
    left = [p.relative_to(out) for p in out.rglob("*") if ".tmp-" in p.name or ".staging" in p.name]
    assert left == []
    assert not (out / "manifest.json").exists()
    shutil.rmtree(out)
