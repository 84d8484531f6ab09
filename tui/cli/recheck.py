"""`tradeoff recheck`: a saved decision (JSON) against today's catalog; exit 1 when it says act."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from tui.cli.common import ACT, OK, UsageError, print_json


def register(commands: Any) -> None:
    recheck = commands.add_parser("recheck", help="a saved decision (JSON) against today's catalog; exit 1 on act")
    recheck.set_defaults(run=run)
    recheck.add_argument("record", metavar="RECORD.json")
    recheck.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.record.export import RecordFileError, load_record
    from agent.record.recheck import recheck
    from agent.settings import Settings

    try:
        record = load_record(Path(args.record))
    except RecordFileError as exc:
        raise UsageError(f"RECORD: {exc}") from None
    result = recheck(record, load_user_catalog(Settings()), dt.date.today())
    if args.json:
        print_json(result)
    else:
        print(f"{result['verdict'].upper()}: {record.chosen or 'no model'} ({result['catalog_version']})")
        for finding in result["findings"]:
            print(f"  [{finding['level']}] {finding['message']}")
        if not result["findings"]:
            print("  nothing changed that affects this decision")
    return ACT if result["verdict"] == "act" else OK
