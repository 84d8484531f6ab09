"""`tradeoff ask`: one advisor turn, in a new session unless --session continues one."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import UsageError, open_advisor, print_json, session_id


def register(commands: Any) -> None:
    ask = commands.add_parser("ask", help="one advisor turn (a new session unless --session continues one)")
    ask.set_defaults(run=run)
    ask.add_argument("message", metavar="MESSAGE")
    ask.add_argument("--session", type=session_id, metavar="ID", help="continue this session")
    ask.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.sessions import SessionNotFound
    from agent.settings import Settings

    advisor = open_advisor(Settings())
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
