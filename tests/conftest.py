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


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's) on 127.0.0.1 at a free port, and its settings.

    The settings go into this process's environment, where s3fs (and any worker
    process started from here) reads them, as it would a real store's.
    Yields the environment variables a separate process needs to reach it.
    """
    pytest.importorskip("s3fs", reason="the s3 extra (s3fs) is not installed")
    server_module = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    settings = {
        "AWS_ENDPOINT_URL": f"http://{host}:{port}",
        "AWS_ACCESS_KEY_ID": "rusnews-test",
        "AWS_SECRET_ACCESS_KEY": "rusnews-test",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        yield settings
    finally:
        server.stop()
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
