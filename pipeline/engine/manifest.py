"""`manifest.json`: what a run was given, what it found, and where its time went."""

from __future__ import annotations

from collections import Counter
from importlib import metadata
from pathlib import Path
from typing import Any

from rusnews import __version__
from rusnews.engine.completions import ShardReport
from rusnews.engine.config import RunConfig

LIBRARIES = (
    "natasha",
    "slovnet",
    "razdel",
    "navec",
    "yargy",
    "pymorphy3",
    "pandas",
    "pyarrow",
    "distributed",
)


def library_versions() -> dict[str, str]:
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def totals(reports: list[ShardReport]) -> dict[str, Any]:
    """Counts, rows and per-stage seconds summed over shards (stage seconds add up across
    workers)."""
    rows: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    for report in reports:
        rows.update(report.rows)
        mentions.update(report.mentions)
        stages.update(report.timings)
        rules.update(report.rules)
    return {
        "articles": sum(r.n_articles for r in reports),
        "failed": sum(r.n_failed for r in reports),
        "warnings": sum(r.n_warnings for r in reports),
        "rows": dict(rows),
        "mentions": dict(sorted(mentions.items())),
        "stages_s": {stage: round(seconds, 3) for stage, seconds in stages.items()},
        "rules": nest_rule_counts(rules),
    }


def nest_rule_counts(flat: dict[str, int]) -> dict[str, dict[str, dict[str, int]]]:
    """`stage/rule/kind` counts as stage -> rule -> kind, in stage and rule order of the keys."""
    nested: dict[str, dict[str, dict[str, int]]] = {}
    for key, n in sorted(flat.items()):
        stage, rule, kind = key.split("/")
        nested.setdefault(stage, {}).setdefault(rule, {})[kind] = n
    return nested


def processing_seconds(reports: list[ShardReport]) -> float:
    """Wall time from the first shard's start to the last shard's end, model loading excluded."""
    spans = [(r.started_at, r.ended_at) for r in reports if r.started_at and r.ended_at]
    if not spans:  # markers of an older rusnews, without the times: their shards' own seconds
        return sum(r.seconds for r in reports)
    return max(end for _, end in spans) - min(start for start, _ in spans)


def build_manifest(
    input_path: Path,
    config: RunConfig,
    formats: tuple[str, ...],
    engine: dict[str, Any],
    reports: list[ShardReport],
    run_reports: list[ShardReport],
    seconds: float,
) -> dict[str, Any]:
    """`reports`: every shard of the run's tables; `run_reports`: those this invocation
    processed."""
    found = totals(reports)
    processed = sum(r.n_articles for r in run_reports)
    busy = processing_seconds(run_reports)
    peaks = [r.worker.get("peak_rss_mb", 0.0) for r in run_reports if r.worker]
    return {
        "version": __version__,
        "input": str(input_path),
        "configuration": {"formats": list(formats), **config.as_dict(), **engine},
        "libraries": library_versions(),
        # Rows per table under the table's name (`mentions`: 2661), as readers of manifests expect.
        "counts": {
            **found["rows"],
            "articles": found["articles"],
            "errors": found["rows"].get("errors", 0),
            "failed": found["failed"],
            "warnings": found["warnings"],
            "mentions_by_label": found["mentions"],
        },
        "shards": {
            "total": len(reports),
            "processed": len(run_reports),
            "resumed": len(reports) - len(run_reports),
        },
        "timings": {
            "total_s": round(seconds, 3),
            "processing_s": round(busy, 3),
            "articles_processed": processed,
            # Over the processing time: starting workers and loading models is not the rate.
            "articles_per_s": round(processed / busy, 2) if busy else 0.0,
            # Stage seconds of every shard in the tables, resumed ones included.
            "stages_s": found["stages_s"],
        },
        # How often each rule of a rule family fired, and how many mentions it dropped.
        "rules": found["rules"],
        "memory": {"worker_peak_rss_mb": max(peaks, default=None)},
    }
