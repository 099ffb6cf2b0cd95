"""`rusnews run`: the pipeline over a folder or file of articles, into tables."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table
from rusnews.cli_app import (
    PROFILE_HELP,
    EngineName,
    Profile,
    StageSet,
    TableFormat,
    app,
    fail,
    plain_errors,
)
from rusnews.terminal import plain


@app.command("run")
@plain_errors(output="output", option="-o", resumes=True)
def run_command(
    input_path: str = typer.Argument(
        ...,
        help="Folder (searched recursively) or file of .txt/.json/.jsonl articles; "
        "or a URL of one (s3://bucket/in, gs://..., memory://...).",
    ),
    output: str = typer.Option(
        "outputs/run",
        "-o",
        "--output",
        help="Folder for the tables and manifest.json, made if missing; or a URL "
        "(s3://bucket/run).",
        show_default=True,
    ),
    fmt: TableFormat = typer.Option(
        TableFormat.parquet, "--format", help="Table format: parquet, csv or both."
    ),
    workers: int = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Worker processes, each loading the models once (default: the number of cores).",
    ),
    batch_size: int = typer.Option(
        32, "--batch-size", min=1, help="Articles per batch fed to the models."
    ),
    shard_size: int = typer.Option(
        100,
        "--shard-size",
        min=1,
        help="Articles per shard: the unit of work, of table parts and of resuming.",
    ),
    stages: StageSet = typer.Option(
        StageSet.full,
        "--stages",
        help="full: every stage; ner: names only (segment, NER, boundary repair).",
    ),
    engine: EngineName = typer.Option(
        EngineName.local, "--engine", help="local: process pool; dask: a Dask cluster."
    ),
    scheduler: str = typer.Option(
        None,
        "--scheduler",
        help="Dask scheduler address (with --engine dask; default: a LocalCluster).",
    ),
    resume: bool = typer.Option(
        True,
        "--resume/--force",
        help="Skip shards an earlier run of the same input finished (default), or redo all "
        "(--force also replaces the run of another input in the -o folder).",
    ),
    progress: bool = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: when stderr is a terminal)."
    ),
    time_limit: float = typer.Option(
        120.0,
        "--time-limit",
        min=0,
        help="Seconds one article may take before it is skipped with an errors row (0: no limit).",
    ),
    profile: Profile = typer.Option(Profile.names, "--profile", help=PROFILE_HELP),
    follow_links_outside: bool = typer.Option(
        False,
        "--follow-links-outside",
        help="Also read links that lead outside INPUT (default: an outside_input row each).",
    ),
    window_days: int = typer.Option(
        3,
        "--window-days",
        min=0,
        help="Days apart two events of one story may be, and a surname and the full name it "
        "stands for (corpus_entities, stories).",
    ),
) -> None:
    """Run the pipeline over INPUT: tables of articles, mentions, entities, events and errors.

    Ctrl-C or SIGTERM stops the run at once (exit 130 or 143); finished shards
    stay in the output folder, and the same command run again resumes.
    """
    from rusnews.engine.runner import run
    from rusnews.engine.stopping import stop_on_signals
    from rusnews.io.storage import location

    source, target = location(input_path), location(output)
    if not source.exists():
        fail(
            f"input path {source} does not exist.",
            "Give a folder of .txt/.json/.jsonl news articles (or the URL of one, "
            "in a bucket that exists and these credentials may read).",
        )
    if scheduler and engine is not EngineName.dask:
        fail(
            "--scheduler works with --engine dask only.", "Add --engine dask, or drop --scheduler."
        )
    if stages is StageSet.ner and profile is not Profile.names:
        fail(
            f"--profile {profile.value} needs --stages full.",
            "The ner stage set finds the tagger's names only; "
            "the profile's extra mentions need morphology.",
        )
    if target.exists() and not target.is_dir():
        fail(
            f"the output path {target} is a file, not a folder.",
            "Give -o a folder (it is made if missing), or move the file away.",
        )
    formats = ("parquet", "csv") if fmt is TableFormat.both else (fmt.value,)
    with stop_on_signals():
        summary = run(
            source,
            target,
            formats=formats,
            workers=workers,
            batch_size=batch_size,
            shard_size=shard_size,
            stages=stages.value,
            engine=engine.value,
            scheduler=scheduler,
            resume=resume,
            progress=progress,
            time_limit=time_limit or None,
            profile=profile.value,
            follow_links_outside=follow_links_outside,
            window_days=window_days,
        )
    table = Table(title=plain(f"rusnews run → {target}"), show_header=False)
    table.add_row("articles", str(summary.n_articles))
    for label in ("PER", "ORG", "LOC", "DATE"):
        table.add_row(f"mentions {label}", str(summary.mentions_by_label.get(label, 0)))
    table.add_row("entities", str(summary.n_entities))
    table.add_row("events", str(summary.n_events))
    if summary.corpus.get("error"):
        table.add_row("corpus", plain(summary.corpus["error"]))
    elif summary.corpus:
        table.add_row(
            "corpus",
            f"{summary.corpus['corpus_entities']} corpus entities, {summary.corpus['stories']} "
            f"stories ({summary.corpus['stories_of_several_articles']} told by several articles)",
        )
    table.add_row(
        "errors",
        f"{summary.n_errors - summary.n_warnings} (and {summary.n_warnings} warnings: articles "
        "kept after a repair)"
        if summary.n_warnings
        else str(summary.n_errors),
    )
    if summary.n_resumed:
        table.add_row(
            "shards", f"{summary.n_shards} ({summary.n_resumed} done by an earlier run, kept)"
        )
    table.add_row(
        "time",
        f"{summary.seconds:.1f} s; processing {summary.processing_seconds:.1f} s "
        f"({summary.articles_per_second:.1f} articles/s, model loading excluded)",
    )
    Console().print(table)
    if summary.n_articles == 0:
        fail(
            f"no article could be processed from {input_path}.",
            f"See {target / 'errors.parquet'} (or errors.csv) for why each input was skipped."
            if isinstance(target, Path)
            else f"See the errors table (`rusnews report {target}`) for why each input was "
            "skipped.",
        )
