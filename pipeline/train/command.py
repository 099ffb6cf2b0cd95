"""`rusnews train ...`: rebuild the learned models from the gold corpora."""

from __future__ import annotations

from pathlib import Path

import typer
from rusnews.stages.events.lexicon import EVENTS_DIR

train_app = typer.Typer(
    help="Rebuild the learned models from the gold corpora (needs the `train` extra).",
    no_args_is_help=True,
)


@train_app.command("events")
def events_command(
    corpora: Path = typer.Option(
        Path("../shared/corpora"), "--corpora", help="Folder holding nerel-train/."
    ),
    out: Path = typer.Option(EVENTS_DIR, "--out", help="Where the .npz models go."),
    limit: int = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
) -> None:
    """Trigger detector, argument role classifier and occupation models, from NEREL train only."""
    try:
        import sklearn  # noqa: F401
    except ModuleNotFoundError:
        typer.echo("rusnews train needs scikit-learn: pip install 'rusnews[train]'", err=True)
        raise typer.Exit(2) from None
    from rusnews.train.events import train_events

    folder = corpora / "nerel-train"
    if not folder.is_dir():
        typer.echo(
            f"rusnews train events: {folder} not found; give the folder holding it with --corpora",
            err=True,
        )
        raise typer.Exit(2)
    train_events(corpora, out, limit, say=typer.echo)


@train_app.command("names")
def names_command(
    corpora: Path = typer.Option(
        Path("../shared/corpora"),
        "--corpora",
        help="Folder holding nerel-train/, factru-dev/ and collection5-dev/.",
    ),
    out: Path = typer.Option(None, "--out", help="Where the .npz model goes."),
    limit: int = typer.Option(
        None, "--limit", min=1, help="Only the first N documents of each corpus."
    ),
) -> None:
    """The mention confidence, from NEREL train, factRuEval dev and Collection5's first half,
    with each convention's threshold and figures by 5-fold cross-validation by document."""
    try:
        import sklearn  # noqa: F401
    except ModuleNotFoundError:
        typer.echo("rusnews train needs scikit-learn: pip install 'rusnews[train]'", err=True)
        raise typer.Exit(2) from None
    from rusnews.train.names import CORPORA, train_names
    from rusnews.views import CONFIDENCE_MODEL

    missing = [c.folder for c in CORPORA if not (corpora / c.folder).is_dir()]
    if missing:
        typer.echo(
            f"rusnews train names: {', '.join(missing)} not found in {corpora}; "
            "give the folder holding them with --corpora",
            err=True,
        )
        raise typer.Exit(2)
    train_names(corpora, out or CONFIDENCE_MODEL, limit, say=typer.echo)
