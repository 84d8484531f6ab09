"""Benchmark: offline advisor turn latency once warm, and extraction accuracy per field.

Prints figures; asserts nothing. Target (SPEC §8): an offline turn under 150 ms p95 once warm.
Run: .venv/bin/python bench/bench_advisor.py
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path

from agent.advisor.nodes import AdvisorTools
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


def turn_latency(rounds: int = 15) -> None:
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as folder:
        knowledge = KnowledgeBase(Path(folder) / "index")
        tools = AdvisorTools(catalog=catalog, today=dt.date(2026, 11, 22), terms=terms,
                             search=lambda q, k: knowledge.search(q, k=k))  # fmt: skip
        advisor = Advisor(tools, Path(folder) / "sessions.sqlite")
        samples: dict[str, list[float]] = collections.defaultdict(list)
        for round_number in range(rounds + 1):
            session = None
            for text in TURNS:
                start = time.perf_counter()
                session = advisor.turn(text, session).session
                if round_number:  # the first round warms caches and imports
                    samples[text].append((time.perf_counter() - start) * 1000)
        everything = sorted(x for values in samples.values() for x in values)
        print(f"\noffline turn latency (BM25 retrieval, SQLite checkpoints), {len(everything)} turns:")
        p95 = everything[int(0.95 * len(everything))]
        print(f"  all turns: p50 {statistics.median(everything):.1f} ms, p95 {p95:.1f} ms")
        for text, values in samples.items():
            print(f"  {text[:45]:<45} p50 {statistics.median(values):6.1f} ms")
        advisor.close()


if __name__ == "__main__":
    extraction_accuracy("first_messages.jsonl")
    extraction_accuracy("first_messages_heldout.jsonl")
    turn_latency()
