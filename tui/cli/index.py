"""`tradeoff index`: build or update the knowledge index (embeds only what changed)."""

from __future__ import annotations

import argparse
import time
from typing import Any

from tui.cli.common import load_dense, open_knowledge, print_json


def register(commands: Any) -> None:
    index = commands.add_parser("index", help="build or update the knowledge index")
    index.set_defaults(run=run)
    index.add_argument("--rebuild", action="store_true", help="drop the course index and embed everything again")
    index.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings

    kb = open_knowledge(Settings())
    started = time.perf_counter()
    report = load_dense(kb, rebuild=args.rebuild)
    seconds = time.perf_counter() - started
    payload = {
        "chunks": report.total,
        "embedded": report.embedded,
        "removed": report.removed,
        "documents": len({c.doc_id for c in kb.course_chunks}),
        "embedding_model": kb.model_name,
        "seconds": round(seconds, 2),
        "path": str(kb.index_dir),
    }
    if args.json:
        print_json(payload)
    else:
        print(
            f"Index ready: {payload['documents']} documents, {report.total} chunks; "
            f"embedded {report.embedded}, removed {report.removed} "
            f"({kb.model_name}, {seconds:.1f} s) in {kb.index_dir}"
        )
    return 0
