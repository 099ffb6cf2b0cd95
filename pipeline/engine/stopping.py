"""Stopping a run on Ctrl-C or SIGTERM: at once, keeping what is finished for the rerun.

A run asked to stop raises `RunStopped` in the main thread, wherever it is
waiting. The engine then submits no further shard, drops the queued ones and
ends the shards in flight (a rerun redoes them; finished shards keep their
parts and markers), and the command says so and exits 128 + the signal's
number, as a shell reports a process ended by that signal.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class RunStopped(KeyboardInterrupt):
    """The run was asked to stop by a signal.

    A KeyboardInterrupt, so that code that already cleans up after Ctrl-C
    (executors, the Dask client, `except Exception` that must not catch it)
    treats SIGTERM the same way.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise(signum: int, frame: object) -> None:  # noqa: ARG001 - signal handler signature
    raise RunStopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise RunStopped; the old handlers come back after.

    A signal the process was started to ignore (`nohup`, a job started with `&`
    by a shell without job control) stays ignored. Outside the main thread
    Python cannot set handlers, and the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, _raise)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def ignore_interrupts() -> None:
    """In a worker process: leave Ctrl-C to the process that started the run.

    A terminal sends SIGINT to every process of the run at once; workers that
    died of it would each print a traceback and break the pool before the
    main process could stop it in order.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
