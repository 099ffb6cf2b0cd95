"""The timed systems. Each runs in a fresh process, so its peak memory is its own.

Model loading happens before the clock starts for every system: Natasha's
models, and rusnews's workers (started and warmed up) alike.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

from rusnews.engine.memory import peak_rss_mb
from rusnews.model import Article

NATASHA_NER = "natasha NER"  # Segmenter + NewsNERTagger
NATASHA_FULL = "natasha full"  # segment, morph, syntax, NER, span.normalize, DatesExtractor


def read_texts(corpus: Path) -> list[str]:
    from rusnews.io.readers import read_folder

    return [item.text for item in read_folder(corpus) if isinstance(item, Article)]


def time_natasha(corpus: str, full: bool, one_thread: bool) -> dict[str, Any]:
    """Plain Natasha, one document at a time, as its README shows.

    `one_thread`: with one BLAS thread, as rusnews runs; otherwise with the
    BLAS threads the process was started with (the library's default).
    """
    if one_thread:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
    from natasha import (
        DatesExtractor,
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    texts = read_texts(Path(corpus))
    started = time.perf_counter()
    segmenter, embedding = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(embedding)
    if full:
        morph, syntax = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)
        vocab = MorphVocab()
        dates = DatesExtractor(vocab)
    load_s = time.perf_counter() - started
    tokens = 0
    started = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        if full:
            doc.tag_morph(morph)
            doc.parse_syntax(syntax)
        doc.tag_ner(ner)
        if full:
            for span in doc.spans:
                span.normalize(vocab)
            list(dates(text))
        tokens += len(doc.tokens)
    seconds = time.perf_counter() - started
    system = (NATASHA_FULL if full else NATASHA_NER) + (
        ", 1 BLAS thread" if one_thread else ", as shipped"
    )
    return {
        "key": ("natasha-full" if full else "natasha-ner") + ("-1t" if one_thread else ""),
        "system": system,
        "articles": len(texts),
        "tokens": tokens,
        "seconds": seconds,
        "load_s": load_s,
        "peak_rss_mb": peak_rss_mb(),
        "workers": 1,
    }


def time_rusnews(
    corpus: str, workers: int, stages: str, shard_size: int, batch_size: int
) -> dict[str, Any]:
    """`rusnews run` through the engine API, with workers started and models loaded first."""
    from rusnews.engine import completions
    from rusnews.engine.local import PoolEngine, SerialEngine
    from rusnews.engine.runner import run

    engine = SerialEngine(stages) if workers == 1 else PoolEngine(workers, stages)
    with engine, tempfile.TemporaryDirectory(prefix="rusnews-bench-") as tmp:
        started = time.perf_counter()
        engine.warm()
        load_s = time.perf_counter() - started
        out = Path(tmp)
        started = time.perf_counter()
        summary = run(
            Path(corpus),
            out,
            engine=engine,
            stages=stages,
            shard_size=shard_size,
            batch_size=batch_size,
            progress=False,
        )
        seconds = time.perf_counter() - started
        reports = [
            completions.read_marker(out, p.stem)
            for p in sorted((out / "parts" / "_done").glob("*.json"))
        ]
    peaks = [r.worker["peak_rss_mb"] for r in reports if r is not None and r.worker]
    # Share of the wall time the workers spent inside shards: near 100% means the
    # engine kept them fed, so a shortfall in speed-up is CPU the machine did not give.
    busy = (
        sum(r.seconds for r in reports if r is not None) / (workers * seconds) if seconds else 0.0
    )
    label = "rusnews NER only" if stages == "ner" else "rusnews full"
    return {
        "key": f"rusnews-{stages}",
        "system": f"{label}, {workers} worker{'s' if workers > 1 else ''}",
        "articles": summary.n_articles,
        "seconds": seconds,
        "load_s": load_s,
        "workers": workers,
        "stages": stages,
        # In one process the worker is this process; in a pool, the largest worker.
        "peak_rss_mb": max(peaks, default=peak_rss_mb()) if workers > 1 else peak_rss_mb(),
        "parent_peak_rss_mb": peak_rss_mb() if workers > 1 else None,
        "busy": busy,
        "stage_seconds": summary.timings,
    }


def run_scale(
    corpus: str, workers: int, shard_size: int, batch_size: int, checkpoints: tuple[int, ...]
) -> dict[str, Any]:
    """rusnews over a large corpus: throughput, and each worker's memory as the corpus goes by."""
    from rusnews.engine import completions
    from rusnews.engine.runner import make_engine, run

    with tempfile.TemporaryDirectory(prefix="rusnews-scale-") as tmp:
        out = Path(tmp)
        engine = make_engine("local", workers)
        with engine:
            engine.warm()
            started = time.perf_counter()
            summary = run(
                Path(corpus),
                out,
                engine=engine,
                shard_size=shard_size,
                batch_size=batch_size,
                progress=False,
            )
            seconds = time.perf_counter() - started
        reports = [
            completions.read_marker(out, p.stem)
            for p in sorted((out / "parts" / "_done").glob("*.json"))
        ]
    return {
        "articles": summary.n_articles,
        "seconds": seconds,
        "workers": engine.workers,
        # The corpus step (corpus entities and stories), within `seconds`.
        "corpus_seconds": summary.corpus.get("seconds", 0.0),
        "rss_after": rss_after(reports, checkpoints),
        "peak_rss_mb": max(
            (r.worker["peak_rss_mb"] for r in reports if r and r.worker), default=None
        ),
    }


def rss_after(reports: list, checkpoints: tuple[int, ...]) -> dict[int, float]:
    """Largest worker RSS once `k` articles were read, per checkpoint k.

    Each worker's RSS is taken at the end of the last shard it finished that
    lies wholly within the first k articles; the largest across workers counts.
    """
    found: dict[int, float] = {}
    for k in checkpoints:
        last: dict[int, tuple[int, float]] = {}
        for r in reports:
            if r is None or not r.worker:
                continue
            end = r.first_article + r.n_articles + r.n_failed
            pid = r.worker["pid"]
            if end <= k and end >= last.get(pid, (-1, 0.0))[0]:
                last[pid] = (end, r.worker["rss_mb"])
        if last:
            found[k] = max(rss for _, rss in last.values())
    return found
