"""Benchmark: offline advisor turn latency once warm, how soon its first streamed piece arrives,
extraction accuracy per field, and how long the longest message takes to read.

Prints figures; asserts nothing. Target (SPEC §8): an offline turn under 150 ms p95 once warm.
Run: .venv/bin/python bench/bench_advisor.py
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import json
import statistics
import tempfile
import time
from pathlib import Path

from agent.advisor.context import AdvisorTools
from agent.advisor.rules.extract import extract
from agent.advisor.sessions import Advisor
from catalog.sources import load_catalog
from knowledge.base import KnowledgeBase
from knowledge.lexical import terms

ROOT = Path(__file__).resolve().parent.parent
TURNS = [
    "customer support chatbot, 50k chats a day, budget $1,500/month, within a second, not sensitive",
    "actually the budget is 5k",
    "what if volume grows 10x",
    "why not Claude?",
    "compare gpt-4.1 and gemini flash",
    "what is TTFT?",
    "drop the budget requirement",
]
# An interview: a side question mid-interview, a skip, an answer, the end.
INTERVIEW = ["We need a customer support chatbot", "what is TTFT?", "skip", "budget 3000 a month", "just recommend"]


# The longest message the advisor takes (20,000 characters), at its densest.
LONGEST = {
    "prose with a size every ~60 characters": " ".join(
        json.loads(line)["text"] for line in (ROOT / "tests/data/workload_dev.jsonl").read_text().splitlines()
    ),
    "10,000 numbers": "1 2 3 4 5 " * 2_000,
    "10,000 commas": "1," * 10_000,
}


def longest_message_reading() -> None:
    print("\nreading a 20,000-character message (CPU, best of 3):")
    for name, text in LONGEST.items():
        text = (text * (1 + 20_000 // len(text)))[:20_000]
        extract(text)
        times = []
        for _ in range(3):
            start = time.process_time()
            extract(text)
            times.append(time.process_time() - start)
        print(f"  {name}: {min(times) * 1000:.0f} ms")


def extraction_accuracy(filename: str) -> None:
    totals, correct = collections.Counter(), collections.Counter()
    for line in (ROOT / "tests" / "data" / filename).read_text().splitlines():
        case = json.loads(line)
        got = extract(case["text"]).fields
        for name, want in case["expect"].items():
            totals[name] += 1
            value = got.get(name)
            if isinstance(want, list):
                ok = sorted(value or []) == sorted(want)
            elif isinstance(want, bool) or not isinstance(want, int | float):
                ok = value == want
            else:
                ok = value is not None and abs(value - want) <= max(1e-3 * abs(want), 0.01)
            correct[name] += ok
    print(f"extraction accuracy per field (tests/data/{filename}): {sum(correct.values())}/{sum(totals.values())}")
    for name in sorted(totals, key=lambda n: -totals[n]):
        print(f"  {name:<18} {correct[name]:>2}/{totals[name]:<2} {correct[name] / totals[name]:.0%}")


def _first(arrived: list[float], piece: str) -> None:
    if not arrived:
        arrived.append(time.perf_counter())


def _p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * len(values))]


def turn_latency(rounds: int = 15) -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        knowledge = KnowledgeBase(Path(folder) / "index")
        tools = AdvisorTools(catalog=catalog, today=dt.date(2026, 11, 22), terms=terms,
                             search=lambda q, k: knowledge.search(q, k=k))  # fmt: skip
        advisor = Advisor(tools, Path(folder) / "sessions.sqlite")
        samples: dict[str, list[float]] = collections.defaultdict(list)
        first_piece: list[float] = []
        for round_number in range(rounds + 1):
            for script in (TURNS, INTERVIEW):
                session = None
                for text in script:
                    arrived: list[float] = []
                    start = time.perf_counter()
                    session = advisor.turn(text, session, functools.partial(_first, arrived)).session
                    if round_number:  # the first round warms caches and imports
                        samples[text].append((time.perf_counter() - start) * 1000)
                        first_piece.append((arrived[0] - start) * 1000)
        everything = [x for values in samples.values() for x in values]
        print(f"\noffline turn latency (BM25 retrieval, SQLite checkpoints), {len(everything)} turns:")
        print(f"  all turns: p50 {statistics.median(everything):.1f} ms, p95 {_p95(everything):.1f} ms")
        for name, script in (("the seven turns", TURNS), ("the interview", INTERVIEW)):
            values = [x for text in script for x in samples[text]]
            print(f"  {name}: p50 {statistics.median(values):.1f} ms, p95 {_p95(values):.1f} ms")
        print(f"  first streamed piece: p50 {statistics.median(first_piece):.1f} ms, "
              f"p95 {_p95(first_piece):.1f} ms after the message")  # fmt: skip
        for text, values in samples.items():
            print(f"  {text[:45]:<45} p50 {statistics.median(values):6.1f} ms")
        advisor.close()


if __name__ == "__main__":
    extraction_accuracy("first_messages.jsonl")
    extraction_accuracy("first_messages_heldout.jsonl")
    longest_message_reading()
    turn_latency()
