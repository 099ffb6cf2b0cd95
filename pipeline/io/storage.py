"""Where a run reads and writes: local folders, or object stores named by fsspec URLs.

A local path stays a `pathlib.Path`, and everything local (renames, links, file
locks) stays the operating system's. A URL (`s3://bucket/in`, `gs://...`,
`memory://...`) becomes an `ObjectPath`, which offers the few `Path` methods
the readers and the engine use, over the store's fsspec filesystem; a
`file://` URL is a local path. The store's own settings (endpoint, keys) come
from its usual environment (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, ... for
S3), so a Dask worker started with them reaches the same store as the client.

An object store has no rename, but it puts a single object in place whole or
not at all. So every small file (a part, a marker, a manifest) is written in
one put, and a run's tables are published by writing them under a fresh
prefix and then one small pointer object, `manifest.json`, naming that
prefix (`tables_at`): a reader follows the pointer and sees one run's tables
or the other's, never a mix. The functions below are what the engine and any
later step over a run's tables use: `location`, `exists`, `open_binary`,
`list_folder`, `write_atomic`, `remove_tree`, `publish_pointer`, `read_pointer`.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import uuid
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any

MANIFEST = "manifest.json"
# Prefix, inside a run on an object store, of the published tables: one folder per publication.
PUBLISHED = "published"
# Stores that live in one process: workers in other processes cannot see them.
PROCESS_LOCAL = ("memory",)
# What to install for a store fsspec does not carry itself.
PACKAGES = {
    "s3": "'rusnews[s3]'",
    "gs": "gcsfs",
    "gcs": "gcsfs",
    "az": "adlfs",
    "abfs": "adlfs",
}


def is_url(value: object) -> bool:
    return isinstance(value, str) and "://" in value


def filesystem(protocol: str) -> Any:
    """The fsspec filesystem of a protocol, configured from the environment; cached by fsspec."""
    import fsspec

    try:
        return fsspec.filesystem(protocol)
    except (ImportError, ValueError) as exc:
        raise _unusable(protocol, exc) from exc


def _canonical(protocol: str, path: str) -> str:
    """The path as the store's own listings spell it (`memory://a/b` lists as `/a/b`)."""
    import fsspec

    try:
        return str(fsspec.get_filesystem_class(protocol)._strip_protocol(path)).rstrip("/")
    except (ImportError, ValueError) as exc:
        raise _unusable(protocol, exc) from exc


def _unusable(protocol: str, exc: Exception) -> RuntimeError:
    if isinstance(exc, ImportError):
        package = PACKAGES.get(protocol)
        install = f"pip install {package}" if package else f"install fsspec's {protocol} backend"
        return RuntimeError(f"{protocol}:// URLs need a package not installed here: {install}")
    # fsspec: "Protocol not known"
    return RuntimeError(f"{protocol}:// is not a storage rusnews can use: {exc}")


class Stat:
    __slots__ = ("st_size",)

    def __init__(self, size: int) -> None:
        self.st_size = size


class ObjectPath:
    """A key (or a prefix, as a folder) on an object store, with the `Path` methods rusnews uses.

    Folders are prefixes: making one is a no-op, and one exists while an
    object lies under it. A path from a listing (`list_folder`) knows what the
    listing said of it, whether a folder and its size, and asks the store
    again only to read: each question is a request, and an input of many
    small objects would spend more time asking than reading.
    """

    __slots__ = ("protocol", "path", "listed")

    def __init__(self, protocol: str, path: str, listed: tuple[bool, int] | None = None) -> None:
        self.protocol, self.path = protocol, _canonical(protocol, path)
        self.listed = listed  # (is a folder, size) as the listing gave them

    @classmethod
    def from_url(cls, url: str) -> ObjectPath:
        protocol, _, rest = url.partition("://")
        return cls(protocol, rest)

    @property
    def fs(self) -> Any:
        return filesystem(self.protocol)

    # Names, as pathlib gives them.
    def __str__(self) -> str:
        return f"{self.protocol}://{self.path}"

    def __repr__(self) -> str:
        return f"ObjectPath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ObjectPath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __truediv__(self, name: str | PurePosixPath) -> ObjectPath:
        return ObjectPath(self.protocol, f"{self.path}/{str(name).strip('/')}")

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.path).suffix

    @property
    def parent(self) -> ObjectPath:
        return ObjectPath(self.protocol, str(PurePosixPath(self.path).parent))

    @property
    def bucket(self) -> ObjectPath:
        """The first part of the path: an S3 or GCS bucket, a folder of the memory store."""
        return ObjectPath(self.protocol, self.path.lstrip("/").split("/", 1)[0])

    def relative_to(self, base: ObjectPath) -> PurePosixPath:
        if base.protocol != self.protocol:
            raise ValueError(f"{self} is not under {base}")
        return PurePosixPath(self.path).relative_to(PurePosixPath(base.path))

    def resolve(self) -> ObjectPath:
        return self

    def with_name(self, name: str) -> ObjectPath:
        return self.parent / name

    # What is there.
    def exists(self) -> bool:
        return self.listed is not None or bool(self.fs.exists(self.path))

    def is_dir(self) -> bool:
        return self.listed[0] if self.listed is not None else bool(self.fs.isdir(self.path))

    def is_file(self) -> bool:
        return not self.listed[0] if self.listed is not None else bool(self.fs.isfile(self.path))

    def is_symlink(self) -> bool:
        return False

    def stat(self) -> Stat:
        size = self.listed[1] if self.listed is not None else self.fs.size(self.path)
        return Stat(int(size))

    def iterdir(self) -> list[ObjectPath]:
        return [path for path, _ in list_folder(self)]

    # Reading and writing.
    def open(self, mode: str = "rb", encoding: str | None = None) -> IO[Any]:
        if "b" in mode:
            return self.fs.open(self.path, mode)
        return self.fs.open(self.path, mode, encoding=encoding)

    def read_bytes(self) -> bytes:
        try:
            return bytes(self.fs.cat_file(self.path))
        except FileNotFoundError:
            if self.listed is None:
                raise
            raise FileNotFoundError(
                errno.ENOENT, "removed from the store since its folder was listed", str(self)
            ) from None

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def write_bytes(self, data: bytes) -> None:
        self.fs.pipe_file(self.path, data)

    def write_text(self, text: str, encoding: str = "utf-8") -> None:
        self.write_bytes(text.encode(encoding))

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            self.fs.rm_file(self.path)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Nothing to make: a prefix exists once an object is written under it."""


Location = Path | ObjectPath


def location(value: str | os.PathLike[str] | ObjectPath) -> Location:
    """A path or URL as given on the command line, as the type that reads and writes it."""
    if isinstance(value, ObjectPath | Path):
        return value
    text = os.fspath(value)
    if text.startswith("file://"):
        return Path(text.removeprefix("file://"))
    if is_url(text):
        return ObjectPath.from_url(text)
    return Path(text)


def is_remote(path: object) -> bool:
    return isinstance(path, ObjectPath)


def is_process_local(path: object) -> bool:
    """A store other processes cannot see (`memory://`): only this process may write it."""
    return isinstance(path, ObjectPath) and path.protocol in PROCESS_LOCAL


def exists(path: Location) -> bool:
    return path.exists()


def open_binary(path: Location) -> IO[bytes]:
    return path.open("rb")


def list_folder(folder: Location) -> list[tuple[Location, bool]]:
    """(path, is a folder) of each entry of `folder`, in name order; OSError if it cannot be
    listed."""
    if isinstance(folder, Path):
        return [(folder / name, (folder / name).is_dir()) for name in sorted(os.listdir(folder))]
    entries = []
    # Fresh, not from fsspec's cache of listings: other processes (workers) write here too.
    for info in folder.fs.ls(folder.path, detail=True, refresh=True):
        name = str(info["name"]).rstrip("/")
        if name == folder.path:  # a store's marker object for the folder itself
            continue
        is_folder = info.get("type") == "directory"
        listed = (is_folder, int(info.get("size") or 0))
        entries.append((ObjectPath(folder.protocol, name, listed), is_folder))
    return sorted(entries, key=lambda entry: entry[0].name)


def check_bucket(path: ObjectPath) -> None:
    """Raise FileNotFoundError, naming it, when the bucket a URL lies in does not exist."""
    bucket = path.bucket
    if path.protocol not in PROCESS_LOCAL and not bucket.exists():
        raise FileNotFoundError(
            f"{bucket} does not exist (or these credentials may not see it); "
            f"create the bucket first, or give another URL than {path}"
        )


def write_atomic(path: Location, data: bytes) -> None:
    """Put `data` at `path` whole or not at all.

    Locally under a temporary name renamed into place (a failed write removes
    it); on a store in one put, which the store shows whole or not at all.
    """
    if isinstance(path, ObjectPath):
        path.write_bytes(data)
        return
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_text_atomic(path: Location, text: str) -> None:
    """A small UTF-8 file (a manifest, a marker) put in place whole or not at all."""
    write_atomic(path, text.encode("utf-8"))


def move(source: Location, target: Location) -> None:
    """A rename locally; on a store a copy, then the source removed (not atomic: publish
    through a pointer)."""
    if isinstance(source, Path) and isinstance(target, Path):
        os.replace(source, target)
        return
    write_atomic(target, source.read_bytes())
    source.unlink(missing_ok=True)


def remove_tree(folder: Location) -> None:
    """A folder and all it holds; nothing when it is not there."""
    if isinstance(folder, Path):
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        folder.fs.rm(folder.path, recursive=True)
    except FileNotFoundError:
        pass


def fresh_prefix(run_dir: ObjectPath) -> ObjectPath:
    """A prefix no publication has used, ordered by time: where a run's tables are written."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return run_dir / PUBLISHED / f"{stamp}-{uuid.uuid4().hex[:8]}"


def read_pointer(run_dir: Location) -> tuple[dict[str, Any] | None, Location]:
    """The run's manifest (None when there is none readable), and the folder its tables are in.

    A run published on an object store names that folder in the manifest's
    `tables_at`; a local run keeps its tables beside the manifest. Read the
    manifest once and take every table from the folder it names, and all of
    them are of one run.
    """
    try:
        manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, run_dir
    if not isinstance(manifest, dict):
        return None, run_dir
    tables_at = manifest.get("tables_at")
    if isinstance(tables_at, str) and tables_at and ".." not in PurePosixPath(tables_at).parts:
        return manifest, run_dir / tables_at
    return manifest, run_dir


def tables_root(run_dir: Location) -> Location:
    """Where the tables of the run published in `run_dir` are (see `read_pointer`)."""
    return read_pointer(run_dir)[1]


def publish_pointer(run_dir: ObjectPath, tables: ObjectPath, manifest: dict[str, Any]) -> None:
    """Make the tables under `tables` the run's: write the pointer, then drop older publications.

    The publication before this one is kept, so a reader that followed the
    old pointer a moment ago can finish reading; earlier ones, and prefixes
    of runs killed before they published, are removed.
    """
    previous, _ = read_pointer(run_dir)
    kept = {tables.name}
    pointer = {**manifest, "tables_at": str(tables.relative_to(run_dir))}
    if previous and isinstance(previous.get("tables_at"), str):
        kept.add(PurePosixPath(previous["tables_at"]).name)
        pointer["previous_tables_at"] = previous["tables_at"]
    write_text_atomic(run_dir / MANIFEST, json.dumps(pointer, ensure_ascii=False, indent=2))
    remove_publications(run_dir, keep=kept)


def remove_publications(run_dir: ObjectPath, keep: set[str]) -> None:
    """Remove every published prefix of `run_dir` but those named in `keep`."""
    folder = run_dir / PUBLISHED
    try:
        entries = list_folder(folder)
    except FileNotFoundError:
        return
    for path, _ in entries:
        if path.name not in keep:
            remove_tree(path)


def pointed_publications(run_dir: ObjectPath) -> set[str]:
    """Names of the publications the pointer names (now and before): never garbage."""
    manifest, _ = read_pointer(run_dir)
    if not manifest:
        return set()
    named = (manifest.get("tables_at"), manifest.get("previous_tables_at"))
    return {PurePosixPath(value).name for value in named if isinstance(value, str) and value}
