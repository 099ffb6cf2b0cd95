"""A synthetic corpus of any size, made from real news texts, to test scale.

Sources: the bundled sample and, when present beside the repository, the dev
texts of the gold corpora (`../shared/corpora/*-dev`). Each synthetic article
is the paragraphs of one source article followed by one paragraph of another,
so articles are not exact repeats; the vocabulary, though, is the sources',
which keeps word caches from growing as they would on fresh news.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from rusnews.io.readers import read_folder
from rusnews.model import Article

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLE = REPO / "corpora" / "sample"
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
PER_FILE = 1000  # records per .jsonl file


def source_folders() -> list[Path]:
    folders = [SAMPLE] if SAMPLE.is_dir() else []
    if SHARED_CORPORA.is_dir():
        folders += sorted(
            p for p in SHARED_CORPORA.iterdir() if p.is_dir() and p.name.endswith("-dev")
        )
    return folders


def source_articles(folders: list[Path]) -> list[Article]:
    articles = []
    for folder in folders:
        articles += [item for item in read_folder(folder) if isinstance(item, Article)]
    if not articles:
        raise FileNotFoundError(
            f"no source texts for a synthetic corpus in {', '.join(map(str, folders)) or '-'}"
        )
    return articles


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()] or [text]


def build_synthetic(
    n: int, out_dir: Path, seed: int = 13, folders: list[Path] | None = None
) -> Path:
    """Write `n` articles as .jsonl files under `out_dir`; the same n and seed give the same
    corpus."""
    sources = source_articles(source_folders() if folders is None else folders)
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    handle = None
    try:
        for idx in range(n):
            if idx % PER_FILE == 0:
                if handle is not None:
                    handle.close()
                handle = (out_dir / f"synthetic-{idx // PER_FILE:04d}.jsonl").open(
                    "w", encoding="utf-8"
                )
            base, other = rng.choice(sources), rng.choice(sources)
            text = "\n\n".join(paragraphs(base.text) + [rng.choice(paragraphs(other.text))])
            record = {
                "id": f"synthetic-{idx:07d}",
                "text": text,
                "published": base.published.isoformat() if base.published else None,
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if handle is not None:
            handle.close()
    return out_dir
