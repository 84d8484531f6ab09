"""`tradeoff search`: passages from the course knowledge base, hybrid, lexical or dense."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import UsageError, load_dense, number, open_knowledge, print_json


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="search the course knowledge base")
    search.set_defaults(run=run)
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--k", type=number(1, 100, whole=True), default=5, help="how many passages (default 5)")
    search.add_argument("--source", choices=["course", "guide", "module", "user"], help="only this source")
    search.add_argument("--chapter", type=number(1, 99, whole=True), help="only this course chapter")
    search.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    search.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings

    if not args.query.strip():
        raise UsageError("QUERY is empty; ask something, e.g. tradeoff search 'when to self-host'")
    kb = open_knowledge(Settings())
    if args.mode != "lexical":
        load_dense(kb)
    results = kb.search(args.query, k=args.k, source=args.source, chapter=args.chapter, mode=args.mode)
    if args.json:
        print_json({"query": args.query, "mode": args.mode, "results": [r.as_json() for r in results]})
        return 0
    if not results:
        print("No passages matched.")
    for rank, result in enumerate(results, 1):
        body = result.text.split("\n", 1)[-1].strip().replace("\n", " ")
        print(f"{rank}. [{result.id}] {result.title} — {result.section}  (score {result.score:.4f})")
        print(f"   {body[:300]}{'…' if len(body) > 300 else ''}")
    return 0
