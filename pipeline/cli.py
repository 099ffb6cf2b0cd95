"""`rusnews` command line: thin commands over importable functions."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rusnews import __version__
from rusnews.terminal import plain

app = typer.Typer(
    name="rusnews",
    help=(
        "Extract persons, organizations, locations, dates and events from Russian news into tables."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    # Inherited by every command's context, so `rusnews run -h` works too.
    context_settings={"help_option_names": ["-h", "--help"]},
)
console = Console(stderr=True, soft_wrap=True)


def _add_train() -> None:
    from rusnews.train.command import train_app

    app.add_typer(train_app, name="train")


_add_train()


class TableFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    both = "both"


class StageSet(str, Enum):
    full = "full"
    ner = "ner"


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


class Profile(str, Enum):
    names = "names"
    nerel = "nerel"


# The gold corpora disagree on what is a name (pipeline.pipeline.PROFILES):
# one help text for both commands, so that they explain the choice alike.
PROFILE_HELP = (
    "Which mentions to look for. names (default): proper names, as factRuEval and Naeval "
    "score them. nerel: also bodies named by a common noun (полиция, правительство Японии) "
    "and places named by an adjective (британской), as NEREL annotates them."
)


class GoldFormat(str, Enum):
    factru = "factru"
    brat = "brat"
    jsonl = "jsonl"


def _sentence(text: str, capital: bool = False) -> str:
    text = text.strip()
    if not text:
        return ""
    if capital:  # never the message: it may open with a path, whose case is its own
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _say(message: str, hint: str = "") -> None:
    """One line on stderr: what went wrong and where, then what to do. Paths in it are data."""
    line = " ".join(part for part in (_sentence(message), _sentence(hint, capital=True)) if part)
    console.print(Text("error: ", style="bold red") + plain(line))


def _fail(message: str, hint: str = "") -> None:
    _say(message, hint)
    raise typer.Exit(code=2)


# The global options of this invocation, set by `global_options` before any command runs.
OPTIONS = {"debug": False}


def plain_errors(
    output: str | None = None, option: str = "-o", resumes: bool = False
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Answer the failures a user can cause (rusnews.failures) in one line instead of a traceback.

    `output` names the command's parameter that says where it writes, and
    `option` its spelling on the command line, for the hint; `resumes` says
    that finished work stays there for a rerun.
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(command)
        def answered(**params: Any) -> Any:
            from rusnews.failures import explain

            try:
                return command(**params)
            except (typer.Exit, typer.Abort):
                raise  # already answered
            except BaseException as exc:
                where = params.get(output) if output else None
                answer = None if OPTIONS["debug"] else explain(exc, where, option, resumes)
                if answer is None:
                    raise
                _say(answer.message, answer.hint)
                raise typer.Exit(code=answer.code) from None

        return answered

    return decorate


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"rusnews {__version__}")
        raise typer.Exit()


@app.callback()
def global_options(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
    debug: bool = typer.Option(
        False,
        "--debug",
        help="On a failure, show the Python traceback instead of a one-line message.",
    ),
) -> None:
    OPTIONS["debug"] = debug


@app.command("run")
@plain_errors(output="output", option="-o", resumes=True)
def run_command(
    input_path: Path = typer.Argument(
        ..., help="Folder (searched recursively) or file of .txt/.json/.jsonl articles."
    ),
    output: Path = typer.Option(
        Path("outputs/run"),
        "-o",
        "--output",
        help="Folder for the tables and manifest.json, made if missing.",
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
) -> None:
    """Run the pipeline over INPUT: tables of articles, mentions, entities, events and errors.

    Ctrl-C or SIGTERM stops the run at once (exit 130 or 143); finished shards
    stay in the output folder, and the same command run again resumes.
    """
    from rusnews.engine.runner import run
    from rusnews.engine.stopping import stop_on_signals

    if not input_path.exists():
        _fail(
            f"input path {input_path} does not exist.",
            "Give a folder of .txt/.json/.jsonl news articles.",
        )
    if scheduler and engine is not EngineName.dask:
        _fail(
            "--scheduler works with --engine dask only.", "Add --engine dask, or drop --scheduler."
        )
    if stages is StageSet.ner and profile is not Profile.names:
        _fail(
            f"--profile {profile.value} needs --stages full.",
            "The ner stage set finds the tagger's names only; "
            "the profile's extra mentions need morphology.",
        )
    if output.exists() and not output.is_dir():
        _fail(
            f"the output path {output} is a file, not a folder.",
            "Give -o a folder (it is made if missing), or move the file away.",
        )
    formats = ("parquet", "csv") if fmt is TableFormat.both else (fmt.value,)
    with stop_on_signals():
        summary = run(
            input_path,
            output,
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
        )
    table = Table(title=plain(f"rusnews run → {output}"), show_header=False)
    table.add_row("articles", str(summary.n_articles))
    for label in ("PER", "ORG", "LOC", "DATE"):
        table.add_row(f"mentions {label}", str(summary.mentions_by_label.get(label, 0)))
    table.add_row("entities", str(summary.n_entities))
    table.add_row("events", str(summary.n_events))
    table.add_row("errors", str(summary.n_errors))
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
        _fail(
            f"no article could be processed from {input_path}.",
            f"See {output / 'errors.parquet'} (or errors.csv) for why each input was skipped.",
        )


@app.command(
    "bench",
    help=(
        "Time plain Natasha and rusnews on the same texts: articles/s, tokens/s, peak memory, "
        "ratios."
    ),
)
@plain_errors(output="json_path", option="--json")
def bench_command(
    corpus: Path = typer.Argument(
        None, help="Folder of articles (or a gold folder such as factru-dev: its .txt files)."
    ),
    synthetic: int = typer.Option(
        None,
        "--synthetic",
        min=1,
        help="Also run rusnews over N synthetic articles built from the sample and dev "
        "texts, reporting worker memory after 2,000 and 20,000 articles.",
    ),
    workers: list[int] = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Worker counts to time rusnews with (repeatable; default: 1 and all cores).",
    ),
    repeat: int = typer.Option(
        1, "--repeat", min=1, help="Time each system this many times; report the best."
    ),
    json_path: Path = typer.Option(
        None, "--json", help="Also write the results to this JSON file."
    ),
) -> None:
    import sys

    from rusnews.bench import bench, print_bench

    if corpus is None and synthetic is None:
        _fail("nothing to time.", "Give a CORPUS folder, --synthetic N, or both.")
    if corpus is not None and not corpus.exists():
        _fail(f"corpus {corpus} does not exist.", "Give a folder of .txt/.json/.jsonl articles.")
    result = bench(
        corpus, synthetic=synthetic, workers=workers or None, repeat=repeat, json_path=json_path
    )
    # Wide enough, when written to a file, for the tables not to wrap.
    print_bench(result, Console() if sys.stdout.isatty() else Console(width=150))


@app.command(
    "eval",
    help=(
        "Score extraction against gold annotations: exact, partial and token-level F1, "
        "normalization accuracy."
    ),
)
@plain_errors(output="report", option="--report")
def eval_command(
    gold: Path = typer.Argument(..., help="Gold corpus folder (factru, brat) or file (jsonl)."),
    fmt: GoldFormat = typer.Option(..., "--format", help="Gold format."),
    run_dir: Path = typer.Option(
        None, "--run", help="Score an existing run's tables instead of running the pipeline."
    ),
    report: Path = typer.Option(
        None, "--report", help="Folder for report.json, report.md and the F1 chart."
    ),
    baseline: str = typer.Option(
        None, "--baseline", help="Also score a baseline system: 'natasha'."
    ),
    limit: int = typer.Option(None, "--limit", min=1, help="Only the first N gold documents."),
    profile: Profile = typer.Option(
        None,
        "--profile",
        show_default=False,
        help=f"{PROFILE_HELP} With --run: the run's own profile, from its manifest.",
    ),
) -> None:
    from rusnews.eval import evaluate, print_report

    if not gold.exists():
        _fail(f"gold path {gold} does not exist.")
    if baseline not in (None, "natasha"):
        _fail(f"unknown baseline {baseline!r}.", "The only baseline is 'natasha'.")
    result = evaluate(
        gold,
        fmt.value,
        run_dir=run_dir,
        report_dir=report,
        baseline=baseline,
        limit=limit,
        profile=profile.value if profile else None,
    )
    print_report(result)


@app.command("show")
@plain_errors(output="html", option="--html")
def show_command(
    article_path: Path = typer.Argument(..., help="One article file (.txt, .json or .jsonl)."),
    article_id: str = typer.Option(
        None, "--id", help="Which record of a .jsonl/.json file (default: the first)."
    ),
    html: Path = typer.Option(
        None, "--html", help="Write displaCy HTML to this file instead of printing."
    ),
) -> None:
    """Show one article: highlighted mentions, its entities and the event records under it."""
    from rusnews.io.readers import read_path
    from rusnews.model import Article
    from rusnews.pipeline import Pipeline
    from rusnews.show import show

    if not article_path.is_file():
        _fail(f"{article_path} is not a file.", "Give one .txt, .json or .jsonl article file.")
    items = list(read_path(article_path.parent, article_path))
    articles = [a for a in items if isinstance(a, Article)]
    if article_id is not None:
        articles = [a for a in articles if a.article_id == article_id]
    if not articles:
        reasons = (
            "; ".join(p.message for p in items if not isinstance(p, Article))
            or "no matching record"
        )
        _fail(f"no article to show in {article_path}: {reasons}")
    show(Pipeline().process(articles[:1])[0], html=html)


@app.command("report")
@plain_errors(output="output", option="-o")
def report_command(
    run_dir: Path = typer.Argument(..., help="A finished run's folder (the -o of `rusnews run`)."),
    output: Path = typer.Option(
        None, "-o", "--output", help="HTML file to write (default: RUN_DIR/report.html)."
    ),
) -> None:
    """Write one self-contained HTML page about a run: counts, charts, top names, errors."""
    from rusnews.report import write_report

    if not run_dir.is_dir():
        _fail(
            f"run folder {run_dir} does not exist.",
            "Give the -o folder of a finished `rusnews run`.",
        )
    try:
        written = write_report(run_dir, output)
    except FileNotFoundError as exc:
        _fail(str(exc), "Run `rusnews run INPUT -o RUN_DIR` first, then report on RUN_DIR.")
    Console().print(plain(f"wrote {written}"))


def main() -> None:
    # Threads beyond the cores only add contention in the small slovnet models.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    app()


if __name__ == "__main__":
    main()
