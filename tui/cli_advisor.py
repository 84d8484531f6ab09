"""Headless `ask` (one advisor turn) and `sessions`."""

from __future__ import annotations

import argparse
import sys

from agent.settings import Settings
from tui.cli import UsageError, print_json


def _advisor(settings: Settings):  # type: ignore[no-untyped-def]
    from agent.advisor.factory import make_advisor
    from catalog.build import CatalogDataError
    from knowledge.base import KnowledgeBase

    try:
        advisor = make_advisor(settings, KnowledgeBase(settings.index_dir))
    except CatalogDataError as exc:
        raise UsageError(str(exc)) from None
    if advisor.notice:
        sys.stderr.write(f"note: {advisor.notice}\n")
    return advisor


def run_ask(args: argparse.Namespace) -> int:
    from agent.advisor.sessions import SessionNotFound

    advisor = _advisor(Settings())
    try:
        result = advisor.turn(args.message, session=args.session)
    except SessionNotFound as exc:
        raise UsageError(f"--session: {exc}") from None
    except ValueError as exc:
        raise UsageError(f"MESSAGE: {exc}") from None
    finally:
        advisor.close()
    if args.json:
        print_json(result.as_json())
    else:
        print(result.answer)
        print(f'\n(session {result.session}; continue with: tradeoff ask --session {result.session} "...")')
    return 0


def run_sessions(args: argparse.Namespace) -> int:
    advisor = _advisor(Settings())
    try:
        sessions = advisor.sessions()
    finally:
        advisor.close()
    if args.json:
        print_json({"sessions": [s.__dict__ for s in sessions]})
        return 0
    if not sessions:
        print('No sessions yet. Start one with `tradeoff` or `tradeoff ask "..."`.')
    for info in sessions:
        print(f"{info.id}  {info.updated}  {info.title}")
    return 0
