"""Headless `search`, `index` and `ingest` over the course knowledge base."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from agent.settings import Settings
from tui.cli import UsageError, print_json


def open_knowledge(settings: Settings):  # type: ignore[no-untyped-def]
    from knowledge.base import KnowledgeBase
    from knowledge.documents import DocumentError

    try:
        return KnowledgeBase(
            settings.index_dir,
            embedding_model=settings.embedding_model,
            chroma_host=settings.chroma_host,
            chroma_port=settings.chroma_port,
        )
    except DocumentError as exc:
        raise UsageError(str(exc)) from None


def _load_dense(kb, rebuild: bool = False):  # type: ignore[no-untyped-def]
    from knowledge.embedding import EmbeddingUnavailable

    try:
        report = kb.load_dense(rebuild=rebuild)
    except EmbeddingUnavailable as exc:
        raise UsageError(str(exc)) from None
    if kb.store is not None and kb.store.notice:
        sys.stderr.write(f"note: {kb.store.notice}\n")
    return report


def run_search(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError("QUERY is empty; ask something, e.g. tradeoff search 'when to self-host'")
    kb = open_knowledge(Settings())
    if args.mode != "lexical":
        _load_dense(kb)
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


def run_index(args: argparse.Namespace) -> int:
    kb = open_knowledge(Settings())
    started = time.perf_counter()
    report = _load_dense(kb, rebuild=args.rebuild)
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


def run_ingest(args: argparse.Namespace) -> int:
    from knowledge.documents import DocumentError
    from knowledge.user_files import files_under, read_user_file

    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"PATH {missing[0]} does not exist")
    # Before loading the embedding model: when no file can be read, say why in one line.
    candidates = list(files_under(paths))
    if not candidates:
        raise UsageError(f"PATH: no .md, .txt or .pdf files in {', '.join(map(str, paths))[:200]}")
    problems = []
    for candidate in candidates:
        try:
            read_user_file(candidate)
        except DocumentError as exc:
            problems.append(str(exc))
    if len(problems) == len(candidates):
        more = f" (and {len(problems) - 1} more files could not be read)" if len(problems) > 1 else ""
        raise UsageError(f"PATH {problems[0]}{more}")
    kb = open_knowledge(Settings())
    _load_dense(kb)
    report = kb.ingest(paths)
    if args.json:
        print_json(
            {
                "files": report.files,
                "chunks": report.chunks,
                "embedded": report.embedded,
                "errors": report.errors,
            }
        )
    else:
        print(f"Ingested {len(report.files)} file(s): {report.chunks} chunks, {report.embedded} embedded.")
        for error in report.errors:
            print(f"skipped: {error}")
    if report.errors and not report.files:
        return 2
    return 0
