"""A time limit for pipeline work, so one pathological article cannot hang a run.

The limit is a SIGALRM timer, which only the main thread of a process can
set: local workers and the serial engine are limited; in a Dask worker
thread the limit is not available and the work runs unbounded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class DeadlineExceeded(BaseException):
    """The work ran past its time limit.

    A BaseException, so that a stage's own `except Exception` cannot swallow it.
    """


def _raise(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    raise DeadlineExceeded()


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DeadlineExceeded inside the block once `seconds` have passed (None or 0: no limit)."""
    if not seconds or not available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
