"""Cutting the reader's stream into shards: the unit of work, of output parts and of resuming.

A shard is a run of consecutive items from `read_folder`: `size` articles plus
the reader's problems met while they were read. The reader's order is stable,
so the same input always gives the same shards, named by position
(`shard-00000`, `shard-00001`, ...). Each problem belongs to exactly one shard,
so a rerun that redoes some shards never writes a problem twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rusnews.model import Article, Problem

Item = Article | Problem


def shard_id(index: int) -> str:
    return f"shard-{index:05d}"


@dataclass(slots=True)
class Shard:
    index: int
    first_article: int  # how many articles came before this shard in the run
    items: list[Item] = field(default_factory=list)
    n_articles: int = 0

    @property
    def shard_id(self) -> str:
        return shard_id(self.index)

    @property
    def articles(self) -> list[Article]:
        return [item for item in self.items if isinstance(item, Article)]

    def fingerprint(self, settings: str) -> str:
        """Digest of the settings and of everything read into this shard.

        A finished shard is skipped only when its recorded fingerprint matches,
        so an edited input file or other settings make the shard run again.
        """
        digest = hashlib.sha256(settings.encode("utf-8"))
        for item in self.items:
            if isinstance(item, Article):
                fields = (
                    "A",
                    item.article_id,
                    item.path,
                    item.title,
                    item.url,
                    item.source,
                    item.encoding,
                    item.published.isoformat() if item.published else None,
                    item.text,
                )
            else:
                fields = ("P", item.path, item.article_id, item.stage, item.kind, item.message)
            for value in fields:
                # A separator no text contains keeps ("ab", "c") apart from ("a", "bc").
                digest.update(
                    b"\x00" if value is None else value.encode("utf-8", "surrogatepass") + b"\x1f"
                )
        return digest.hexdigest()


def cut_shards(items: Iterable[Item], size: int) -> Iterator[Shard]:
    """Consecutive shards of `size` articles; a problem goes to the shard being filled."""
    if size < 1:
        raise ValueError("shard size must be at least 1")
    shard = Shard(index=0, first_article=0)
    for item in items:
        shard.items.append(item)
        if isinstance(item, Article):
            shard.n_articles += 1
            if shard.n_articles == size:
                yield shard
                shard = Shard(index=shard.index + 1, first_article=shard.first_article + size)
    if shard.items:
        yield shard
