"""`tradeoff import`: a decision record (JSON) loaded back into a new advisor session."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tui.cli.common import UsageError, open_advisor


def register(commands: Any) -> None:
    importer = commands.add_parser("import", help="load a decision record (JSON) back into a new session")
    importer.set_defaults(run=run)
    importer.add_argument("record", metavar="RECORD.json")


def run(args: argparse.Namespace) -> int:
    from agent.record.export import RecordFileError, load_record
    from agent.settings import Settings

    try:
        record = load_record(Path(args.record))
    except RecordFileError as exc:
        raise UsageError(f"RECORD: {exc}") from None
    advisor = open_advisor(Settings())
    try:
        result = advisor.import_record(record)
    finally:
        advisor.close()
    print(f"imported as session {result.session}; open it with: tradeoff --session {result.session}")
    return 0
