"""`evaluate`: gold in, report (a plain dict) out; the CLI and tests call it.

rusnews is always scored (run live, or read from `run_dir`); a baseline is
scored beside it on the same texts when asked. Every number is tagged with
its convention (how gold spans were chosen) and metric (how they were
matched), because numbers under different ones are not comparable.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from rusnews.eval.baseline import get_baseline
from rusnews.eval.brat import load_brat
from rusnews.eval.conventions import Convention, as_annotated, conventions_for, tokenize
from rusnews.eval.errors import analyze
from rusnews.eval.factru import load_factru
from rusnews.eval.gold import GoldDoc
from rusnews.eval.gold_fixes import correct_targets
from rusnews.eval.jsonl import load_jsonl
from rusnews.eval.linking import score_linking
from rusnews.eval.metrics import METRICS, MICRO, score_all, scores_as_dict
from rusnews.eval.normalization import (
    core_form,
    date_targets,
    factru_targets,
    jsonl_targets,
    score_normals,
    untyped_targets,
    whole_form,
)
from rusnews.eval.predictions import (
    RUSNEWS,
    RunError,
    check_offsets,
    read_run,
    run_profile,
    run_rusnews,
)
from rusnews.eval.runormas import load_runormas
from rusnews.model import DATE, Mention

Predictions = dict[str, list[Mention]]
FORMATS = ("factru", "brat", "jsonl", "runormas")
# Gold of normal forms alone: untyped spans, so no span scores and no conventions.
NORMAL_FORMATS = ("runormas",)
# Gold that annotates events and occupations (.facts, brat relations).
RECORD_FORMATS = ("factru", "brat")
# Gold that links names to Wikidata (NEREL's `N` lines).
LINK_FORMATS = ("brat",)
MAX_PROBLEMS = 20

LOADERS = {
    "factru": load_factru,
    "brat": load_brat,
    "jsonl": load_jsonl,
    "runormas": load_runormas,
}
ACCURACY_METRICS = {
    "normalization": "normal forms of names a prediction found with the exact gold span; "
    "case-insensitive, ё = е; PER as an unordered set of name parts",
    "date_values": "ISO values of dates a prediction found with the exact gold span",
}
UNTYPED_NOTE = "; the gold is untyped: each span takes the label of the mention found on it"


def load_gold(gold: Path, fmt: str, limit: int | None = None) -> list[GoldDoc]:
    """Gold documents in the order the reader gives them, the first `limit` only."""
    if fmt not in LOADERS:
        raise ValueError(f"unknown gold format {fmt!r}; expected one of {', '.join(FORMATS)}")
    gold = Path(gold)
    if not gold.exists():
        raise FileNotFoundError(f"{gold}: gold not found")
    docs: list[GoldDoc] = []
    for doc in LOADERS[fmt](gold):
        if limit is not None and len(docs) >= limit:
            break
        docs.append(doc)
    return docs


def _spans(mentions: Sequence[Mention]) -> list[tuple[str, int, int]]:
    return [mention.span for mention in mentions]


def score_convention(
    docs: Sequence[GoldDoc], convention: Convention, predictions: Predictions
) -> tuple[dict[str, dict], dict[str, object]]:
    """Exact, partial and token scores, and the error analysis, for one system."""
    gold = [convention.gold(doc) for doc in docs]
    pred = [
        convention.predictions(
            _spans(convention.select(predictions.get(doc.doc_id, []), doc.text)), doc.text
        )
        for doc in docs
    ]
    tokens = [tokenize(doc.text) for doc in docs]
    scores = score_all(gold, pred, tokens, convention.labels)
    return (
        {metric: scores_as_dict(per_label) for metric, per_label in scores.items()},
        analyze(docs, gold, pred),
    )


def _untyped_normalization(docs: Sequence[GoldDoc], predictions: Predictions) -> dict[str, object]:
    """Normal forms of untyped gold, by the label of the mention found on each span, and
    how much of the gold could be judged at all."""
    targets = [untyped_targets(doc, predictions.get(doc.doc_id, ())) for doc in docs]
    result = _with_corrections("runormas", docs, targets, predictions, whole_form)
    spans = [span for doc in docs for span in doc.spans]
    result["coverage"] = {
        "gold_spans": len(spans),
        "discontinuous": sum(bool(span.fragments) for span in spans),
        "matched": sum(len(found) for found in targets),
    }
    return result


def _normalization(
    docs: Sequence[GoldDoc], fmt: str, convention: Convention | None, predictions: Predictions
) -> dict[str, object] | None:
    if fmt in NORMAL_FORMATS:
        return _untyped_normalization(docs, predictions)
    if convention is None:
        return None
    if fmt == "factru":
        targets = [factru_targets(doc, convention.span_key) for doc in docs]
    elif fmt == "jsonl":
        targets = [jsonl_targets(doc) for doc in docs]
    else:
        return None
    if not any(targets):
        return None
    form = core_form if fmt == "factru" else whole_form
    return _with_corrections(fmt, docs, targets, predictions, form, convention.span_key)


def _with_corrections(
    fmt: str,
    docs: Sequence[GoldDoc],
    targets: list,
    predictions: Predictions,
    form: Callable[[Mention], str | None],
    span_key: Callable = as_annotated,
) -> dict[str, object]:
    """Normal-form accuracy against the gold as published, and, where the project's list
    of gold errors touches it, against the corrected gold too."""
    result = score_normals(docs, targets, predictions, span_key, form=form)
    corrected, changed = correct_targets(fmt, docs, targets)
    if changed:
        fixed = score_normals(docs, corrected, predictions, span_key, form=form)
        result["corrected"] = {
            "all": fixed["all"],
            "per_type": fixed["per_type"],
            "gold_fixes": changed,
        }
    return result


def _date_values(docs: Sequence[GoldDoc], predictions: Predictions) -> dict[str, object] | None:
    targets = [date_targets(doc) for doc in docs]
    if not any(targets):
        return None
    return score_normals(docs, targets, predictions, labels=(DATE,))


def _f1_difference(scores: dict, primary: str, other: str) -> dict:
    """primary − other F1 for every convention, metric and label both scored."""
    difference: dict = {}
    for name, by_metric in scores.items():
        for metric, by_system in by_metric.items():
            first, second = by_system.get(primary, {}), by_system.get(other, {})
            for label in first.keys() & second.keys():
                a, b = first[label]["f1"], second[label]["f1"]
                if a is not None and b is not None:
                    difference.setdefault(name, {}).setdefault(metric, {})[label] = a - b
    return difference


def score_systems(
    docs: Sequence[GoldDoc],
    fmt: str,
    predictions: dict[str, Predictions],
    timings: dict[str, float] | None = None,
    warnings: Sequence[str] = (),
) -> dict:
    """The report for already computed predictions, `{system: {doc_id: mentions}}`;
    the first system is the one the differences are taken for."""
    conventions = () if fmt in NORMAL_FORMATS else conventions_for(fmt)
    systems = list(predictions)
    report: dict = {
        "format": fmt,
        "n_docs": len(docs),
        "systems": systems,
        "conventions": {convention.name: convention.description for convention in conventions},
        "metrics": {
            "exact": "exact span match: (label, start, end) equal",
            "partial": "overlap with a gold span of the same label, one-to-one "
            "(nervaluate ent_type)",
            "token": "token-level (Naeval): razdel tokens labelled by covering spans; "
            "misaligned spans left out",
        },
        "gold_problems": {
            "count": sum(len(doc.problems) for doc in docs),
            "examples": [problem for doc in docs for problem in doc.problems][:MAX_PROBLEMS],
        },
        "warnings": list(warnings),
        "scores": {},
        "errors": {},
        "normalization": {},
        "date_values": {},
        "timings": {},
    }
    for system, system_predictions in predictions.items():
        warnings_ = check_offsets(docs, system_predictions, system)
        report["warnings"].extend(warnings_)
        for index, convention in enumerate(conventions):
            scores, errors = score_convention(docs, convention, system_predictions)
            for metric in METRICS:
                report["scores"].setdefault(convention.name, {}).setdefault(metric, {})[system] = (
                    scores[metric]
                )
            if index == 0:
                # One convention's errors are enough to point at the work.
                report["errors"][system] = {"convention": convention.name, **errors}
        first = conventions[0] if conventions else None
        normalization = _normalization(docs, fmt, first, system_predictions)
        if normalization is not None:
            report["normalization"][system] = normalization
        date_values = _date_values(docs, system_predictions)
        if date_values is not None:
            report["date_values"][system] = date_values
        if timings and system in timings:
            seconds = timings[system]
            report["timings"][system] = {
                "seconds": seconds,
                "docs_per_second": len(docs) / seconds if seconds else None,
            }
    if not conventions:
        report["metrics"] = {}  # nothing was matched by span
    for key, description in ACCURACY_METRICS.items():
        if report[key]:
            report["metrics"][key] = description + (UNTYPED_NOTE if not conventions else "")
        else:
            report[key] = None  # absent, not zero: the gold carries no such values
    if len(systems) > 1:
        report["difference"] = {
            "systems": [systems[0], systems[1]],
            "f1": _f1_difference(report["scores"], systems[0], systems[1]),
        }
    return report


def _timed(
    predict: Callable[[Sequence[GoldDoc]], Any], docs: Sequence[GoldDoc]
) -> tuple[Any, float]:
    started = time.perf_counter()
    predictions = predict(docs)
    return predictions, time.perf_counter() - started


def _versions() -> dict[str, str]:
    found = {}
    for package in ("rusnews", "natasha", "slovnet", "razdel", "nervaluate"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            continue
    return found


def evaluate(
    gold: Path,
    fmt: str,
    run_dir: Path | str | None = None,
    report_dir: Path | None = None,
    baseline: str | None = None,
    limit: int | None = None,
    profile: str | None = None,
    records: bool = True,
) -> dict:
    """Score rusnews (live, or the run in `run_dir`) and optionally a baseline
    against gold; write the reports to `report_dir` when given.

    `profile` is the pipeline profile (pipeline.PROFILES) run live, `names`
    when not given; a run is scored under the profile it was made with, read
    from its manifest, and giving another one is an error. Under `all`, each convention
    scores its own view of the one run (rusnews.views). `records=False` leaves the event
    records out.
    Returns the report as a dict (what `report.json` holds).
    """
    if run_dir is not None:
        recorded = run_profile(run_dir)
        if profile is not None and recorded is not None and profile != recorded:
            raise RunError(
                f"{run_dir} was made with profile {recorded!r}, not {profile!r}; "
                f"leave out --profile, or run again with --profile {profile}"
            )
        profile = recorded or profile
    else:
        profile = profile or "names"
    docs = load_gold(gold, fmt, limit)
    if not docs:
        raise ValueError(f"{gold}: no gold documents to score")
    baseline_predict = get_baseline(baseline) if baseline else None

    predictions: dict[str, Predictions] = {}
    timings: dict[str, float] = {}
    warnings: list[str] = []
    if run_dir is not None:
        predictions[RUSNEWS], run_warnings = read_run(run_dir, docs)
        warnings.extend(run_warnings)
        # A run may have skipped documents; score every system on the same ones.
        docs = [doc for doc in docs if doc.doc_id in predictions[RUSNEWS]]
    else:
        articles, timings[RUSNEWS] = _timed(
            lambda texts: run_rusnews(texts, profile or "names"), docs
        )
        predictions[RUSNEWS] = {a.article_id: list(a.mentions) for a in articles}
    if baseline and baseline_predict is not None:
        predictions[baseline], timings[baseline] = _timed(baseline_predict, docs)

    report = score_systems(docs, fmt, predictions, timings, warnings)
    # Which names rusnews looks for depends on the profile: say which one scored
    # (None: a run folder without a manifest, made we cannot tell how).
    report = {
        "gold": str(gold),
        "run_dir": str(run_dir) if run_dir else None,
        "profile": profile,
        **report,
    }
    report["versions"] = _versions()
    if fmt in RECORD_FORMATS and records:
        if run_dir is None:
            from rusnews.eval.records import score_records

            report["records"] = score_records(Path(gold), fmt, articles)
            linking = score_linking(docs, articles) if fmt in LINK_FORMATS else None
            if linking is not None:
                report["linking"] = linking
            if fmt == "brat":
                from rusnews.eval.identity import score_identity

                report["identity"] = score_identity(Path(gold), docs, articles)
        else:
            report.setdefault("warnings", []).append(
                "event records, Wikidata links and identity are scored on live runs only "
                "(leave out --run)"
            )
    if report_dir is not None:
        from rusnews.eval.report import write_reports

        report["files"] = write_reports(report, Path(report_dir))
    return report


__all__ = ["FORMATS", "MICRO", "evaluate", "load_gold", "score_systems"]
