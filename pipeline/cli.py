"""`rusnews` command line: thin commands over importable functions.

The application and what its commands share are in `cli_app.py`; `cli_run.py`,
`cli_tools.py` and `cli_kb.py` add the commands to it, so importing them is what makes
them part of `rusnews`.
"""

from __future__ import annotations

import os

from rusnews import cli_kb, cli_run, cli_tools
from rusnews.cli_app import app

__all__ = ["app", "cli_kb", "cli_run", "cli_tools", "main"]


def main() -> None:
    # Threads beyond the cores only add contention in the small slovnet models.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    app()


if __name__ == "__main__":
    main()
