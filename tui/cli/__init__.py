"""`tradeoff` entry point: the TUI with no arguments, headless subcommands otherwise.

Each subcommand is one module here with `register(subparsers)` and `run(args)`; they share only
`common`. Bad input exits 2 with one line naming the option; tracebacks go to the log file only.
"""

from __future__ import annotations

import argparse
import errno
import functools
import re
import sys
from collections.abc import Sequence

from tui.cli.common import (
    BAD_INPUT,
    DEPENDENCY_FAILED,
    INTERNAL_ERROR,
    INTERRUPTED,
    SESSION_ID,
    Parser,
    UsageError,
    session_id,
)


@functools.cache
def build_parser() -> Parser:
    """One parser per process: parsing never changes it, and the suite calls main() hundreds of times."""
    # Each module imports its heavy libraries inside run(), so building the parser stays cheap.
    from tui.cli import (
        ask,
        catalog,
        cost,
        evaluate,
        export,
        import_record,
        index,
        ingest,
        leaderboard,
        local,
        plan,
        recheck,
        recommend,
        route,
        search,
        sessions,
        trial,
    )

    parser = Parser(prog="tradeoff", description="Choose the right AI model, with the numbers to show why.")
    parser.add_argument("--session", type=session_id, metavar="ID", help="resume a saved session in the TUI")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for command in (recommend, cost, catalog, search, index, ask, trial, evaluate, route, plan, local, export,
                    recheck, import_record, leaderboard, sessions, ingest):  # fmt: skip
        command.register(commands)
    return parser


_NEGATIVE_VALUE = re.compile(r"-\d[\w.,%]*")


def _negatives_joined(args: list[str]) -> list[str]:
    """ "--max-response-ms -1s" as "--max-response-ms=-1s": argparse takes "-1s" for an option and says
    "expected one argument"; joined, the option's own check says what range it takes."""
    out: list[str] = []
    for arg in args:
        if _NEGATIVE_VALUE.fullmatch(arg) and out and out[-1].startswith("--") and "=" not in out[-1]:
            out[-1] = f"{out[-1]}={arg}"
        else:
            out.append(arg)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (len(args_list) == 2 and args_list[0] == "--session" and SESSION_ID.match(args_list[1])):
        # The TUI path skips building the CLI parser (and the pydantic models it imports).
        from tui.launch import run_tui

        return run_tui(session=args_list[1] if args_list else None)
    parser = build_parser()
    args = parser.parse_args(_negatives_joined(args_list))
    if args.command is None:
        from tui.launch import run_tui

        return run_tui(session=args.session)
    from tui.terminal import guard_output, quiet_broken_pipe

    try:
        with guard_output(plain=not getattr(args, "json", False)):
            return _run(args)
    except BrokenPipeError:
        return quiet_broken_pipe()


def _run(args: argparse.Namespace) -> int:
    from agent.session_store import SessionBusy
    from agent.settings import SettingsError, load_settings
    from catalog.build import CatalogDataError

    try:
        load_settings()  # a bad setting is the user's to fix: one line, before any work
        code: int = args.run(args)
        return code
    except (UsageError, SettingsError, CatalogDataError) as exc:
        sys.stderr.write(f"tradeoff {args.command}: {exc}\n")
        return BAD_INPUT
    except SessionBusy as exc:
        sys.stderr.write(f"tradeoff {args.command}: {exc}\n")
        return DEPENDENCY_FAILED
    except KeyboardInterrupt:
        return INTERRUPTED
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main ends quietly
    except Exception as exc:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EROFS):
            sys.stderr.write(f"tradeoff {args.command}: cannot write the output: {exc.strerror} (free some space "
                             "or write elsewhere)\n")  # fmt: skip
            return DEPENDENCY_FAILED
        from tui.logging_setup import log_exception

        where = log_exception(exc)
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        sys.stderr.write(f"tradeoff {args.command}: internal error: {exc.__class__.__name__}: {first} "
                         f"(details in {where})\n")  # fmt: skip
        return INTERNAL_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
