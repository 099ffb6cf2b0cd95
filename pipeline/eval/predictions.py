"""Predictions to score: rusnews run live on the gold texts, or an earlier run's tables.

Both give `{doc_id: [Mention, ...]}`; mentions whose offsets do not reproduce
their text in the gold document are dropped with a warning, since scoring
them would compare different strings.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rusnews.eval.gold import GoldDoc
from rusnews.io.storage import Location, ObjectPath, location, read_pointer
from rusnews.model import BOUND_FIELDS, KINDS, Article, Mention
from rusnews.views import CONVENTIONS

RUSNEWS = "rusnews"
MENTION_COLUMNS = ("article_id", "start", "end", "text", "label")
OPTIONAL_COLUMNS = (
    "sentence_idx",
    "normal",
    "core",
    "first",
    "middle",
    "last",
    "granularity",
    "entity_id",
)
# Runs made before these columns existed score as they did: every mention its own bound.
BOUND_COLUMNS = BOUND_FIELDS


class RunError(RuntimeError):
    """Predictions cannot be had: no pipeline, or a run folder that does not fit the gold."""


def run_rusnews(docs: Sequence[GoldDoc], profile: str = "names") -> list[Article]:
    """Run the rusnews pipeline of a profile (pipeline.PROFILES) on the gold texts
    (imported late: it loads models)."""
    try:
        from rusnews.pipeline import Pipeline, default_stages
    except ModuleNotFoundError as error:
        if error.name not in ("rusnews.pipeline",):
            raise
        raise RunError(
            "the rusnews pipeline (pipeline/pipeline.py) is not installed in this checkout; "
            "score an existing run with --run RUN_DIR instead"
        ) from None
    pipe = Pipeline(default_stages(profile))
    return pipe.process(
        [Article(article_id=doc.doc_id, text=doc.text, published=doc.published) for doc in docs]
    )


def run_profile(run_dir: str | Location) -> str | None:
    """The profile a `rusnews run` folder (or URL) was made with, from its manifest.json.

    A manifest from before runs had profiles means `names`, the only pipeline
    then; no readable manifest (tables copied elsewhere) means unknown, None.
    """
    manifest, _ = read_pointer(location(run_dir))
    if manifest is None:
        return None
    configuration = manifest.get("configuration") if isinstance(manifest, dict) else None
    if not isinstance(configuration, dict):
        return None
    return str(configuration.get("profile", "names"))


def _table(folder: Location, name: str) -> Any | None:
    """A run table as a DataFrame: `NAME.parquet` (file or folder of parts) or `NAME.csv`."""
    import pandas as pd

    parquet, csv = folder / f"{name}.parquet", folder / f"{name}.csv"
    if parquet.exists():
        if isinstance(parquet, ObjectPath):
            with parquet.open("rb") as handle:
                return pd.read_parquet(handle)
        return pd.read_parquet(parquet)
    if csv.exists():
        # Ids such as `001` must stay strings.
        options: dict[str, Any] = {
            "dtype": {"article_id": str},
            "keep_default_na": False,
            "na_values": [""],
        }
        if isinstance(csv, ObjectPath):
            with csv.open("rb") as handle:
                return pd.read_csv(handle, **options)
        return pd.read_csv(csv, **options)
    return None


def _value(row: dict[str, Any], column: str) -> Any:
    value = row.get(column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        import pandas as pd

        if value is pd.NA:
            return None
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return value


def _optional_str(row: dict[str, Any], column: str) -> str | None:
    value = _value(row, column)
    return None if value is None else str(value)


def _optional_int(row: dict[str, Any], column: str) -> int | None:
    value = _value(row, column)
    return None if value is None else int(value)


def read_run(
    run_dir: str | Location, docs: Sequence[GoldDoc]
) -> tuple[dict[str, list[Mention]], list[str]]:
    """Mentions of an earlier `rusnews run`, for the gold documents it processed.

    A gold document the run did not process (absent from `articles`) is left
    out of the predictions, and a warning says so; when the run has no
    `articles` table every gold document counts as processed. A run on an
    object store is read where its pointer names (`rusnews.io.storage`).
    """
    run_dir = location(run_dir)
    if not run_dir.is_dir():
        raise RunError(f"{run_dir}: not a folder; --run expects the output folder of `rusnews run`")
    folder = read_pointer(run_dir)[1]
    mentions = _table(folder, "mentions")
    if mentions is None:
        raise RunError(
            f"{run_dir}: no mentions.parquet or mentions.csv; "
            "is this a `rusnews run` output folder?"
        )
    missing = [column for column in MENTION_COLUMNS if column not in mentions.columns]
    if missing:
        raise RunError(f"{run_dir}: the mentions table lacks column(s) {', '.join(missing)}")

    warnings: list[str] = []
    texts = {doc.doc_id: doc.text for doc in docs}
    articles = _table(folder, "articles")
    processed = (
        set(texts) if articles is None else set(articles["article_id"].astype(str)) & set(texts)
    )
    ids_match = bool(set(mentions["article_id"].astype(str)) & set(texts)) or mentions.empty
    if not processed or not ids_match:
        raise RunError(
            f"{run_dir}: none of its article ids match the gold document ids "
            f"(e.g. gold {next(iter(texts), '?')!r}); run rusnews on the gold folder itself"
        )
    if len(processed) < len(texts):
        warnings.append(
            f"{len(texts) - len(processed)} gold document(s) are not in the run and were not scored"
        )

    predictions: dict[str, list[Mention]] = {doc_id: [] for doc_id in processed}
    shifted = unfit = 0
    for row in mentions.to_dict("records"):
        doc_id = str(row["article_id"])
        if doc_id not in processed:
            continue
        start, end = int(row["start"]), int(row["end"])
        text = str(row["text"])
        sentence_idx = _optional_int(row, "sentence_idx")
        if texts[doc_id][start:end] != text:
            shifted += 1
            continue
        kind, bounds = _optional_str(row, "kind"), {c: _bound(row, c) for c in BOUND_COLUMNS}
        if not _fits(kind, bounds, start, end, len(texts[doc_id])):
            # An edited table or one from another version: the mention counts as its own
            # span and kind, which every convention can read.
            unfit += 1
            kind, bounds = None, dict.fromkeys(BOUND_COLUMNS, -1)
        predictions[doc_id].append(
            Mention(
                start=start,
                end=end,
                text=text,
                label=str(row["label"]),
                sentence_idx=-1 if sentence_idx is None else sentence_idx,
                normal=_optional_str(row, "normal"),
                core=_optional_str(row, "core"),
                first=_optional_str(row, "first"),
                middle=_optional_str(row, "middle"),
                last=_optional_str(row, "last"),
                granularity=_optional_str(row, "granularity"),
                entity_id=_optional_int(row, "entity_id"),
                kind=kind,
                **bounds,
                confidence=_confidence(row),
            )
        )
    if unfit:
        warnings.append(
            f"{unfit} mention(s) of the run have a kind this version does not know or "
            f"core/extent bounds that do not hold their span; they were scored by their "
            f"own span (known kinds: {', '.join(KINDS)})"
        )
    if shifted:
        warnings.append(
            f"{shifted} mention(s) of the run do not match the gold text at their offsets "
            "and were dropped "
            "(was the run made on different text?)"
        )
    return predictions, warnings


def _confidence(row: dict[str, Any]) -> dict[str, float]:
    """What the run's learned layer said of the mention; nothing for a run made without it."""
    out = {}
    for convention in CONVENTIONS:
        value = row.get(f"confidence_{convention}")
        try:
            value = float(value)
        except (TypeError, ValueError):
            continue
        if not math.isnan(value):
            out[convention] = value
    return out


def _bound(row: dict[str, Any], column: str) -> int:
    try:
        value = _optional_int(row, column)
    except (TypeError, ValueError):
        return -2  # not a number: no bound at all, which `_fits` refuses
    return -1 if value is None else value


def _fits(kind: str | None, bounds: dict[str, int], start: int, end: int, size: int) -> bool:
    """A known kind (or none), and bounds that are absent or lie in the text: the core
    inside the mention's span, the extent around it, a descriptor before both."""
    if kind is not None and kind not in KINDS:
        return False
    if any(value < -1 or value > size for value in bounds.values()):
        return False
    core_start, core_end = bounds["core_start"], bounds["core_end"]
    extent_start, extent_end = bounds["extent_start"], bounds["extent_end"]
    descriptor = bounds["descriptor_start"]
    core = (start if core_start < 0 else core_start, end if core_end < 0 else core_end)
    return (
        start <= core[0] < core[1] <= end
        and (extent_start < 0 or extent_start <= start)
        and (extent_end < 0 or extent_end >= end)
        and (descriptor < 0 or descriptor <= (start if extent_start < 0 else extent_start))
    )


def check_offsets(
    docs: Sequence[GoldDoc], predictions: dict[str, list[Mention]], system: str
) -> list[str]:
    """Drop (in place) mentions whose offsets do not give their text; say how many."""
    texts = {doc.doc_id: doc.text for doc in docs}
    dropped = 0
    for doc_id, mentions in predictions.items():
        text = texts.get(doc_id)
        if text is None:
            continue
        kept = [
            m
            for m in mentions
            if 0 <= m.start < m.end <= len(text) and text[m.start : m.end] == m.text
        ]
        dropped += len(mentions) - len(kept)
        mentions[:] = kept
    if dropped:
        return [f"{system}: {dropped} mention(s) whose offsets do not give their text were dropped"]
    return []
