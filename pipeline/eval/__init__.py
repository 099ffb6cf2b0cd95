"""Evaluation against gold corpora: readers, conventions, metrics, reports.

The CLI calls `evaluate(...)` and then `print_report(report)`; both are plain
functions that tests and notebooks call too.
"""

from rusnews.eval.evaluate import evaluate, load_gold, score_systems
from rusnews.eval.report import print_report, write_reports

__all__ = ["evaluate", "load_gold", "print_report", "score_systems", "write_reports"]
