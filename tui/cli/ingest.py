"""`tradeoff ingest`: add the user's own Markdown, text or PDF files to the knowledge base."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui.cli.common import BAD_INPUT, OK, UsageError, load_dense, open_knowledge, print_json


def register(commands: Any) -> None:
    ingest = commands.add_parser("ingest", help="add your own Markdown, text or PDF files")
    ingest.set_defaults(run=run)
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings
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
    load_dense(kb)
    report = kb.ingest(paths)
    if args.json:
        print_json({"files": report.files, "chunks": report.chunks, "embedded": report.embedded,
                    "errors": report.errors})  # fmt: skip
    else:
        print(f"Ingested {len(report.files)} file(s): {report.chunks} chunks, {report.embedded} embedded.")
        for error in report.errors:
            print(f"skipped: {error}")
    return BAD_INPUT if report.errors and not report.files else OK
