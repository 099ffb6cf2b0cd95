"""`rusnews report`: one self-contained HTML page about a finished run.

`render_report(run_dir)` returns the page; `write_report(run_dir, out)` writes
it. The page needs no network: charts are inline SVG, styles inline, no script.
"""

from __future__ import annotations

import os
from pathlib import Path

from rusnews.report.page import render_page
from rusnews.report.summary import RunSummary, summarize

__all__ = ["RunSummary", "render_report", "summarize", "write_report"]


def render_report(run_dir: Path) -> str:
    """The HTML page for the run in `run_dir` (the `-o` folder of `rusnews run`)."""
    return render_page(summarize(Path(run_dir)))


def write_report(run_dir: Path, out: Path | None = None) -> Path:
    """Write the page (default `RUN_DIR/report.html`) under a temporary name, then rename it into
    place."""
    run_dir = Path(run_dir)
    out = Path(out) if out is not None else run_dir / "report.html"
    page = render_report(run_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{os.getpid()}")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, out)
    finally:
        if tmp.exists():
            tmp.unlink()
    return out
