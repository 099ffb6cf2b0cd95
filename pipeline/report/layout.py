"""Where the nodes of a network go: a small force-directed layout, the same on every run.

Fruchterman and Reingold's scheme (every node repels every other, an edge pulls its two ends
together, the steps shrink as it cools), started from a sunflower spiral in rank order instead
of random points: no seed, and the most connected nodes start, and mostly stay, in the middle.
"""

from __future__ import annotations

import math

import numpy as np

ITERATIONS = 300
# Pulls every node gently to the middle, or separate pairs drift to the corners.
GRAVITY = 0.08


def spiral(n: int) -> np.ndarray:
    """`n` points of the unit disc in a sunflower spiral, the first at the centre."""
    i = np.arange(n, dtype=float)
    radius = np.sqrt((i + 0.5) / max(n, 1))
    angle = i * math.pi * (3 - math.sqrt(5))  # the golden angle
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def force_layout(
    n: int, edges: list[tuple[int, int, float]], iterations: int = ITERATIONS
) -> np.ndarray:
    """Positions in [0, 1]² of `n` nodes ranked most connected first; edges are
    (node, node, weight), and a heavier edge pulls harder (by the square root of its weight)."""
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.array([[0.5, 0.5]])
    pos = spiral(n)
    k = math.sqrt(1.0 / n)  # the distance at which pull and push balance
    pull = np.zeros((n, n))
    for a, b, w in edges:
        if a != b:
            pull[a, b] = pull[b, a] = max(pull[a, b], math.sqrt(w))
    for step in range(iterations):
        heat = 0.1 * (1 - step / iterations) + 0.002
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=-1))
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 1e-3)
        # Repulsion k²/d, attraction d²/k along the edges, both along the unit vector delta/d.
        # A node's own row is zero: delta is zero there.
        force = (k * k / dist**2 - pull * dist / k)[:, :, None] * delta
        move = force.sum(axis=1) - GRAVITY * pos / k
        length = np.maximum(np.sqrt((move**2).sum(axis=1)), 1e-9)
        pos = pos + move / length[:, None] * np.minimum(length, heat)[:, None]
    low, high = pos.min(axis=0), pos.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    return (pos - low) / span
