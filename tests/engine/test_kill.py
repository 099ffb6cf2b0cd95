"""A run killed with SIGKILL mid-way, then rerun, writes exactly the tables of an uninterrupted
run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rusnews.engine.runner import run

from tests.conftest import ROOT
from tests.engine.conftest import assert_same_tables, copy_sample

# Two runs over 151 articles in subprocesses, one of them killed.
pytestmark = pytest.mark.slow

OPTIONS = ["--shard-size", "10", "--batch-size", "5", "--no-progress"]


def _command(corpus: Path, out: Path, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "rusnews.cli",
        "run",
        str(corpus),
        "-o",
        str(out),
        "--workers",
        str(workers),
        *OPTIONS,
    ]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_sigkill_then_rerun_gives_the_uninterrupted_tables(tmp_path: Path) -> None:
    corpus = copy_sample(tmp_path / "in", 24)  # 151 articles, 162 reader problems, 16 shards
    reference, out = tmp_path / "reference", tmp_path / "out"
    run(corpus, reference, workers=1, shard_size=10, batch_size=5, progress=False)

    # Its own process group, so the kill takes the workers down with the run.
    proc = subprocess.Popen(
        _command(corpus, out, workers=2),
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    done = out / "parts" / "_done"
    deadline = time.monotonic() + 240
    try:
        while not any(done.glob("shard-*.json")):
            assert proc.poll() is None, (
                f"run ended before any shard finished: {proc.stderr.read().decode()}"
            )
            assert time.monotonic() < deadline, "no shard finished in time"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    finished = len(list(done.glob("shard-*.json")))
    assert not (out / "manifest.json").exists(), "the run finished before it was killed"
    assert 1 <= finished < 16

    rerun = subprocess.run(
        _command(corpus, out, workers=2),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert "done by an earlier run" in rerun.stdout
    assert_same_tables(reference, out)
    assert not list(out.rglob(".*.tmp-*")), "a half-written file was left behind"
