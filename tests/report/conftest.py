"""A real run of the sample corpus for the report tests, and hand-made runs for the edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from rusnews.cli import app
from rusnews.io.tables import to_arrow, write_table
from rusnews.schema import TABLES, Row
from typer.testing import CliRunner

from tests.conftest import SAMPLE


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-run")
    result = CliRunner().invoke(app, ["run", str(SAMPLE), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


def write_run(run_dir: Path, **tables: list[Row]) -> Path:
    """A run folder whose tables hold the given rows (every table present, most empty)."""
    for name in TABLES:
        write_table(to_arrow(name, tables.get(name, [])), run_dir, name)
    return run_dir
