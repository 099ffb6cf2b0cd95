"""`run`: a folder of articles in, the tables out, in resumable shards on any engine.

The reader's stream is cut into shards (see `shards.py`); shards finished by
an earlier run with the same input and settings are skipped; the rest go to
an engine, whose workers write each shard's parts and marker. The tables are
then assembled from the parts in shard order, so a run killed at any moment
and rerun gives the same bytes as a run never interrupted. INPUT and OUTPUT
may each be a local path or an fsspec URL (`s3://bucket/run`,
`rusnews.io.storage`); the input is read here and sent to the workers with
the shards, so workers need to reach OUTPUT only.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rusnews.engine import completions
from rusnews.engine.completions import ShardReport
from rusnews.engine.config import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_PROFILE,
    DEFAULT_SHARD_SIZE,
    DEFAULT_TIME_LIMIT,
    DEFAULT_WINDOW_DAYS,
    FULL,
    RunConfig,
    default_workers,
)
from rusnews.engine.corpus_step import run_corpus_step
from rusnews.engine.folders import RunRefused, check_output, claim_output, input_root
from rusnews.engine.local import Engine, PoolEngine, SerialEngine
from rusnews.engine.manifest import build_manifest
from rusnews.engine.progress import RunProgress, count_inputs
from rusnews.engine.publish import publish
from rusnews.engine.shards import Shard, cut_shards
from rusnews.io.readers import read_folder
from rusnews.io.storage import Location, is_process_local, location
from rusnews.io.tables import TableAssembler, part_path
from rusnews.schema import CORPUS_COLUMNS, SHARD_TABLES

ENGINES = ("local", "dask")


@dataclass
class RunSummary:
    output: Location
    n_articles: int = 0  # articles in the tables, resumed shards included
    n_errors: int = 0
    n_failed: int = 0
    n_warnings: int = 0  # of n_errors: rows of articles kept after a repair
    n_processed: int = 0  # articles this invocation processed
    n_shards: int = 0
    n_resumed: int = 0  # shards taken from an earlier run
    mentions_by_label: Counter = field(default_factory=Counter)
    n_entities: int = 0
    n_events: int = 0
    seconds: float = 0.0  # the whole call: reading, model loading, writing
    processing_seconds: float = 0.0  # from the first shard's start to the last one's end
    timings: dict[str, float] = field(default_factory=dict)
    worker_peak_rss_mb: float | None = None
    corpus: dict = field(default_factory=dict)  # the corpus step's counts and seconds

    @property
    def articles_per_second(self) -> float:
        """Articles this call processed per second of processing: model loading excluded."""
        return self.n_processed / self.processing_seconds if self.processing_seconds else 0.0


def make_engine(
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    stages: str = FULL,
    expected_shards: int | None = None,
    profile: str = DEFAULT_PROFILE,
    in_process: bool = False,
) -> Engine:
    """The engine for a run; the local one stays in this process when there is one shard's work.

    `in_process`: the output is a store only this process sees (`memory://`),
    so no other process may write it.
    """
    workers = default_workers() if workers is None else workers
    if in_process and engine != "local":
        raise RunRefused(
            "a memory:// output lives in this process only, where Dask workers cannot write; "
            "give -o a path or a shared store (s3://...), or use --engine local"
        )
    if in_process:
        workers = 1
    if engine == "dask":
        from rusnews.engine.dask_engine import DaskEngine

        return DaskEngine(workers, scheduler, stages, profile=profile)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if scheduler:
        raise ValueError("--scheduler needs --engine dask")
    if expected_shards is not None:
        # Starting processes and loading models in each costs seconds: not
        # worth it for fewer shards than workers.
        workers = min(workers, max(1, expected_shards))
    return (
        SerialEngine(stages, profile)
        if workers <= 1
        else PoolEngine(workers, stages, profile=profile)
    )


class ShardPlan:
    """Walks the shards of an input, handing on those still to do and noting the rest."""

    def __init__(
        self, input_path: Location, output: Location, config: RunConfig, progress: RunProgress
    ) -> None:
        self.input_path, self.output, self.config, self.progress = (
            input_path,
            output,
            config,
            progress,
        )
        self.shard_ids: list[str] = []
        self.resumed: list[ShardReport] = []
        self.finished: set[str] = set()  # shards whose parts and marker are written, resumed or not
        self._listed: dict[str, set[str]] | None = None  # shard ids with each part, when started

    def todo(self) -> Iterator[Shard]:
        settings = self.config.key()
        self._listed = completions.listed_shards(self.output)
        items = read_folder(self.input_path, (self.output,), self.config.follow_links_outside)
        for shard in cut_shards(items, self.config.shard_size):
            self.shard_ids.append(shard.shard_id)
            done = (
                completions.is_done(self.output, shard.shard_id, shard.fingerprint(settings))
                if shard.shard_id in self._listed[completions.DONE]
                else None
            )
            if done is not None and self._parts_present(shard.shard_id):
                self.resumed.append(done)
                self.finished.add(shard.shard_id)
                self.progress.skipped(done.n_items)
                continue
            yield shard

    def _parts_present(self, shard_id: str) -> bool:
        assert self._listed is not None
        return all(shard_id in self._listed[name] for name in SHARD_TABLES)

    def assemble_ready(self, assembler: TableAssembler) -> None:
        """Append the parts of every finished shard whose predecessors are all in.

        Tables with a column of the corpus step wait for it (`run_corpus_step`).
        """
        ids = self.shard_ids
        while assembler.appended < len(ids) and ids[assembler.appended] in self.finished:
            sid = ids[assembler.appended]
            assembler.append(
                {
                    name: part_path(self.output, name, sid)
                    for name in SHARD_TABLES
                    if name not in CORPUS_COLUMNS
                }
            )


def run(
    input_path: str | Path | Location,
    output: str | Path | Location,
    formats: tuple[str, ...] = ("parquet",),
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    shard_size: int = DEFAULT_SHARD_SIZE,
    stages: str = FULL,
    engine: str | Engine = "local",
    scheduler: str | None = None,
    resume: bool = True,
    progress: bool | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    profile: str = DEFAULT_PROFILE,
    follow_links_outside: bool = False,
    window_days: int = DEFAULT_WINDOW_DAYS,
) -> RunSummary:
    """Run the pipeline over `input_path` into `output`; see the module docstring.

    `engine` is "local", "dask", or an engine already entered and warmed (the
    benchmark passes one so that start-up is not timed). `profile` chooses
    which mentions the full pipeline looks for (pipeline.PROFILES). `window_days`
    is the corpus step's window (rusnews.corpus.stories). RunRefused
    says why a run could not start: nothing to read, or an output folder that
    is a file or holds the run of another input (`resume=False` replaces it).
    Either path may be a URL (`s3://bucket/in`); a `memory://` output runs
    every shard in this process.
    """
    input_path = input_root(input_path)
    output = location(output)
    config = RunConfig(
        stages=stages,
        batch_size=batch_size,
        shard_size=shard_size,
        time_limit=time_limit,
        profile=profile,
        follow_links_outside=follow_links_outside,
        window_days=window_days,
    )
    check_output(output, input_path)
    total = count_inputs(input_path, (output,), follow_links_outside)
    if total == 0:
        raise RunRefused(
            f"input folder {input_path} holds no files to read (hidden ones aside); "
            "give a folder of .txt/.json/.jsonl articles"
        )
    output.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with completions.run_lock(output):
        claim_output(output, input_path, replace=not resume)
        if not resume:
            completions.clear(output)
        completions.remove_temporaries(output)
        assembler = TableAssembler(output, formats)
        try:
            with RunProgress(total, progress) as bar:
                plan = ShardPlan(input_path, output, config, bar)
                if isinstance(engine, str):
                    chosen = make_engine(
                        engine,
                        workers,
                        scheduler,
                        stages,
                        math.ceil(total / shard_size),
                        profile,
                        in_process=is_process_local(output),
                    )
                    # Not warmed: workers load the models on their first shard, so
                    # a rerun with every shard done loads nothing.
                    with chosen:
                        processed = _run_shards(chosen, plan, bar, assembler)
                    described = chosen.describe()
                else:
                    processed = _run_shards(engine, plan, bar, assembler)
                    described = engine.describe()
            summary = _finish(
                input_path, output, config, formats, described, plan, processed, started, assembler
            )
        except BaseException:
            assembler.discard()
            raise
    return summary


def _run_shards(
    engine: Engine, plan: ShardPlan, bar: RunProgress, assembler: TableAssembler
) -> list[ShardReport]:
    processed = []
    # Only a bar that is drawn needs the workers' progress within shards.
    within = bar.advance if bar.show else None
    for report in engine.map(plan.todo(), plan.output, plan.config, within):
        processed.append(report)
        bar.done(report)
        # While the workers go on with later shards, this process, otherwise
        # idle, builds the tables up to the first shard not yet done.
        plan.finished.add(report.shard_id)
        plan.assemble_ready(assembler)
    return processed


def _finish(
    input_path: Location,
    output: Location,
    config: RunConfig,
    formats: tuple[str, ...],
    engine: dict,
    plan: ShardPlan,
    processed: list[ShardReport],
    started: float,
    assembler: TableAssembler,
) -> RunSummary:
    completions.remove_stale(output, plan.shard_ids)
    # The reports in hand, where a listing shows their markers still there: on a store,
    # reading every marker back would be a request per shard.
    known = {report.shard_id: report for report in [*plan.resumed, *processed]}
    marked = completions.listed_shards(output)[completions.DONE]
    reports = []
    for sid in plan.shard_ids:
        report = known.get(sid) if sid in marked else completions.read_marker(output, sid)
        if report is None:  # only if someone deletes files under parts/ while we run
            raise RuntimeError(
                f"shard {sid} has no completion marker in {output / 'parts'}; run again"
            )
        reports.append(report)
    plan.finished.update(plan.shard_ids)  # every marker is there: the rest of the parts go in
    plan.assemble_ready(assembler)
    corpus = run_corpus_step(output, plan.shard_ids, assembler, config.window_days)
    staged = assembler.finish()
    seconds = time.perf_counter() - started
    manifest = build_manifest(input_path, config, formats, engine, reports, processed, seconds)
    manifest["corpus"] = corpus
    if "error" in corpus:  # its `errors` row
        manifest["counts"]["errors"] += 1
    publish(output, staged, manifest)
    assembler.published()
    counts = manifest["counts"]
    return RunSummary(
        output=output,
        n_articles=counts["articles"],
        n_errors=counts["errors"],
        n_failed=counts["failed"],
        n_warnings=counts.get("warnings", 0),
        n_processed=manifest["timings"]["articles_processed"],
        n_shards=len(reports),
        n_resumed=len(reports) - len(processed),
        mentions_by_label=Counter(counts["mentions_by_label"]),
        n_entities=counts.get("entities", 0),
        n_events=counts.get("events", 0),
        seconds=seconds,
        processing_seconds=manifest["timings"]["processing_s"],
        timings=manifest["timings"]["stages_s"],
        worker_peak_rss_mb=manifest["memory"]["worker_peak_rss_mb"],
        corpus=corpus,
    )
