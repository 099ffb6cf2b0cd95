"""Runs whose input or output is on an object store: the same tables as a local run.

The store is moto's S3-compatible server on 127.0.0.1 (the `s3_server` and
`bucket` fixtures), or fsspec's in-process `memory://` store.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from rusnews.engine import completions
from rusnews.engine import publish as publish_module
from rusnews.engine.folders import RunRefused
from rusnews.engine.runner import run
from rusnews.eval import evaluate
from rusnews.io import storage
from rusnews.io.storage import ObjectPath, location
from rusnews.io.tables import TableAssembler, part_path, read_run, read_table_at
from rusnews.report import write_report
from rusnews.schema import SHARD_TABLES, TABLES

from tests.conftest import ROOT, SAMPLE
from tests.engine.conftest import copy_sample

OPTIONS = {"shard_size": 4, "batch_size": 3, "progress": False}  # the sample: 4 shards
PATH_COLUMNS = {"articles": "path", "errors": "path"}


def _run(source: object, target: object, **options: object):
    return run(source, target, workers=1, **{**OPTIONS, **options})  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local") / "out"
    _run(SAMPLE, out)
    return out


def table_bytes(run_dir: object) -> dict[str, bytes]:
    """Each published table file's bytes, found the way readers find them."""
    _, folder = storage.read_pointer(location(run_dir))  # type: ignore[arg-type]
    return {name: (folder / f"{name}.parquet").read_bytes() for name in TABLES}


def upload(folder: Path, target: str) -> ObjectPath:
    root = location(target)
    assert isinstance(root, ObjectPath)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            storage.write_atomic(root / path.relative_to(folder).as_posix(), path.read_bytes())
    return root


def test_memory_output_equals_local_output(local_run: Path) -> None:
    out = "memory://rusnews-tests/memory-run"
    try:
        # Two workers asked for: a store only this process sees keeps every shard here.
        summary = run(SAMPLE, out, workers=2, **OPTIONS)
        assert (summary.n_articles, summary.n_shards) == (13, 4)
        assert table_bytes(out) == table_bytes(local_run)
        with pytest.raises(RunRefused, match="memory:// output lives in this process only"):
            run(SAMPLE, out, engine="dask", **OPTIONS)
    finally:
        storage.remove_tree(location(out))


def test_s3_output_equals_local_output(local_run: Path, bucket: str) -> None:
    out = f"{bucket}/run"
    summary = _run(SAMPLE, out)
    assert (summary.n_articles, summary.n_shards, summary.n_resumed) == (13, 4, 0)
    assert table_bytes(out) == table_bytes(local_run)
    for name, frame in read_run(out).items():
        pd.testing.assert_frame_equal(frame, read_run(local_run)[name], obj=name)
    # The tables live under a fresh prefix; manifest.json at the top names it.
    manifest, folder = storage.read_pointer(location(out))
    assert manifest is not None and manifest["tables_at"].startswith("published/")
    assert sorted(manifest["tables"]) == sorted(f"{name}.parquet" for name in TABLES)
    assert folder != location(out) and not (location(out) / "articles.parquet").exists()


@pytest.mark.slow
def test_s3_input_and_output_equal_local_tables_but_for_the_paths(
    local_run: Path, bucket: str
) -> None:
    source = upload(SAMPLE, f"{bucket}/in")
    out = f"{bucket}/out/"  # a trailing slash names the same prefix
    _run(f"{source}/", out)
    remote, local = read_run(out), read_run(local_run)
    for name in TABLES:
        column = PATH_COLUMNS.get(name)
        if column:
            expected = [
                f"{source}/{Path(p).relative_to(SAMPLE).as_posix()}" for p in local[name][column]
            ]
            assert remote[name][column].tolist() == expected
        pd.testing.assert_frame_equal(
            remote[name].drop(columns=[column] if column else []),
            local[name].drop(columns=[column] if column else []),
            obj=name,
        )


@pytest.mark.slow
def test_resume_on_s3(local_run: Path, bucket: str) -> None:
    out = f"{bucket}/resume"
    _run(SAMPLE, out)
    again = _run(SAMPLE, out)
    assert (again.n_resumed, again.n_processed) == (4, 0)
    # As if killed while writing shard 2: no marker yet, one part half there.
    run_dir = location(out)
    completions.remove_marker(run_dir, "shard-00002")
    storage.write_atomic(part_path(run_dir, "mentions", "shard-00002"), b"garbage")
    redone = _run(SAMPLE, out)
    assert (redone.n_resumed, redone.n_shards) == (3, 4)
    assert table_bytes(out) == table_bytes(local_run)
    # Publications: this run's and the one before, for a reader that followed the old pointer.
    assert len(storage.list_folder(run_dir / storage.PUBLISHED)) == 2


def _corpus(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True)
    for name in names:
        (root / name).write_bytes((SAMPLE / name).read_bytes())
    return root


def test_a_reader_never_sees_a_half_published_run(
    tmp_path: Path, bucket: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _corpus(tmp_path / "a", ["kz-eu-readmission.txt", "lavrov-minsk.txt"])
    second = _corpus(tmp_path / "b", ["shymkent-water.json", "duma-digital-ruble.txt"])
    out = location(f"{bucket}/atomic")
    _run(first, out, shard_size=1)
    runs = {
        frozenset({"kz-eu-readmission", "lavrov-minsk"}): "a",
        frozenset({"shymkent-water-plant", "duma-digital-ruble"}): "b",
    }
    seen: list[str] = []
    broken: list[str] = []
    done = threading.Event()

    def read_once() -> None:
        manifest, folder = storage.read_pointer(out)
        articles = read_table_at(folder, "articles")
        mentions = read_table_at(folder, "mentions")
        ids = frozenset(articles["article_id"])
        if ids not in runs or not set(mentions["article_id"]) <= ids:
            broken.append(f"articles {sorted(ids)}, mentions of {set(mentions['article_id'])}")
        elif manifest is None or manifest["counts"]["mentions"] != len(mentions):
            broken.append(f"manifest of another run than the tables: {sorted(ids)}")
        else:
            seen.append(runs[ids])

    def read_while_publishing() -> None:
        while not done.is_set():
            read_once()
        read_once()  # and once after the run returned

    # Reads at the narrowest moments too: every table of the second run is whole under its
    # prefix, the pointer not yet written; and the pointer just written, old tables removed.
    real_publish = publish_module.publish_pointer

    def publish_between_reads(*args: object, **kwargs: object) -> None:
        read_once()
        assert seen[-1] == "a"
        real_publish(*args, **kwargs)  # type: ignore[arg-type]
        read_once()
        assert seen[-1] == "b"

    monkeypatch.setattr(publish_module, "publish_pointer", publish_between_reads)

    reader = threading.Thread(target=read_while_publishing)
    reader.start()
    try:
        # Another input into the same prefix (--force): its tables replace the first run's.
        _run(second, out, shard_size=1, resume=False)
    finally:
        done.set()
        reader.join(timeout=60)
    assert broken == []
    assert seen[0] == "a" and seen[-1] == "b"
    assert "".join(seen).count("ab") == 1  # one switch, never back


@pytest.mark.slow
def test_a_run_killed_before_its_pointer_leaves_the_earlier_run_published(
    local_run: Path, bucket: str
) -> None:
    out = location(f"{bucket}/killed")
    _run(SAMPLE, out)
    before = table_bytes(out)
    # A second run got as far as staging every table, then died before the pointer.
    assembler = TableAssembler(out)
    for idx in range(4):
        sid = f"shard-{idx:05d}"
        assembler.append({name: part_path(out, name, sid) for name in SHARD_TABLES})
    staged = assembler.finish()
    assert all(path.exists() for path in staged)
    assert table_bytes(out) == before
    # The next run cleans the dead run's prefix up and publishes its own.
    summary = _run(SAMPLE, out)
    assert summary.n_resumed == 4
    assert not any(path.exists() for path in staged)
    assert table_bytes(out) == table_bytes(local_run)


def test_an_unreadable_object_is_an_errors_row(bucket: str) -> None:
    import fsspec

    source = upload(SAMPLE / "regions", f"{bucket}/in")
    # An archived object (S3 Glacier, not restored) is listed but cannot be read.
    where = {"Bucket": source.bucket.path, "Key": f"{source.path.split('/', 1)[1]}/old.txt"}
    body = "Архивная статья.".encode()
    fsspec.filesystem("s3").call_s3("put_object", Body=body, StorageClass="GLACIER", **where)
    out = f"{bucket}/out"
    summary = _run(source, out)
    errors = read_run(out)["errors"]
    row = errors[errors["article_id"] == "old"].iloc[0]
    assert (row["kind"], row["stage"], row["path"]) == ("unreadable", "read", f"{source}/old.txt")
    assert "storage class" in row["message"]
    assert summary.n_articles == len(list((SAMPLE / "regions").glob("*.txt")))


def test_a_missing_bucket_is_refused_before_anything_runs(bucket: str) -> None:
    from rusnews.cli import app
    from typer.testing import CliRunner

    missing = "s3://rusnews-no-such-bucket"
    with pytest.raises(RunRefused, match="rusnews-no-such-bucket does not exist"):
        _run(SAMPLE, f"{missing}/out")
    runner = CliRunner()
    result = runner.invoke(app, ["run", f"{missing}/in", "-o", f"{bucket}/out"])
    assert result.exit_code == 2
    assert f"input path {missing}/in does not exist" in " ".join(result.output.split())
    result = runner.invoke(app, ["run", str(SAMPLE), "-o", f"{missing}/out", "--no-progress"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "rusnews-no-such-bucket does not exist" in " ".join(result.output.split())


@pytest.mark.slow
def test_report_and_eval_read_a_run_on_s3(local_run: Path, bucket: str) -> None:
    from rusnews.report import summarize

    out = f"{bucket}/readers"
    _run(SAMPLE, out)
    written = write_report(out)
    assert str(written) == f"{out}/report.html"
    assert "rusnews run: readers" in written.read_text(encoding="utf-8")
    remote, local = summarize(out), summarize(local_run)
    for field in ("n_articles", "mentions_by_label", "n_entities", "n_events", "top", "timeline"):
        assert getattr(remote, field) == getattr(local, field), field
    gold = ROOT / "corpora" / "sample-gold.jsonl"
    scored = evaluate(gold, "jsonl", run_dir=out)
    expected = evaluate(gold, "jsonl", run_dir=local_run)
    assert scored["profile"] == expected["profile"] == "names"
    assert scored["scores"] == expected["scores"] and scored["scores"]
    assert scored["normalization"] == expected["normalization"]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_on_s3_then_rerun_gives_the_uninterrupted_tables(
    tmp_path: Path, bucket: str
) -> None:
    import fsspec

    corpus = copy_sample(tmp_path / "in", 3)  # 25 articles, 15 reader problems: 13 shards
    options = {"shard_size": 2, "batch_size": 2, "progress": False}
    reference = tmp_path / "reference"
    run(corpus, reference, workers=1, **options)
    out = f"{bucket}/killed"
    command = [sys.executable, "-m", "rusnews.cli", "run", str(corpus), "-o", out]
    command += ["--workers", "1", "--shard-size", "2", "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True, stderr=subprocess.PIPE)
    fs, done = fsspec.filesystem("s3"), location(out) / "parts" / "_done"
    deadline = time.monotonic() + 240
    try:
        while not (fs.exists(done.path) and fs.ls(done.path, refresh=True)):
            assert proc.poll() is None, f"run ended before any shard: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "no shard finished in time"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert storage.read_pointer(location(out))[0] is None, "the run finished before the kill"
    rerun = run(corpus, out, workers=1, **options)
    assert 1 <= rerun.n_resumed < rerun.n_shards == 13
    assert table_bytes(out) == table_bytes(reference)
