"""Table parts: written per shard, read back as one table, assembled into the user's files."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from rusnews.engine import completions
from rusnews.engine.completions import ShardReport
from rusnews.io.tables import (
    assemble_table,
    list_parts,
    part_path,
    read_table,
    to_arrow,
    write_part,
)


def _rows(article_id: str, n: int) -> list[dict]:
    return [
        {
            "path": f"{article_id}.txt",
            "article_id": article_id,
            "stage": "read",
            "kind": "empty",
            "message": f"problem {i}",
        }
        for i in range(n)
    ]


def test_parts_read_as_one_table_in_shard_order(tmp_path: Path) -> None:
    write_part(to_arrow("errors", _rows("b", 1)), tmp_path, "errors", "shard-00001")
    write_part(to_arrow("errors", _rows("a", 2)), tmp_path, "errors", "shard-00000")
    (
        part_path(tmp_path, "errors", "shard-00002").with_name(".shard-00002.arrow.tmp-1")
    ).write_bytes(b"half")
    assert [p.name for p in list_parts(tmp_path, "errors")] == [
        "shard-00000.arrow",
        "shard-00001.arrow",
    ]
    assert read_table(tmp_path, "errors")["article_id"].tolist() == ["a", "a", "b"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_assembled_table_equals_its_parts(tmp_path: Path, fmt: str) -> None:
    write_part(to_arrow("errors", _rows("a", 2)), tmp_path, "errors", "shard-00000")
    write_part(to_arrow("errors", []), tmp_path, "errors", "shard-00001")
    write_part(to_arrow("errors", _rows("c", 1)), tmp_path, "errors", "shard-00002")
    assemble_table(tmp_path, "errors", list_parts(tmp_path, "errors"), (fmt,))
    assert (tmp_path / f"errors.{fmt}").exists()
    assert read_table(tmp_path, "errors")["article_id"].tolist() == ["a", "a", "c"]


def test_assembling_no_parts_gives_an_empty_table_with_its_columns(tmp_path: Path) -> None:
    assemble_table(tmp_path, "mentions", [], ("parquet",))
    table = pq.read_table(tmp_path / "mentions.parquet")
    assert table.num_rows == 0 and "normal" in table.column_names


def test_same_parts_same_bytes(tmp_path: Path) -> None:
    write_part(to_arrow("errors", _rows("a", 3)), tmp_path, "errors", "shard-00000")
    parts = list_parts(tmp_path, "errors")
    assemble_table(tmp_path / "one", "errors", parts)
    assemble_table(tmp_path / "two", "errors", parts)
    assert (tmp_path / "one" / "errors.parquet").read_bytes() == (
        tmp_path / "two" / "errors.parquet"
    ).read_bytes()


def test_marker_round_trip_and_fingerprint_check(tmp_path: Path) -> None:
    report = ShardReport(
        "shard-00000", 0, "abc", 0, 5, n_articles=4, rows={"errors": 1}, timings={"ner": 0.5}
    )
    completions.write_marker(tmp_path, report)
    assert completions.read_marker(tmp_path, "shard-00000") == report
    assert completions.is_done(tmp_path, "shard-00000", "abc") == report
    assert completions.is_done(tmp_path, "shard-00000", "other") is None
    completions.marker_path(tmp_path, "shard-00001").write_text("{half", encoding="utf-8")
    assert completions.read_marker(tmp_path, "shard-00001") is None


def test_stale_shards_and_temporaries_are_removed(tmp_path: Path) -> None:
    for sid in ("shard-00000", "shard-00001"):
        write_part(to_arrow("errors", _rows("a", 1)), tmp_path, "errors", sid)
        completions.write_marker(tmp_path, ShardReport(sid, 0, "f", 0, 1))
    leftover = part_path(tmp_path, "errors", "shard-00000").with_name(".shard-00000.arrow.tmp-99")
    leftover.write_bytes(b"half")
    completions.remove_temporaries(tmp_path)
    assert not leftover.exists()
    assert completions.remove_stale(tmp_path, ["shard-00000"]) == 2
    assert [p.stem for p in list_parts(tmp_path, "errors")] == ["shard-00000"]
    assert completions.read_marker(tmp_path, "shard-00001") is None


def test_one_run_at_a_time(tmp_path: Path) -> None:
    with completions.run_lock(tmp_path):
        with pytest.raises(RuntimeError, match="another rusnews run"):
            with completions.run_lock(tmp_path):
                pass
    with completions.run_lock(tmp_path):  # released when the first run ends
        pass


def test_assembler_appends_shards_as_they_come_and_puts_tables_in_place_on_close(
    tmp_path: Path,
) -> None:
    from rusnews.io.tables import TableAssembler

    write_part(to_arrow("errors", _rows("a", 2)), tmp_path, "errors", "shard-00000")
    write_part(to_arrow("errors", _rows("b", 1)), tmp_path, "errors", "shard-00001")
    assembler = TableAssembler(tmp_path, ("parquet", "csv"))
    assembler.append({"errors": part_path(tmp_path, "errors", "shard-00000")})
    assert not (tmp_path / "errors.parquet").exists()  # nothing user-facing before close
    assembler.append({"errors": part_path(tmp_path, "errors", "shard-00001")})
    assembler.close(["errors"])
    assert read_table(tmp_path, "errors")["article_id"].tolist() == ["a", "a", "b"]
    assert (tmp_path / "errors.csv").read_text(encoding="utf-8").count(
        "\n"
    ) == 4  # header and three rows
    assert not list(tmp_path.glob(".*.tmp-*")) and not list(tmp_path.glob(".staging*"))


def test_a_discarded_assembly_leaves_no_file(tmp_path: Path) -> None:
    from rusnews.io.tables import TableAssembler

    write_part(to_arrow("errors", _rows("a", 1)), tmp_path, "errors", "shard-00000")
    assembler = TableAssembler(tmp_path)
    assembler.append({"errors": part_path(tmp_path, "errors", "shard-00000")})
    assembler.discard()
    assert not list(tmp_path.glob("*errors*")) and not list(tmp_path.glob(".staging*"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full, a disk always full")
def test_a_full_disk_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Every write to /dev/full fails with ENOSPC; closing a Parquet writer there fails too."""
    from rusnews.io.tables import TableAssembler

    write_part(to_arrow("errors", _rows("a", 3)), tmp_path, "errors", "shard-00000")
    assembler = TableAssembler(tmp_path, ("parquet", "csv"))
    for fmt in ("parquet", "csv"):
        temporary = assembler._temporary("errors", fmt)
        temporary.parent.mkdir(parents=True, exist_ok=True)
        temporary.symlink_to("/dev/full")
    with pytest.raises(OSError):
        assembler.append({"errors": part_path(tmp_path, "errors", "shard-00000")})
        assembler.close(["errors"])
    assembler.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parts"]
