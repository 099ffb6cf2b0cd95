"""Storage: local paths stay paths, URLs become object paths, and a store publishes by pointer.

These run on fsspec's in-process `memory://` store; the same functions against
a real S3-compatible server are in tests/engine/test_object_store.py.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path, PurePosixPath

import pytest
from rusnews.io import storage
from rusnews.io.readers import read_folder
from rusnews.io.storage import ObjectPath, location
from rusnews.io.walk import walk_inputs
from rusnews.model import Article, Problem

from tests.conftest import SAMPLE


@pytest.fixture
def store() -> ObjectPath:
    """A fresh folder of the memory store, removed afterwards."""
    root = location(f"memory://rusnews-{uuid.uuid4().hex[:8]}")
    assert isinstance(root, ObjectPath)
    yield root
    storage.remove_tree(root)


@pytest.mark.parametrize(
    ("given", "kind", "text"),
    [
        ("outputs/run", Path, "outputs/run"),
        ("/abs/in", Path, "/abs/in"),
        ("file:///abs/in", Path, "/abs/in"),
        ("s3://bucket/in/", ObjectPath, "s3://bucket/in"),
        ("memory://a/b", ObjectPath, "memory:///a/b"),
    ],
)
def test_location_keeps_local_paths_local(given: str, kind: type, text: str) -> None:
    found = location(given)
    assert isinstance(found, kind) and str(found) == text
    assert location(found) is found


def test_an_object_path_names_like_a_path() -> None:
    path = location("s3://bucket/in/regions/kazan-metro.txt")
    assert (path.name, path.stem, path.suffix) == ("kazan-metro.txt", "kazan-metro", ".txt")
    assert path.parent == location("s3://bucket/in/regions")
    assert path.bucket == location("s3://bucket")
    assert path.relative_to(location("s3://bucket/in")) == PurePosixPath("regions/kazan-metro.txt")
    assert location("s3://bucket/in") / "regions" / "kazan-metro.txt" == path
    with pytest.raises(ValueError):
        path.relative_to(location("memory://bucket/in"))


def test_a_store_without_its_package_says_what_to_install() -> None:
    pytest.importorskip("fsspec")
    try:
        import gcsfs  # noqa: F401
    except ImportError:
        with pytest.raises(RuntimeError, match="pip install gcsfs"):
            location("gs://bucket/in")
    else:
        pytest.skip("gcsfs is installed here")
    with pytest.raises(RuntimeError, match="not a storage rusnews can use"):
        location("nosuchstore://bucket/in")


def test_write_atomic_and_read_back(store: ObjectPath, tmp_path: Path) -> None:
    for folder in (store, tmp_path):
        path = folder / "parts" / "x.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        storage.write_text_atomic(path, '{"a": 1}')
        assert storage.exists(path) and path.read_text(encoding="utf-8") == '{"a": 1}'
        with storage.open_binary(path) as handle:
            assert handle.read() == b'{"a": 1}'
        assert path.stat().st_size == 8
        path.unlink()
        path.unlink(missing_ok=True)
        assert not storage.exists(path)
    assert list(tmp_path.rglob(".*tmp*")) == []


def test_list_folder_gives_files_and_folders_in_name_order(store: ObjectPath) -> None:
    for key in ("b.txt", "a/x.txt", "c.json", ".hidden", "a/y/z.txt"):
        storage.write_atomic(store / key, b"x")
    entries = [(path.name, is_folder) for path, is_folder in storage.list_folder(store)]
    assert entries == [(".hidden", False), ("a", True), ("b.txt", False), ("c.json", False)]
    with pytest.raises(FileNotFoundError):
        storage.list_folder(store / "nothing-here")


def _copy_to_store(folder: Path, target: ObjectPath) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            storage.write_atomic(target / path.relative_to(folder).as_posix(), path.read_bytes())


def _walked(root: object) -> list[tuple[str, str]]:
    """(what, id relative to the root) of each walked item."""
    found = []
    for item in walk_inputs(root):  # type: ignore[arg-type]
        if isinstance(item, Problem):
            found.append((item.kind, item.article_id or ""))
        else:
            found.append(("input", str(item.relative_to(root))))  # type: ignore[arg-type]
    return found


def test_a_store_is_walked_in_the_order_of_the_same_local_folder(
    store: ObjectPath, tmp_path: Path
) -> None:
    local = tmp_path / "in"
    shutil.copytree(SAMPLE, local)
    (local / "notes.md").write_text("not an article", encoding="utf-8")
    (local / ".DS_Store").write_bytes(b"\x00")
    (local / "regions" / "deep").mkdir()
    (local / "regions" / "deep" / "a.txt").write_text("Текст.", encoding="utf-8")
    _copy_to_store(local, store / "in")
    walked = _walked(store / "in")
    assert walked == _walked(local)
    assert ("unsupported_format", "notes") in walked and len(walked) > 10


def test_articles_read_from_a_store_equal_those_read_locally(store: ObjectPath) -> None:
    _copy_to_store(SAMPLE, store / "in")
    remote = list(read_folder(store / "in"))
    local = list(read_folder(SAMPLE))
    assert len(remote) == len(local) == 13
    for a, b in zip(remote, local):
        assert isinstance(a, Article) and isinstance(b, Article)
        assert (a.article_id, a.text, a.published, a.title, a.encoding) == (
            b.article_id,
            b.text,
            b.published,
            b.title,
            b.encoding,
        )
        assert a.path == f"{store}/in/{PurePosixPath(b.path).relative_to(SAMPLE.as_posix())}"


def test_a_vanished_object_is_an_errors_row(store: ObjectPath) -> None:
    storage.write_atomic(store / "in" / "a.txt", "Первая статья.".encode())
    storage.write_atomic(store / "in" / "b.txt", "Вторая статья.".encode())
    items = read_folder(store / "in")
    first = next(items)
    assert isinstance(first, Article) and first.article_id == "a"
    # Listed with its folder, gone before it is read: an object store does this.
    (store / "in" / "b.txt").unlink()
    (problem,) = list(items)
    assert isinstance(problem, Problem)
    assert (problem.kind, problem.article_id) == ("unreadable", "b")
    assert "removed from the store since its folder was listed" in problem.message


def test_the_pointer_names_the_tables_and_keeps_one_publication_before(store: ObjectPath) -> None:
    run = store / "run"
    assert storage.read_pointer(run) == (None, run)
    names = []
    for idx in range(3):
        tables = storage.fresh_prefix(run)
        storage.write_text_atomic(tables / "articles.csv", f"run {idx}")
        storage.publish_pointer(run, tables, {"counts": {"articles": idx}})
        names.append(tables.name)
        manifest, folder = storage.read_pointer(run)
        assert manifest is not None and manifest["counts"] == {"articles": idx}
        assert folder == tables and (folder / "articles.csv").read_text() == f"run {idx}"
    assert manifest["previous_tables_at"] == f"{storage.PUBLISHED}/{names[1]}"
    kept = {path.name for path, _ in storage.list_folder(run / storage.PUBLISHED)}
    assert kept == {names[1], names[2]}  # the oldest went; a reader of the one before may finish
    assert len(set(names)) == 3 and names == sorted(names)


def test_a_pointer_out_of_the_run_is_not_followed(store: ObjectPath) -> None:
    run = store / "run"
    storage.write_text_atomic(run / storage.MANIFEST, json.dumps({"tables_at": "../elsewhere"}))
    manifest, folder = storage.read_pointer(run)
    assert manifest is not None and folder == run

