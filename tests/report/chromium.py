"""Debian's Chromium, headless, as the report's real browser: dump the DOM after scripts ran, or
screenshot."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Offline and quiet: no first-run pages, sync, updates or background requests,
# and no sandbox (CI containers run as root, where Chromium refuses to sandbox).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
TIMEOUT_S = 120


def find_chromium() -> str | None:
    return next((path for name in NAMES if (path := shutil.which(name))), None)


def _run(binary: str, page: Path, profile: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    args = [binary, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()]
    done = subprocess.run(args, check=False, capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done


def dump_dom(binary: str, page: Path, profile: Path) -> str:
    """The DOM after the page's scripts ran (the budget lets them finish before the dump)."""
    return _run(binary, page, profile, "--virtual-time-budget=5000", "--dump-dom").stdout


def screenshot(
    binary: str, page: Path, png: Path, profile: Path, size: tuple[int, int] = (1280, 2000)
) -> Path:
    _run(binary, page, profile, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}")
    return png
