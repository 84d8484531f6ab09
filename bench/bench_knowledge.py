"""Benchmark: index build, unchanged reopen, warm query latency, retrieval quality, import costs.

Prints figures; asserts nothing. Targets (SPEC §8): build < 30 s on 2 cores; reopen embeds
nothing; warm query p50 < 30 ms; recall@5 >= 0.9.
Run: .venv/bin/python bench/bench_knowledge.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from knowledge.base import KnowledgeBase
from knowledge.evaluation import evaluate, load_questions

ROOT = Path(__file__).resolve().parent.parent
EVAL_SET = ROOT / "tests" / "data" / "retrieval_eval.jsonl"
DEV_SET = ROOT.parent / "shared" / "eval" / "retrieval_dev.jsonl"


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        start = time.perf_counter()
        kb = KnowledgeBase(index)
        report = kb.load_dense()
        build = time.perf_counter() - start
        print(f"full build: {build:.1f} s ({report.embedded} chunks embedded, model load included)")

        start = time.perf_counter()
        reopened = KnowledgeBase(index)
        reopened.embedder = kb.embedder
        again = reopened.load_dense()
        print(f"reopen unchanged: {time.perf_counter() - start:.2f} s, {again.embedded} embedded")

        queries = [q.text for q in load_questions(EVAL_SET)]
        for query in queries[:5]:
            kb.search(query)
        samples = []
        for query in queries * 3:
            start = time.perf_counter()
            kb.search(query, k=5)
            samples.append((time.perf_counter() - start) * 1000)
        samples.sort()
        print(
            f"warm hybrid query: p50 {statistics.median(samples):.1f} ms, "
            f"p95 {samples[int(0.95 * len(samples))]:.1f} ms over {len(samples)} queries"
        )
        lexical = [(time.perf_counter(), kb.search(q, mode="lexical"), time.perf_counter()) for q in queries]
        print(f"BM25-only query: p50 {statistics.median((b - a) * 1000 for a, _, b in lexical):.2f} ms")

        print("\nretrieval quality (recall@1 / recall@5 / MRR):")
        for name, path in (("eval set", EVAL_SET), ("dev set", DEV_SET)):
            if not path.exists():
                continue
            questions = load_questions(path)
            for mode in ("lexical", "dense", "hybrid"):
                scores = evaluate(questions, lambda q, m=mode: kb.search(q, k=5, mode=m))
                print(
                    f"  {name} ({scores.questions} q) {mode:>7}: {scores.recall_at_1:.3f} / "
                    f"{scores.recall_at_5:.3f} / {scores.mrr:.3f}"
                )

    print("\nimport cost (fresh interpreter):")
    for module in ("tui.app", "knowledge.base", "chromadb", "sentence_transformers"):
        print(f"  import {module}: {import_seconds(module):.2f} s")


if __name__ == "__main__":
    main()
