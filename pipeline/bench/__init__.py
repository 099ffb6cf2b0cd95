"""Benchmark: plain Natasha vs rusnews on the same texts, and rusnews at scale."""

from rusnews.bench.core import BenchResult, bench
from rusnews.bench.report import print_bench

__all__ = ["BenchResult", "bench", "print_bench"]
