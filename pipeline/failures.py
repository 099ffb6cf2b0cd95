"""Failures a user can cause, each said in one line: what went wrong, where, and what to do.

`explain` turns an exception into such an answer, or returns None for what
no user can cause (a bug), which keeps its traceback. The command line
prints the answer and exits with its code; `--debug` shows the traceback
instead.
"""

from __future__ import annotations

import errno
import os
import re
import signal
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from rusnews.engine.stopping import RunStopped

USAGE = 2  # the exit code of every refusal, as Click uses for a bad option
INTERRUPTED = 130  # 128 + SIGINT: Ctrl-C outside a run (loading models, scoring)


@dataclass(frozen=True, slots=True)
class Answer:
    message: str  # what went wrong, and where
    hint: str  # what to do
    code: int = USAGE


# What a user does about a path that could not be written, by errno; OPTION
# is the command's option that names where it writes.
HINTS = {
    errno.ENOSPC: "free some space on that disk, or give OPTION a folder on another one",
    errno.EDQUOT: "free some space within your quota, or give OPTION a folder on another disk",
    errno.EROFS: "give OPTION a place on a disk that can be written",
    errno.EACCES: "give OPTION a place you may write to, or fix the permissions",
    errno.EPERM: "give OPTION a place you may write to, or fix the permissions",
    errno.EEXIST: "give OPTION a path that is not taken by a file",
    errno.ENOTDIR: "give OPTION a path whose parents are folders, not files",
    errno.EISDIR: "give OPTION a path that is not taken by a folder",
    errno.ENAMETOOLONG: "give OPTION a shorter path",
}
OTHER = "check that path, or give OPTION another place"
# pyarrow's errors carry the number in their message only: `[errno 28] No space left on device`.
NUMBER_IN_MESSAGE = re.compile(r"\[errno (\d+)\]", re.IGNORECASE)


def _errno(exc: OSError) -> int | None:
    if exc.errno is not None:
        return exc.errno
    found = NUMBER_IN_MESSAGE.search(str(exc))
    return int(found.group(1)) if found else None


def _os_error(exc: OSError, output: Path | None, option: str) -> Answer:
    number = _errno(exc)
    reason = os.strerror(number) if number is not None else str(exc)
    where = exc.filename if exc.filename is not None else output
    message = f"{where}: {reason}" if where is not None else reason
    return Answer(message, HINTS.get(number, OTHER).replace("OPTION", option))


def explain(
    exc: BaseException, output: Path | None = None, option: str = "-o", resumes: bool = False
) -> Answer | None:
    """The answer for a failure a user can cause; None for anything else.

    `output` is where the command writes and `option` the option that names
    it, both for the hint; `resumes` says that finished work stays there for
    a rerun (`rusnews run`).
    """
    from rusnews.engine.folders import RunRefused
    from rusnews.eval.gold import GoldFormatError
    from rusnews.eval.predictions import RunError

    again = (
        f"the shards finished so far are kept in {output}; run the same command again to resume"
        if resumes
        else "run the command again"
    )
    if isinstance(exc, RunStopped):
        by = "Ctrl-C (SIGINT)" if exc.signum == signal.SIGINT else exc.signal_name
        return Answer(f"stopped by {by}", again, exc.exit_code)
    if isinstance(exc, KeyboardInterrupt):
        return Answer("stopped by Ctrl-C", again, INTERRUPTED)
    if isinstance(exc, BrokenProcessPool):
        return Answer(
            "a worker process ended abruptly (killed, or out of memory)",
            f"{again}, with fewer --workers if memory is short",
        )
    if isinstance(exc, RunRefused):  # nothing to read; an output folder that is not this run's
        return Answer(str(exc), "")
    if isinstance(exc, GoldFormatError):
        return Answer(
            str(exc),
            "check --format: factru reads a factRuEval folder (.txt .spans .objects), "
            "brat a folder of NAME.txt with NAME.ann, jsonl a file of JSON documents "
            "with `text` and `mentions`",
        )
    if isinstance(exc, OSError):
        answer = _os_error(exc, output, option)
        if resumes:
            again = "a rerun into the same folder resumes where this one stopped"
            answer = Answer(answer.message, f"{answer.hint}; {again}", answer.code)
        return answer
    # The engine refuses with a plain RuntimeError written for the user (another
    # run holds the folder, a Dask cluster out of reach); its subclasses are
    # crashes (RecursionError, NotImplementedError) that keep their traceback.
    if type(exc) is RuntimeError or isinstance(exc, RunError):
        return Answer(str(exc), "")
    return None
