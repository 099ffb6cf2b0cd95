"""Resident memory of this process, for the manifest and the benchmark."""

from __future__ import annotations

import sys
from pathlib import Path

_STATUS = Path("/proc/self/status")


def _status_mb(field: str) -> float | None:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # the kernel reports kB
    except (OSError, ValueError, IndexError):
        return None
    return None


def rss_mb() -> float:
    """Resident set size now, in MiB."""
    found = _status_mb("VmRSS")
    if found is not None:
        return round(found, 1)
    try:
        import psutil
    except ImportError:
        return 0.0
    return round(psutil.Process().memory_info().rss / 2**20, 1)


def peak_rss_mb() -> float:
    """Highest resident set size of this process so far, in MiB.

    Linux's VmHWM belongs to the process's own memory image; `ru_maxrss` is the
    fallback elsewhere, though on Linux it would also count the parent's memory
    that a spawned child had before it exec'd.
    """
    found = _status_mb("VmHWM")
    if found is not None:
        return round(found, 1)
    try:
        import resource
    except ImportError:
        return rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # bytes on macOS, kilobytes elsewhere
    return round(peak / 2**20 if sys.platform == "darwin" else peak / 1024, 1)
