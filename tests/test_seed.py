"""The real seed article through `rusnews run`: the acceptance expectations of the foundation.

The expectations live in tests/seed_expectations.py, which .ci/wheel-check
also runs against an installed wheel.
"""

from pathlib import Path

import pytest
from rusnews.cli import app
from typer.testing import CliRunner

from tests.seed_expectations import CHECKS, Check


@pytest.fixture(scope="module")
def seed_run(seed_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    result = CliRunner().invoke(app, ["run", str(seed_dir), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("check", CHECKS.values(), ids=CHECKS.keys())
def test_seed_expectation(seed_run: Path, check: Check) -> None:
    assert check(seed_run) is None
