"""Progress inside a shard: how many of its items are done, told to whoever draws the bar.

A worker calls `tell(shard_id, done)` after each batch. Where that goes is set
once per process by the engine: a direct call in the serial engine, a queue to
the parent in the pool, an event to the client on Dask. Counts are running
totals for the shard, so a late, repeated or lost message can never make the
bar count an item twice.
"""

from __future__ import annotations

from collections.abc import Callable

Sink = Callable[[str, int], None]

_sink: Sink | None = None


def set_sink(sink: Sink | None) -> Sink | None:
    """Send this process's progress to `sink` (None: nowhere); returns the one it replaces."""
    global _sink
    previous, _sink = _sink, sink
    return previous


def tell(shard_id: str, done: int) -> None:
    if _sink is not None:
        _sink(shard_id, done)


def to_queue(queue: object) -> Sink:
    """A sink that puts `(shard_id, done)` on a multiprocessing queue the parent drains."""
    put = queue.put  # type: ignore[attr-defined]
    return lambda shard_id, done: put((shard_id, done))
