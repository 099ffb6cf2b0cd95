"""Shared fixtures: real models, loaded once per session; the gold corpora when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Every pipeline the tests build checks around each stage that it sets what it declares and
# changes nothing else (rusnews.stages.checks); worker processes inherit it.
os.environ.setdefault("RUSNEWS_CHECK_STAGES", "1")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"
SEED = SHARED_CORPORA / "seed"


def need_corpus(path: Path) -> None:
    if not path.exists():
        pytest.skip(
            f"gold corpus not found at {path} "
            "(it lives outside the repository, in ../shared/corpora)"
        )


@pytest.fixture(scope="session")
def pipe():
    from rusnews.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    need_corpus(SEED)
    return SEED


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's, in a process of its own) on 127.0.0.1 at a free port.

    Its settings go into this process's environment, where s3fs (and any worker
    process started from here) reads them, as it would a real store's. Yields
    those environment variables, for processes started with an environment of
    their own. A process of its own, not a thread: the pipeline would hold the
    interpreter lock while the server has requests to answer.
    """
    import socket
    import subprocess
    import sys
    import time

    pytest.importorskip("s3fs", reason="the s3 extra (s3fs) is not installed")
    pytest.importorskip("moto.server", reason="moto[server] is not installed")
    port = _free_port()
    code = "from moto.server import main; main()"
    server = subprocess.Popen(
        [sys.executable, "-c", code, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"moto's S3 server did not start on port {port}")
            time.sleep(0.1)
    settings = {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": "rusnews-test",
        "AWS_SECRET_ACCESS_KEY": "rusnews-test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield settings
    finally:
        server.terminate()
        server.wait(timeout=30)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def bucket(s3_server: dict[str, str]) -> str:
    """A new, empty bucket on the test server for one test: its `s3://` URL."""
    import uuid

    import fsspec

    name = f"rusnews-{uuid.uuid4().hex[:12]}"
    fsspec.filesystem("s3").mkdir(name)
    return f"s3://{name}"
