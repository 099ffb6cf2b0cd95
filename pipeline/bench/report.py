"""The benchmark as tables: what each system measured, and the ratios between them."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rusnews.bench.core import CHECKPOINTS, BenchResult

Ratio = tuple[str, float]


def _speedups(result: BenchResult, ours_key: str, theirs: str) -> list[Ratio]:
    """rusnews (per worker count) over both Natasha baselines: as shipped and with 1 BLAS thread."""
    out = []
    theirs_name = "natasha full" if "full" in theirs else "natasha NER"
    for baseline, how in ((theirs, "as shipped"), (f"{theirs}-1t", "1 BLAS thread")):
        base = result.find(baseline)
        for row in result.rows:
            if base and row["key"] == ours_key:
                value = row["articles_per_s"] / base["articles_per_s"]
                out.append((f"{row['system']} / {theirs_name} {how}", value))
    return out


def ratios(result: BenchResult) -> list[Ratio]:
    """(what, measured) for every comparison the run's rows allow."""
    out = _speedups(result, "rusnews-full", "natasha-full")
    out += _speedups(result, "rusnews-ner", "natasha-ner")
    one = result.find("rusnews-full", 1)
    for row in result.rows:
        if row["key"] == "rusnews-full" and row["workers"] > 1 and one:
            value = row["articles_per_s"] / one["articles_per_s"]
            out.append((f"rusnews full, {row['workers']} workers / 1 worker", value))
    peaks = [row["peak_rss_mb"] for row in result.rows if row["key"].startswith("rusnews")]
    if result.synthetic and result.synthetic.get("peak_rss_mb"):
        peaks.append(result.synthetic["peak_rss_mb"])
    if peaks:
        out.append(("peak RSS per rusnews worker (MB)", max(peaks)))
    growth = rss_growth(result)
    if growth is not None:
        out.append((f"worker RSS after {CHECKPOINTS[1]:,} vs {CHECKPOINTS[0]:,} articles", growth))
    return out


def rss_growth(result: BenchResult) -> float | None:
    after = (result.synthetic or {}).get("rss_after", {})
    first, last = after.get(CHECKPOINTS[0]), after.get(CHECKPOINTS[1])
    return None if not first or not last else (last - first) / first


def print_bench(result: BenchResult, console: Console | None = None) -> None:
    console = console or Console()
    if result.rows:
        table = Table(
            title=f"rusnews bench: {result.corpus} "
            f"({result.articles} articles, {result.tokens:,} tokens; "
            f"shards of {result.shard_size}, batches of {result.batch_size})"
        )
        for column in (
            "system",
            "articles/s",
            "tokens/s",
            "peak RSS MB",
            "model load s",
            "workers busy",
        ):
            table.add_column(column, justify="left" if column == "system" else "right")
        for row in result.rows:
            rss = f"{row['peak_rss_mb']:.0f}"
            if row.get("parent_peak_rss_mb"):
                rss += f" (parent {row['parent_peak_rss_mb']:.0f})"
            busy = f"{row['busy']:.0%}" if "busy" in row else ""
            table.add_row(
                row["system"],
                f"{row['articles_per_s']:.1f}",
                f"{row['tokens_per_s']:,.0f}",
                rss,
                f"{row['load_s']:.1f}",
                busy,
            )
        console.print(table)
    if result.synthetic:
        s = result.synthetic
        after = ", ".join(
            f"{int(k):,}: {v:.0f} MB"
            for k, v in sorted(s["rss_after"].items(), key=lambda kv: int(kv[0]))
        )
        console.print(
            f"synthetic: {s['articles']:,} articles with {s['workers']} worker(s) at "
            f"{s['articles_per_s']:.1f} articles/s; worker RSS after {after or '-'}; "
            f"peak {s['peak_rss_mb'] or 0:.0f} MB"
        )
        if s.get("corpus_seconds") is not None and s["seconds"]:
            console.print(
                f"corpus step: {s['corpus_seconds']:.1f} s of the run's {s['seconds']:.1f} s "
                f"({s['corpus_seconds'] / s['seconds']:.1%})"
            )
    found = ratios(result)
    if found:
        table = Table(title="ratios")
        for column in ("ratio", "measured"):
            table.add_column(column, justify="left" if column == "ratio" else "right")
        for what, value in found:
            shown = (
                f"{value:+.1%}"
                if "RSS after" in what
                else f"{value:.0f}"
                if "MB" in what
                else f"{value:.2f}x"
            )
            table.add_row(what, shown)
        console.print(table)
    cores = f"{result.cores} cores"
    if result.load_before and result.load_after:
        cores += (
            f"; load average {result.load_before[0]:.1f} before, {result.load_after[0]:.1f} after"
        )
    console.print(
        "[dim]natasha NER: Segmenter + NewsNERTagger; natasha full: segment, morph, syntax, NER, "
        "span.normalize, DatesExtractor over the text; one document at a time. "
        "'as shipped': BLAS threads as numpy starts them; '1 BLAS thread': as rusnews runs. "
        "rusnews NER only: --stages ner (segment, NER, boundary repair). "
        "workers busy: share of the wall time rusnews's workers spent inside shards. "
        f"{cores}; model loading and worker start not timed.[/]"
    )
