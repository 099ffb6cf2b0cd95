"""Benchmark: plain Natasha vs rusnews on the same texts, and rusnews at scale."""

from pipeline.bench.core import BenchResult, bench
from pipeline.bench.report import print_bench

__all__ = ["BenchResult", "bench", "print_bench"]
