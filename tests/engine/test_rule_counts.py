"""A run says in its manifest how often each rule fired and how many mentions it dropped."""

from __future__ import annotations

import json
from pathlib import Path

from rusnews.engine.runner import run

# `(МИД)` is split off the name before it; `Вчера` is no part of a person's name.
TEXTS = {
    "mfa.txt": "Министерство иностранных дел (МИД) России опубликовало заявление.",
    "visit.txt": "Вчера Алибек Бакаев прибыл в Астану. Министерство иностранных дел (МИД) молчит.",
}


def test_the_manifest_counts_rule_firings_and_drops(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    run(folder, tmp_path / "out", workers=1, shard_size=1, progress=False)
    rules = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["rules"]
    assert rules["repair"]["split_parenthesized_acronym"] == {"fired": 2}
    assert all(
        set(counts) <= {"fired", "dropped"} and counts["fired"] > 0
        for family in rules.values()
        for counts in family.values()
    )
