"""`rusnews bench`, `eval`, `show` and `report`: the commands around a run."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rusnews.cli_app import (
    PROFILE_HELP,
    GoldFormat,
    Profile,
    app,
    fail,
    plain_errors,
)
from rusnews.terminal import plain


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
    scale: list[int] = typer.Option(
        None,
        "--scale",
        min=100,
        help="Time what follows the workers (assembling the tables, the corpus step, "
        "`rusnews report`, a resumed run) on N articles, replicated from a real run over "
        "300 synthetic ones (repeatable; N a multiple of 100, the shard size).",
    ),
    work_dir: Path = typer.Option(
        None,
        "--work-dir",
        help="Where --scale writes its inputs and runs (a temporary folder inside it; "
        "200,000 articles take about 6 GB).",
    ),
) -> None:
    import sys

    from rusnews.bench import bench, print_bench

    console = Console() if sys.stdout.isatty() else Console(width=150)
    if scale:
        from rusnews.bench.scale import bench_scale, print_scale
        from rusnews.engine.config import DEFAULT_SHARD_SIZE

        uneven = [n for n in scale if n % DEFAULT_SHARD_SIZE]
        if uneven:
            fail(f"--scale {uneven[0]} is not a multiple of the shard size {DEFAULT_SHARD_SIZE}.")
        if work_dir is not None and not work_dir.is_dir():
            fail(f"--work-dir {work_dir} is not a folder.")
        rows = bench_scale(list(scale), (workers or [None])[-1], work_dir=work_dir)
        print_scale(rows, console)
        if json_path is not None:
            import json

            json_path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
        if corpus is None and synthetic is None:
            return
    if corpus is None and synthetic is None:
        fail("nothing to time.", "Give a CORPUS folder, --synthetic N or --scale N (or several).")
    if corpus is not None and not corpus.exists():
        fail(f"corpus {corpus} does not exist.", "Give a folder of .txt/.json/.jsonl articles.")
    result = bench(
        corpus, synthetic=synthetic, workers=workers or None, repeat=repeat, json_path=json_path
    )
    # Wide enough, when written to a file, for the tables not to wrap.
    print_bench(result, console)


@app.command(
    "eval",
    help=(
        "Score extraction against gold annotations: exact, partial and token-level F1, "
        "normalization accuracy."
    ),
)
@plain_errors(output="report", option="--report")
def eval_command(
    gold: Path = typer.Argument(
        ..., help="Gold corpus folder (factru, brat, runormas) or file (jsonl, runormas)."
    ),
    fmt: GoldFormat = typer.Option(..., "--format", help="Gold format."),
    run_dir: str = typer.Option(
        None,
        "--run",
        help="Score an existing run's tables (its folder or URL) instead of running the pipeline.",
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
        fail(f"gold path {gold} does not exist.")
    if baseline not in (None, "natasha"):
        fail(f"unknown baseline {baseline!r}.", "The only baseline is 'natasha'.")
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


@app.command(
    "eval-all",
    help=(
        "Score the dev corpora (factru-dev, nerel-dev, collection5-dev) from one run each, "
        "every corpus under its own convention."
    ),
)
@plain_errors(output="report", option="--report")
def eval_all_command(
    corpora: Path = typer.Option(
        Path("../shared/corpora"), "--corpora", help="Folder that holds the dev corpora."
    ),
    report: Path = typer.Option(
        None, "--report", help="Folder for summary.json, summary.md and each corpus's report."
    ),
    limit: int = typer.Option(None, "--limit", min=1, help="Only the first N documents of each."),
) -> None:
    from rusnews.eval.all_corpora import evaluate_all
    from rusnews.eval.report import print_summary

    if not corpora.is_dir():
        fail(f"corpora folder {corpora} does not exist.", "Give --corpora FOLDER.")
    try:
        result = evaluate_all(corpora, report_dir=report, limit=limit)
    except FileNotFoundError as exc:
        fail(str(exc))
    print_summary(result)


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
        fail(f"{article_path} is not a file.", "Give one .txt, .json or .jsonl article file.")
    items = list(read_path(article_path.parent, article_path))
    articles = [a for a in items if isinstance(a, Article)]
    if article_id is not None:
        articles = [a for a in articles if a.article_id == article_id]
    if not articles:
        reasons = (
            "; ".join(p.message for p in items if not isinstance(p, Article))
            or "no matching record"
        )
        fail(f"no article to show in {article_path}: {reasons}")
    show(Pipeline().process(articles[:1])[0], html=html)


@app.command("report")
@plain_errors(output="output", option="-o")
def report_command(
    run_dir: str = typer.Argument(
        ..., help="A finished run's folder or URL (the -o of `rusnews run`)."
    ),
    output: str = typer.Option(
        None, "-o", "--output", help="HTML file to write (default: RUN_DIR/report.html)."
    ),
) -> None:
    """Write one self-contained HTML page about a run: counts, charts, top names, errors."""
    from rusnews.io.storage import location
    from rusnews.report import write_report

    if not location(run_dir).is_dir():
        fail(
            f"run folder {run_dir} does not exist.",
            "Give the -o folder of a finished `rusnews run`.",
        )
    try:
        written = write_report(run_dir, output)
    except FileNotFoundError as exc:
        fail(str(exc), "Run `rusnews run INPUT -o RUN_DIR` first, then report on RUN_DIR.")
    Console().print(plain(f"wrote {written}"))
