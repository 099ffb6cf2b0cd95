"""Corrections to gold normal forms, kept apart so that every figure exists both raw and
corrected (`models/normalize/normal_gold_fixes.tsv` lists each one with its reason)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from rusnews.eval.gold import GoldDoc
from rusnews.eval.normalization import NormalTarget
from rusnews.lexicon import read_lexicon
from rusnews.resources import MODELS_DIR

FIXES_PATH = MODELS_DIR / "normalize" / "normal_gold_fixes.tsv"


@cache
def gold_fixes(path: Path = FIXES_PATH) -> dict[tuple[str, str, str], str]:
    """(gold format, document, span text) -> the right normal form."""
    columns = ("format", "document", "text", "normal", "reason")
    return {(fmt, doc, text): normal for fmt, doc, text, normal, _ in read_lexicon(path, columns)}


def correct_targets(
    fmt: str, docs: Sequence[GoldDoc], targets: Sequence[Sequence[NormalTarget]]
) -> tuple[list[list[NormalTarget]], int]:
    """The targets with the listed corrections made, and how many were changed."""
    fixes = gold_fixes()
    corrected, changed = [], 0
    for doc, doc_targets in zip(docs, targets, strict=True):
        fixed = []
        for target in doc_targets:
            normal = fixes.get((fmt, doc.doc_id, target.text))
            if normal is not None and target.forms != (normal,):
                target = replace(target, forms=(normal,))
                changed += 1
            fixed.append(target)
        corrected.append(fixed)
    return corrected, changed
