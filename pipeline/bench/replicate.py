"""The finished shards of a large run, made from those of a small real one.

Processing 200,000 articles takes hours on a small machine; what follows the
workers (assembling the tables, the corpus step, the report) needs only their
parts. So a small input is run for real once, and its input and shard parts
are copied over and over into a run of `n` articles: each copy gets fresh
article ids (`<id>~<copy>`), shard names that continue the count, its own
input file (so that a resumed run reads, fingerprints and skips every shard
as it would after real processing) and markers with those fingerprints.

Left as they are, the copies would be the same few hundred articles again and
again: the corpus step would join every copy's `Путин` into one corpus entity
and every copy's events into the same few stories, which a real stream of news
does not do. So each copy varies what the corpus step links by:

- names: a stable share of the names, chosen by a hash of the name (persons
  80%, organizations 60%, places 20%: new people and bodies come with fresh
  news, places recur), gets a copy code of Cyrillic syllables before its last
  word (`Песков` -> `Бабапесков`), in `name`, the name part it stands in and
  `key`; the other names recur in every copy, as the most named do in news;
- days: publication and event dates move by one day per copy, so that a
  copy's stories lie within the window only of the copies next to it; an
  article without a publication date gets `FIRST_DAY` before the move, as a
  news stream dates every article.

Mention texts, event arguments and records keep the source's names: the corpus
step reads names from `entities` only, and the rest is there to be assembled.
"""

from __future__ import annotations

import json
import zlib
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from rusnews.engine import completions
from rusnews.engine.config import RunConfig
from rusnews.engine.shards import cut_shards, shard_id
from rusnews.io.readers import read_folder, read_path
from rusnews.io.tables import part_path, read_part, write_part
from rusnews.model import Article
from rusnews.schema import DAY, SHARD_TABLES

# Of the names with these labels, the share a copy renames.
VARIED_SHARE = {"PER": 0.8, "ORG": 0.6, "LOC": 0.2}
FIRST_DAY = date(2025, 1, 1)
_CONSONANTS = "бвгдзклмнпрст"
_VOWELS = "аоуие"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]


def copy_code(copy: int) -> str:
    """Two or more syllables naming the copy: `баба`, `бабо`, ...; distinct for every copy."""
    syllables = []
    while True:
        copy, rest = divmod(copy, len(_SYLLABLES))
        syllables.append(_SYLLABLES[rest])
        if copy == 0 and len(syllables) >= 2:
            break
    return "".join(reversed(syllables))


def varied(name: str, label: str) -> bool:
    share = VARIED_SHARE.get(label, 0.0)
    return zlib.crc32(f"{label}:{name}".encode()) % 1000 < share * 1000


def _coded(word: str, code: str) -> str:
    if word.isupper() and len(word) > 1:  # an acronym stays one: МИД -> БАБАМИД
        return code.upper() + word
    return code.capitalize() + word[:1].lower() + word[1:]


def _entities(table: pa.Table, copy: int) -> pa.Table:
    """The copy's names: the varied share renamed, its name part and key with it."""
    code = copy_code(copy)
    columns = {c: table.column(c).to_pylist() for c in ("label", "name", "key", "first", "last")}
    for row, (label, name) in enumerate(zip(columns["label"], columns["name"])):
        if not name or not varied(name, label):
            continue
        words = name.split(" ")
        old, new = words[-1], _coded(words[-1], code)
        columns["name"][row] = " ".join([*words[:-1], new])
        for part in ("last", "first"):
            if columns[part][row] == old:
                columns[part][row] = new
                break
        if columns["key"][row]:
            columns["key"][row] += f"~{code}"
    for name in ("name", "key", "first", "last"):
        at = table.schema.get_field_index(name)
        table = table.set_column(at, table.schema.field(at), pa.array(columns[name], pa.string()))
    return table


def _copied(name: str, table: pa.Table, copy: int, paths: dict[str, str]) -> pa.Table:
    """One source part as it is in copy `copy`: its ids, paths, days and names."""
    suffix = f"~{copy:05d}"
    for column in table.schema:
        values = table.column(column.name)
        if column.name == "article_id":
            values = pc.binary_join_element_wise(values, pa.scalar(suffix), "")
        elif column.name == "path" and paths:
            values = pa.array(
                [paths.get(p, p) if p else p for p in values.to_pylist()], pa.string()
            )
        elif column.type == DAY:
            if name == "articles":
                values = values.fill_null(pa.scalar(datetime.combine(FIRST_DAY, time()), DAY))
            values = pc.add(values, pa.scalar(timedelta(days=copy), pa.duration("ms")))
        else:
            continue
        at = table.schema.get_field_index(column.name)
        table = table.set_column(at, column, values.cast(column.type))
    return _entities(table, copy) if name == "entities" else table


def _write_input(source: list[Article], copy: int, folder: Path) -> Path:
    """The copy's articles as one JSONL file: what a resumed run reads and fingerprints."""
    path = folder / f"copy-{copy:05d}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for article in source:
            published = (article.published or FIRST_DAY) + timedelta(days=copy)
            record = {
                "id": f"{article.article_id}~{copy:05d}",
                "text": article.text,
                "title": article.title,
                "url": article.url,
                "published": published.isoformat(),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def replicate_run(
    source_input: Path, source_run: Path, n: int, input_dir: Path, run_dir: Path, shard_size: int
) -> int:
    """Write `n` articles of input under `input_dir` and their finished shards under `run_dir`,
    copied from the real run `source_run` of `source_input` (whole shards of `shard_size`
    articles); the number of shards written."""
    source = [item for item in read_folder(source_input) if isinstance(item, Article)]
    if not source or len(source) % shard_size or n % shard_size:
        raise ValueError(
            f"{len(source)} source articles and {n} must be whole shards of {shard_size}"
        )
    per_copy = len(source) // shard_size
    parts = {
        name: [read_part(part_path(source_run, name, shard_id(s)), name) for s in range(per_copy)]
        for name in SHARD_TABLES
    }
    reports = [completions.read_marker(source_run, shard_id(s)) for s in range(per_copy)]
    if any(report is None for report in reports):
        raise ValueError(f"{source_run} is not a finished run of {per_copy} shards")
    input_dir.mkdir(parents=True, exist_ok=True)
    input_dir = input_dir.resolve()  # as a run resolves INPUT: the paths it reads are absolute
    settings = RunConfig(shard_size=shard_size).key()
    written = 0
    for copy in range(-(-n // len(source))):
        # The last copy takes the first of the source's shards that are still wanted.
        taken = source[: min(len(source), n - copy * len(source))]
        path = _write_input(taken, copy, input_dir)
        items = list(read_path(input_dir, path))
        paths = {article.path: item.path for article, item in zip(taken, items)}
        for s, shard in enumerate(cut_shards(items, shard_size)):
            index = copy * per_copy + s
            sid = shard_id(index)
            for name in SHARD_TABLES:
                write_part(_copied(name, parts[name][s], copy, paths), run_dir, name, sid)
            report = reports[s]
            assert report is not None
            report.shard_id, report.index = sid, index
            report.first_article = index * shard_size
            report.fingerprint = shard.fingerprint(settings)
            completions.write_marker(run_dir, report)
            written += 1
    return written
