"""A time limit for pipeline work, so one pathological article cannot hang a run.

In the main thread of a process (the serial engine, local pool workers) the
limit is a SIGALRM timer, which also interrupts a blocking wait. Only the main
thread may set one; a Dask worker runs tasks in other threads, and there a
timer thread raises the exception in the working thread instead
(`PyThreadState_SetAsyncExc`), which Python delivers between two bytecodes.
Pipeline stages are Python code that calls C only briefly (a model's batch, a
regular expression on one sentence), so both stop an article within moments
of its limit, and `--time-limit` means the same on every engine.
"""

from __future__ import annotations

import ctypes
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


def _uses_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DeadlineExceeded inside the block once `seconds` have passed (None or 0: no limit)."""
    if not seconds:
        yield
    elif _uses_signal():
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _interrupt(ident: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(DeadlineExceeded)
    )


def _withdraw(ident: int) -> None:
    """Drop an exception set for thread `ident` and not raised yet (NULL clears it)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.c_void_p(None))


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    timer = threading.Timer(seconds, _interrupt, (target,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        try:
            timer.join()  # after this, the timer has fired or never will
        finally:
            # Fired as the block ended: the exception must not surface later,
            # in code that no limit covers.
            _withdraw(target)
