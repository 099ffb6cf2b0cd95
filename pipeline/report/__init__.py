"""`rusnews report`: one self-contained HTML page about a finished run.

`render_report(run_dir)` returns the page; `write_report(run_dir, out)` writes
it. The page needs no network: charts are inline SVG, styles inline, no script.
"""

from __future__ import annotations

from rusnews.io.storage import Location, location, write_text_atomic
from rusnews.report.page import render_page
from rusnews.report.summary import RunSummary, summarize

__all__ = ["RunSummary", "render_report", "summarize", "write_report"]


def render_report(run_dir: str | Location) -> str:
    """The HTML page for the run in `run_dir` (the `-o` folder of `rusnews run`, or its URL)."""
    return render_page(summarize(location(run_dir)))


def write_report(run_dir: str | Location, out: str | Location | None = None) -> Location:
    """Write the page (default `RUN_DIR/report.html`) whole or not at all: under a temporary
    name renamed into place, or on an object store in one put."""
    run_dir = location(run_dir)
    target = location(out) if out is not None else run_dir / "report.html"
    page = render_report(run_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, page)
    return target
