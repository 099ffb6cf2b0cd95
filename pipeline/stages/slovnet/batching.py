"""Feed slovnet models sentences from many articles at once.

slovnet pads every batch to its longest item, so sentences are sorted by
length before batching and the results are put back in their original order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_sorted(
    items: Sequence[T], run: Callable[[list[T]], Iterable[R]], size: Callable[[T], int]
) -> list[R]:
    """Run a batch model over items sorted by size; results in input order."""
    order = sorted(range(len(items)), key=lambda i: size(items[i]))
    results: list[R | None] = [None] * len(items)
    for idx, result in zip(order, run([items[i] for i in order])):
        results[idx] = result
    return results  # type: ignore[return-value]
