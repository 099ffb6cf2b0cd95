"""A logistic model over hashed feature strings, scored with numpy alone.

The learned components (event triggers and roles, occupations, the mention
confidence) are fitted by scikit-learn at training time (`rusnews train`) and
stored as `.npz` weight tables: a feature string is hashed (crc32) into a weight
row, and dense columns (a navec vector) may follow.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np


@lru_cache(maxsize=1 << 18)
def feature_index(name: str, bits: int) -> int:
    # Cached: most feature strings (`pos=NOUN`, `path=nsubj^|`) recur in every sentence.
    return zlib.crc32(name.encode("utf-8")) & ((1 << bits) - 1)


@dataclass(slots=True)
class LinearModel:
    """Weights of a logistic model over hashed features (one column per class; a binary model
    has one column, the positive class)."""

    classes: tuple[str, ...]
    bits: int
    weights: np.ndarray  # (2**bits, n_columns)
    bias: np.ndarray  # (n_columns,)
    dense: np.ndarray | None = None  # (DIMENSIONS, n_columns), for the navec columns
    threshold: float = 0.5
    # Per class, where one differs from `threshold`: the role classifier's, each the best
    # out-of-fold F1 of its role (`rusnews.train.events.role_thresholds`).
    thresholds: dict[str, float] = field(default_factory=dict)
    # Feature string -> weight row, filled as features are seen (most recur in every sentence).
    _rows: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _weights: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def threshold_of(self, cls: str) -> float:
        return self.thresholds.get(cls, self.threshold)

    def raw(self, features: list[str]) -> np.ndarray:
        return self.raw_many([features])[0]

    def score(self, features: list[str]) -> float:
        """`raw` of a one-column model as a float: a few dictionary look-ups, where a numpy
        gather costs more than the sum for the dozen features of a word."""
        weight, column = self._weights, self.weights[:, 0]
        total = 0.0
        for f in features:
            w = weight.get(f)
            if w is None:
                w = weight[f] = float(column[feature_index(f, self.bits)])
            total += w
        return total

    def raw_many(self, examples: list[list[str]]) -> np.ndarray:
        """`raw` of each feature list, as rows: one gather for a sentence's worth."""
        if not examples:
            return np.zeros((0, self.weights.shape[1]), self.weights.dtype)
        index, bits = self._rows, self.bits
        rows = [
            index[f] if f in index else index.setdefault(f, feature_index(f, bits))
            for features in examples
            for f in features
        ]
        return self.sum_rows(rows, [len(features) for features in examples])

    def sum_rows(self, rows, lengths: list[int]) -> np.ndarray:
        """The weight rows of each example added up in their order: `rows` lists every
        example's rows in turn, `lengths` how many each has. A row index may itself be a
        tuple of rows (one per column group); each is summed apart, in the same order."""
        starts = np.cumsum([0] + lengths[:-1])
        return np.add.reduceat(self.weights[rows], starts, axis=0)

    def save(self, path: Path) -> None:
        # Hashed rows no training feature reached stay zero: store the others only.
        used = np.flatnonzero(np.any(self.weights != 0, axis=1))
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            bits=np.array(self.bits),
            rows=used.astype(np.int32),
            values=self.weights[used].astype(np.float32),
            bias=self.bias.astype(np.float32),
            dense=self.dense if self.dense is not None else np.zeros((0, 0), np.float32),
            threshold=np.array(self.threshold),
            threshold_classes=np.array(list(self.thresholds), dtype=str),
            threshold_values=np.array(list(self.thresholds.values()), dtype=np.float64),
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path) as data:
            bits = int(data["bits"])
            values = data["values"]
            weights = np.zeros((1 << bits, values.shape[1]), np.float32)
            weights[data["rows"]] = values
            dense = data["dense"] if data["dense"].size else None
            # Models saved before per-class thresholds have one threshold for all.
            named = data["threshold_classes"] if "threshold_classes" in data else []
            levels = data["threshold_values"] if "threshold_values" in data else []
            return cls(
                tuple(str(c) for c in data["classes"]),
                bits,
                weights,
                data["bias"],
                dense,
                float(data["threshold"]),
                {str(c): float(v) for c, v in zip(named, levels)},
            )
