"""Walking an input folder: which files are inputs, and why each other file is not read.

Every file under the root is either handed on to the readers or becomes a
Problem that names it, so nothing in the folder is passed over silently. Two
things are left out without a row: hidden names (`.git`, `.DS_Store`), which
belong to tools, never to the news; and the run's own output folder, whose
manifest, markers and tables would otherwise come back as articles on the
rerun.

Links are followed only where they stay inside the root: a link to
`/etc/passwd` must not put that file into `articles.text` of a folder someone
handed over. A linked folder inside the root is not descended into, since the
walk meets its files under their own names anyway; a loop can therefore never
form, and when links outside are allowed every real folder is still entered at
most once.

A root on an object store (`s3://bucket/in`) is walked the same way, prefix
by prefix in name order, so its articles come in the order, and get the ids,
of the same files in a local folder; a store has no links.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from rusnews.io.storage import Location, ObjectPath, list_folder
from rusnews.model import Problem

SUFFIXES = (".txt", ".json", ".jsonl")
READ = "read"  # the stage of every problem met before an article exists
UNSUPPORTED = "unsupported_format"
OUTSIDE = "outside_input"


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _relative_id(root: Location, path: Location) -> str:
    # A file given as the input is its own root; any other path lies in the root folder.
    base = root.parent if path == root else root
    return path.relative_to(base).with_suffix("").as_posix()


def _unsupported(root: Location, path: Location) -> Problem:
    what = f"{path.suffix} file" if path.suffix else "a file without extension"
    return Problem(
        str(path),
        READ,
        UNSUPPORTED,
        f"{what} is not an article format rusnews reads; "
        f"save articles as {', '.join(SUFFIXES)} (text goes in .txt)",
        _relative_id(root, path),
    )


def _outside(root: Path, path: Path, target: str) -> Problem:
    return Problem(
        str(path),
        READ,
        OUTSIDE,
        f"link to {target}, outside the input folder {root}; not read "
        "(--follow-links-outside reads it)",
        _relative_id(root, path),
    )


def _unlisted(root: Location, folder: Location, exc: OSError) -> Problem:
    """One row for a folder whose files cannot even be named."""
    return Problem(
        str(folder),
        READ,
        "unreadable",
        f"cannot list folder: {exc.strerror or exc}",
        _relative_id(root, folder) if folder != root else folder.name,
    )


def walk_inputs(
    root: Location, exclude: Iterable[Location] = (), follow_outside: bool = False
) -> Iterator[Location | Problem]:
    """Input files under `root` in a stable order, and a Problem for every file that is not one.

    `exclude`: folders never entered (the run's output). `follow_outside`:
    also read links, to files or folders, that lead outside `root`.
    """
    if isinstance(root, ObjectPath):
        yield from _walk_store(root, {path for path in exclude if isinstance(path, ObjectPath)})
        return
    real_root = os.path.realpath(root)
    skipped = {os.path.realpath(path) for path in exclude if isinstance(path, Path)}
    if root.is_file():
        yield root if root.suffix.lower() in SUFFIXES else _unsupported(root, root)
        return
    entered: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        real_folder = os.path.realpath(folder)
        if real_folder in entered:
            continue
        entered.add(real_folder)
        try:
            names = sorted(os.listdir(folder))
        except OSError as exc:
            yield _unlisted(root, folder, exc)
            continue
        subfolders = []
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            real = os.path.realpath(path)
            if real in skipped:
                continue
            linked, exists = path.is_symlink(), os.path.exists(real)
            outside = linked and exists and not _inside(real, real_root)
            if outside and not follow_outside:
                yield _outside(root, path, real)
            elif os.path.isdir(real):
                if outside or not linked:
                    subfolders.append(path)
            elif path.suffix.lower() in SUFFIXES:
                yield path  # broken links and FIFOs too: the reader names what is wrong
            else:
                yield _unsupported(root, path)
        # Depth first, in name order: the order os.walk gave, so shard ids stay put.
        stack.extend(reversed(subfolders))


def _walk_store(root: ObjectPath, skipped: set[ObjectPath]) -> Iterator[Location | Problem]:
    """`walk_inputs` over a prefix of an object store: the same order, without links."""
    if root.is_file():
        yield root if root.suffix.lower() in SUFFIXES else _unsupported(root, root)
        return
    stack: list[Location] = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list_folder(folder)
        except OSError as exc:
            yield _unlisted(root, folder, exc)
            continue
        subfolders = []
        for path, is_folder in entries:
            if path.name.startswith(".") or path in skipped:
                continue
            if is_folder:
                subfolders.append(path)
            elif path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield _unsupported(root, path)
        stack.extend(reversed(subfolders))
