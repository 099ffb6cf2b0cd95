"""The network layout: inside the unit square, the same every time, linked nodes close."""

from __future__ import annotations

import numpy as np
from rusnews.report.layout import force_layout, spiral


def test_spiral_starts_in_the_middle_and_stays_in_the_disc() -> None:
    points = spiral(20)
    radii = np.sqrt((points**2).sum(axis=1))
    assert radii[0] < 0.2 and (radii <= 1).all() and (np.diff(radii) > 0).all()


def test_layout_is_deterministic_and_fills_the_square() -> None:
    edges = [(0, 1, 3.0), (0, 2, 1.0), (3, 4, 1.0), (5, 6, 2.0)]
    first, second = force_layout(8, edges), force_layout(8, edges)
    assert np.array_equal(first, second)
    assert first.shape == (8, 2) and first.min() == 0 and first.max() == 1
    # No two nodes on one spot.
    gaps = np.sqrt(((first[:, None] - first[None]) ** 2).sum(axis=-1)) + np.eye(8)
    assert gaps.min() > 0.05


def test_linked_nodes_end_closer_than_unlinked_ones() -> None:
    pos = force_layout(6, [(0, 1, 1.0), (2, 3, 1.0), (4, 5, 1.0)])

    def gap(a: int, b: int) -> float:
        return float(np.linalg.norm(pos[a] - pos[b]))

    linked = max(gap(0, 1), gap(2, 3), gap(4, 5))
    unlinked = min(gap(a, b) for a in range(6) for b in range(6) if a // 2 != b // 2)
    assert linked < unlinked


def test_tiny_networks() -> None:
    assert force_layout(0, []).shape == (0, 2)
    assert force_layout(1, []).tolist() == [[0.5, 0.5]]
