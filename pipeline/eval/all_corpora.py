"""`evaluate_all`: the three dev corpora, one pipeline run each, every convention its view.

The pipeline runs under the `all` profile, which keeps every kind of mention, and
each corpus is scored under its own convention (rusnews.views picks the spans):
factRuEval under Naeval's token rules and its whole objects, NEREL under its
types, Collection5 under its flat spans. Event records are left out: the
`all` profile's mentions are not what the event models were fitted on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rusnews.eval.evaluate import evaluate
from rusnews.eval.metrics import MICRO
from rusnews.eval.predictions import RUSNEWS
from rusnews.model import DATE, LOC, ORG, PER


@dataclass(frozen=True, slots=True)
class Scored:
    """One line of the summary: which corpus, under which convention and metric."""

    corpus: str
    fmt: str
    convention: str
    metric: str


DEV_CORPORA = (
    Scored("factru-dev", "factru", "naeval", "token"),
    Scored("factru-dev", "factru", "object", "exact"),
    Scored("nerel-dev", "brat", "nerel", "exact"),
    Scored("collection5-dev", "brat", "collection5", "exact"),
)
COLUMNS = (PER, ORG, LOC, DATE, MICRO)
PROFILE = "all"


def summary_rows(reports: dict[str, dict]) -> list[dict]:
    """`{corpus, convention, metric, PER, ORG, LOC, DATE, micro}` F1 for every line scored."""
    rows = []
    for line in DEV_CORPORA:
        report = reports.get(line.corpus)
        if report is None:
            continue
        scores = report["scores"][line.convention][line.metric][RUSNEWS]
        f1 = {label: scores[label]["f1"] for label in COLUMNS if label in scores}
        rows.append(
            {"corpus": line.corpus, "convention": line.convention, "metric": line.metric, **f1}
        )
    return rows


def evaluate_all(corpora: Path, report_dir: Path | None = None, limit: int | None = None) -> dict:
    """Score every dev corpus found under `corpora`; say which were not there.

    Each corpus's full report goes to `report_dir/CORPUS/` when a folder is given.
    """
    corpora = Path(corpora)
    reports: dict[str, dict] = {}
    missing: list[str] = []
    for corpus, fmt in dict.fromkeys((line.corpus, line.fmt) for line in DEV_CORPORA):
        gold = corpora / corpus
        if not gold.is_dir():
            missing.append(corpus)
            continue
        reports[corpus] = evaluate(
            gold,
            fmt,
            report_dir=None if report_dir is None else Path(report_dir) / corpus,
            limit=limit,
            profile=PROFILE,
            records=False,
        )
    if not reports:
        raise FileNotFoundError(
            f"{corpora}: none of {', '.join(sorted({line.corpus for line in DEV_CORPORA}))} "
            "is there; give the folder that holds the dev corpora"
        )
    result = {
        "corpora": str(corpora),
        "profile": PROFILE,
        "missing": missing,
        "summary": summary_rows(reports),
        "reports": reports,
    }
    if report_dir is not None:
        write_summary(result, Path(report_dir))
    return result


def summary_table(rows: list[dict]) -> list[list[str]]:
    """Header and rows as text: F1 to three places, `–` where a label is not scored."""
    header = ["corpus", "convention", "metric", *COLUMNS]
    cells = [
        [
            row["corpus"],
            row["convention"],
            row["metric"],
            *("–" if row.get(c) is None else f"{row[c]:.3f}" for c in COLUMNS),
        ]
        for row in rows
    ]
    return [header, *cells]


def write_summary(result: dict, folder: Path) -> None:
    """`summary.json` (the summary lines) and `summary.md` (them as a table) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = {key: result[key] for key in ("corpora", "profile", "missing", "summary")}
    (folder / "summary.json").write_text(
        json.dumps(lines, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    header, *rows = summary_table(result["summary"])
    table = [header, ["---"] * len(header), *rows]
    (folder / "summary.md").write_text(
        "\n".join("| " + " | ".join(row) + " |" for row in table) + "\n", encoding="utf-8"
    )
