"""`tradeoff sessions`: the saved advisor sessions, newest first."""

from __future__ import annotations

import argparse
from typing import Any

from tui.cli.common import open_advisor, print_json


def register(commands: Any) -> None:
    sessions = commands.add_parser("sessions", help="list saved advisor sessions")
    sessions.set_defaults(run=run)
    sessions.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings

    advisor = open_advisor(Settings())
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
