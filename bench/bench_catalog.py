"""Benchmark: scoring every rated chat route, and `tradeoff recommend --json` end to end.

Prints figures; asserts nothing. Targets (SPEC §8): scoring p50 < 5 ms; recommend < 1 s.
Run: .venv/bin/python bench/bench_catalog.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
from pathlib import Path

from catalog.requirements import Requirements
from catalog.scoring import rank
from catalog.sources import load_catalog

TODAY = dt.date(2026, 11, 22)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def time_scoring(runs: int = 200) -> None:
    catalog = load_catalog()
    candidates = sum(1 for e in catalog.chat_models() if e.rated and e.provider in catalog.providers)
    req = Requirements(task="chat", requests_per_day=50_000, budget_usd_month=2_000, max_ttft_ms=2_000)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        rank(catalog, req, TODAY)
        samples.append((time.perf_counter() - start) * 1000)
    print(f"scoring: {candidates} rated routes ({len(catalog.chat_models())} chat models in the catalog)")
    print(f"  p50 {statistics.median(samples):.2f} ms, p95 {percentile(samples, 0.95):.2f} ms over {runs} runs")


def time_command(argv: list[str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return samples


def time_end_to_end(runs: int = 10) -> None:
    tradeoff = str(Path(sys.executable).parent / "tradeoff")
    baseline = time_command([sys.executable, "-c", "pass"], runs)
    recommend = time_command([tradeoff, "recommend", "--task", "coding", "--budget-usd-month", "2000", "--json"], runs)
    base, rec = statistics.median(baseline), statistics.median(recommend)
    print(
        f"`tradeoff recommend --json`: median {rec * 1000:.0f} ms (max {max(recommend) * 1000:.0f} ms) over {runs} runs"
    )
    print(f"`python -c pass`: median {base * 1000:.0f} ms; recommend costs {rec / base:.1f}x a bare interpreter")


if __name__ == "__main__":
    time_scoring()
    time_end_to_end()
