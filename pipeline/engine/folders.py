"""The run's two folders: one INPUT however it is spelled, and an OUTPUT that is the run's own.

INPUT is resolved once, so `in/x`, `./in/x/` and `/abs/in/x` give the same
paths in the tables, the same shard fingerprints, and so the same resume. The
OUTPUT folder records which input it holds the run of (`parts/run.json`,
written when a run starts, before `manifest.json` exists); a run of another
input is refused instead of mixing two runs' parts and tables in one folder.
"""

from __future__ import annotations

import json
from pathlib import Path

from rusnews.io.storage import MANIFEST as MANIFEST
from rusnews.io.storage import Location, ObjectPath, check_bucket, is_url, location
from rusnews.io.tables import PARTS, write_text_atomic

CLAIM = "run.json"


class RunRefused(Exception):
    """A run that must not start: the message says what is wrong, where, and what to do."""


def input_root(path: str | Location) -> Location:
    path = location(path)
    if not path.exists():
        raise FileNotFoundError(f"input path {path} does not exist")
    return path.resolve()


def check_output(output: Location, root: Location) -> None:
    """Refuse an OUTPUT that cannot hold a run, before anything is written."""
    if isinstance(output, ObjectPath):
        try:
            check_bucket(output)
        except FileNotFoundError as exc:
            raise RunRefused(f"output {exc}") from None
    if output.exists() and not output.is_dir():
        raise RunRefused(
            f"output {output} is a file, not a folder; give -o a folder (it is created if missing)"
        )
    if output.resolve() == root:
        raise RunRefused(
            f"output folder {output} is the input folder; give -o a folder of its own "
            "(one inside INPUT is fine: it is never read as input)"
        )


def recorded_input(output: Location) -> Location | None:
    """The input whose run the folder holds: the last run's claim, else its manifest."""
    for path in (output / PARTS / CLAIM, output / MANIFEST):
        try:
            recorded = json.loads(path.read_text(encoding="utf-8")).get("input")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(recorded, str) and recorded:
            if is_url(recorded):
                return location(recorded)
            # Runs before inputs were resolved wrote INPUT as typed, relative to where they ran.
            return Path(recorded).resolve()
    return None


def claim_output(output: Location, root: Location, replace: bool) -> None:
    """Record that `output` holds the run of `root`; refuse one holding another input's run.

    `replace` (--force): the other run is given up; the caller forgets its shards.
    """
    recorded = recorded_input(output)
    if recorded is not None and recorded != root and not replace:
        raise RunRefused(
            f"output folder {output} holds the run of {recorded}, not of {root}; "
            "give -o another folder, or --force to replace that run"
        )
    (output / PARTS).mkdir(parents=True, exist_ok=True)
    write_text_atomic(output / PARTS / CLAIM, json.dumps({"input": str(root)}, ensure_ascii=False))
