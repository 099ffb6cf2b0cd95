"""Failures a user can cause: one line on stderr saying what, where and what to do, exit 2.

Each case runs the installed `rusnews` command in its own process, as a user
would: signals, exit codes and what reaches the terminal are the point.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rusnews import __version__

from tests.conftest import ROOT, SAMPLE

# The console script beside this Python, as a user runs it; else the module.
SCRIPT = Path(sys.executable).with_name("rusnews")
RUSNEWS = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "rusnews.cli"]
FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def rusnews(*args: str, **popen: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*RUSNEWS, *args], capture_output=True, text=True, timeout=600, check=False, **popen
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The answer is one `error:` line naming each of `words`, and no traceback."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Traceback" not in result.stderr + result.stdout
    return lines[0]


def test_version() -> None:
    result = rusnews("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"rusnews {__version__}"


@pytest.mark.parametrize("command", [[], ["run"], ["eval"], ["show"], ["report"], ["bench"]])
def test_dash_h_is_help_on_every_command(command: list[str]) -> None:
    result = rusnews(*command, "-h")
    assert result.returncode == 0, result.stderr
    assert "Usage: rusnews" in result.stdout and "--help" in result.stdout


def test_run_help_gives_the_output_default() -> None:
    result = rusnews("run", "-h", env={**os.environ, "COLUMNS": "250"})
    assert "[default: outputs/run]" in result.stdout


def test_output_path_that_is_a_file(tmp_path: Path) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder", encoding="utf-8")
    line = assert_one_line(rusnews("run", str(SAMPLE), "-o", str(taken)), str(taken), "-o")
    assert "is a file" in line
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_output_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    out = tmp_path / "file" / "out"
    assert_one_line(rusnews("run", str(SAMPLE), "-o", str(out), "--no-progress"), "-o")


def _writes_refused(folder: Path) -> bool:
    try:
        (folder / "probe").write_text("x", encoding="utf-8")
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder no write reaches: by its mode, or, for root (whom modes do not stop),
    by ext4's immutable flag; skipped where neither holds."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if not _writes_refused(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], check=False).returncode == 0
    try:
        if not _writes_refused(folder):
            pytest.skip("no way to make a folder read-only here (root, and no chattr +i)")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        folder.chmod(0o755)


def test_read_only_output_folder(read_only_folder: Path) -> None:
    result = rusnews("run", str(SAMPLE), "-o", str(read_only_folder), "--no-progress")
    line = assert_one_line(result, str(read_only_folder), "-o")
    assert "rerun" in line


def test_read_only_output_folder_with_debug_shows_the_traceback(read_only_folder: Path) -> None:
    result = rusnews("--debug", "run", str(SAMPLE), "-o", str(read_only_folder), "--no-progress")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


@pytest.mark.slow
def test_full_disk(tmp_path: Path) -> None:
    """A real full disk: a 64 KiB tmpfs, mounted in a mount namespace of the run's own."""
    unshare = shutil.which("unshare")
    disk = tmp_path / "disk"
    disk.mkdir()
    probe = subprocess.run(
        [unshare or "unshare", "-m", "mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
        capture_output=True,
        check=False,
    )
    if unshare is None or probe.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {probe.stderr.decode(errors='replace')}")
    out = disk / "out"
    run = [*RUSNEWS, "run", str(SAMPLE), "-o", str(out), "--no-progress", "--workers", "1"]
    command = f"mount -t tmpfs -o size=64k tmpfs {shlex.quote(str(disk))} && exec {shlex.join(run)}"
    result = subprocess.run(
        [unshare, "-m", "sh", "-c", command],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=ROOT,
    )
    line = assert_one_line(result, "No space left on device", "-o")
    assert "Free some space" in line


@pytest.mark.parametrize(
    ("gold", "fmt"),
    [
        (ROOT / "corpora" / "sample-gold.jsonl", "factru"),  # a file given as a folder format
        (FIXTURES / "factru", "brat"),  # no .ann files
        (FIXTURES / "brat", "factru"),  # no .spans/.objects files
        (SAMPLE, "jsonl"),  # articles, not gold: no record has `mentions`
    ],
)
def test_eval_with_a_format_that_does_not_fit_the_gold(gold: Path, fmt: str) -> None:
    assert_one_line(rusnews("eval", str(gold), "--format", fmt), "--format", str(gold))


def test_eval_with_an_unknown_format() -> None:
    result = rusnews("eval", str(FIXTURES / "factru"), "--format", "xml")
    assert result.returncode == 2
    assert "'xml' is not one of" in result.stderr and "Traceback" not in result.stderr


def test_eval_with_debug_shows_the_traceback() -> None:
    result = rusnews("--debug", "eval", str(FIXTURES / "factru"), "--format", "brat")
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "GoldFormatError" in result.stderr


# --- Ctrl-C and SIGTERM during a run -------------------------------------------------


SHARDS = 20


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough one-article shards that a run is still going when the first one finishes."""
    folder = tmp_path_factory.mktemp("many")
    for i in range(SHARDS):
        text = f"Сергей Лавров {i + 1} декабря прибыл в Минск на переговоры."
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _default_interrupts() -> None:
    # A shell without job control starts background jobs with SIGINT ignored,
    # and exec keeps it so: give the run the disposition a terminal would.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _stop_after_first_shard(args: list[str], out: Path, signum: int) -> tuple[int, str, int]:
    """Run, send `signum` to the run's whole process group (as a terminal's Ctrl-C does)
    once a shard has finished; the exit code, stderr and the shards then finished."""
    done = out / "parts" / "_done"
    process = subprocess.Popen(
        [*RUSNEWS, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=_default_interrupts,
    )
    try:
        while not (done.is_dir() and any(done.iterdir())):
            if process.poll() is not None:
                pytest.fail(f"the run ended before it could be stopped: {process.stderr.read()}")
            try:
                process.wait(timeout=0.05)
            except subprocess.TimeoutExpired:
                pass
        os.killpg(process.pid, signum)
        _, stderr = process.communicate(timeout=600)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, stderr, len(list(done.iterdir()))


ENGINES = [
    pytest.param(signal.SIGTERM, ["--workers", "1"], id="SIGTERM-serial"),
    pytest.param(signal.SIGINT, ["--workers", "2"], id="SIGINT-pool"),
]
try:
    import distributed  # noqa: F401 - only probing for the rusnews[dask] extra

    ENGINES.append(
        pytest.param(signal.SIGINT, ["--workers", "2", "--engine", "dask"], id="SIGINT-dask")
    )
except ImportError:
    pass


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "engine"), ENGINES)
def test_a_stopped_run_says_so_and_the_rerun_resumes(
    many_articles: Path, tmp_path: Path, signum: int, engine: list[str]
) -> None:
    out = tmp_path / "out"
    args = ["run", str(many_articles), "-o", str(out), "--no-progress", "--shard-size", "1"]
    code, stderr, finished = _stop_after_first_shard([*args, *engine], out, signum)
    assert code == 128 + signum, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "stopped by" in lines[0] and "run the same command again" in lines[0]
    assert str(out) in lines[0]
    assert 1 <= finished < SHARDS  # no shard started after the signal kept the run going
    rerun = rusnews(*args, "--workers", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"({finished} done by an earlier run, kept)" in rerun.stdout
