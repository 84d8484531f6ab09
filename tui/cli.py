"""`tradeoff` entry point: the TUI with no arguments, headless subcommands otherwise.

Bad input exits 2 with one line naming the option; tracebacks go to the log file only.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from catalog.quantities import parse_fraction, parse_quantity


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def _plain(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def number(low: float, high: float, *, whole: bool = False, above: bool = False) -> Callable[[str], Any]:
    """The one validator for every number typed on the command line: finite, within its documented
    range (`above`: strictly above `low`), whole when asked; argparse names the option."""

    def parse(text: str) -> float | int:
        try:
            value = parse_quantity(text)
        except (ValueError, OverflowError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        low_ok = value > low if above else value >= low
        if not (math.isfinite(value) and low_ok and value <= high and (not whole or value == int(value))):
            kind = "a whole number" if whole else "a number"
            bound = f"above {_plain(low)} and up to" if above else f"from {_plain(low)} to"
            raise argparse.ArgumentTypeError(f"{_shown(text)}: give {kind} {bound} {_plain(high)}")
        return int(value) if whole else value

    parse.__name__ = "whole number" if whole else "number"
    return parse


def _shown(text: str, limit: int = 40) -> str:
    """A typed value quoted for an error line, cut short and with control characters escaped."""
    return repr(text if len(text) <= limit else text[:limit] + "...")


quantity = number(0, 1e12)


def fraction(text: str) -> float:
    try:
        return parse_fraction(text)
    except (ValueError, OverflowError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def session_id(text: str) -> str:
    if not _SESSION_ID.match(text):
        raise argparse.ArgumentTypeError(f"{_shown(text)}: a session id is 1-64 letters, digits, - or _ "
                                         "(`tradeoff sessions` lists them)")  # fmt: skip
    return text


def url(text: str) -> str:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not text.isprintable():
        raise argparse.ArgumentTypeError(f"{_shown(text)}: give an http(s) URL, e.g. http://127.0.0.1:8080/v1")
    return text


def model_names(text: str) -> str:
    names = [name.strip() for name in text.split(",")]
    bad = next((name for name in names if name and (len(name) > 200 or not name.isprintable() or " " in name)), None)
    if bad is not None:
        raise argparse.ArgumentTypeError(
            f"{_shown(bad)} is not a model name (printable, no spaces, under 200 characters)"
        )
    return text


def capability_list(text: str) -> list[str]:
    from catalog.requirements import CAPABILITIES

    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    unknown = [word for word in words if word not in CAPABILITIES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown capability {unknown[0]!r}; choose from {','.join(CAPABILITIES)}")
    return words


_DURATION = re.compile(r"^\s*([0-9][0-9_,.]*)\s*(ms|s|sec|seconds?|m|min|minutes?)?\s*$", re.IGNORECASE)
_MS_PER_UNIT = {"ms": 1.0, "s": 1e3, "sec": 1e3, "second": 1e3, "seconds": 1e3, "m": 6e4, "min": 6e4,
                "minute": 6e4, "minutes": 6e4}  # fmt: skip


def duration_ms(text: str) -> float:
    """Milliseconds from `800`, `800ms`, `10s` or `2 min`; a bare number is milliseconds."""
    match = _DURATION.match(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (try 800, 800ms, 10s or 2min)")
    value = quantity(match.group(1)) * _MS_PER_UNIT[(match.group(2) or "ms").lower()]
    if not 0 < value < 1e9:
        raise argparse.ArgumentTypeError(f"{text!r}: give a duration above 0 and under 11 days")
    return value


def region(text: str) -> str:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{0,29}", text.strip()):
        raise argparse.ArgumentTypeError(f"{_shown(text)}: name a region such as us, eu or asia")
    return text.strip()


def language_list(text: str) -> list[str]:
    words = [word.strip().lower() for word in text.split(",") if word.strip()]
    if not words or any(not word.replace("-", "").isalpha() or len(word) > 30 for word in words):
        raise argparse.ArgumentTypeError(f"{text!r}: list language names separated by commas, e.g. german,french")
    return [word for word in words if word != "english"]


def _add_volume_options(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--requests-per-day",
        type=number(0, 1e10),
        required=required,
        metavar="N",
        help="requests a day (5000, 50k, 2M)",
    )
    parser.add_argument(
        "--input-tokens",
        type=number(0, 10_000_000, whole=True),
        required=required,
        metavar="N",
        help="average input tokens per request",
    )
    parser.add_argument(
        "--output-tokens",
        type=number(0, 1_000_000, whole=True),
        required=required,
        metavar="N",
        help="average output tokens per request",
    )
    parser.add_argument(
        "--cache-hit-rate",
        type=fraction,
        metavar="F",
        help="share of input tokens served from the prompt cache (0.3 or 30%%)",
    )
    parser.add_argument("--batch-share", type=fraction, metavar="F", help="share of requests sent through a batch API")
    parser.add_argument(
        "--reasoning-tokens",
        type=number(0, 1_000_000, whole=True),
        metavar="N",
        help="hidden reasoning tokens a reasoning model spends per request (default: our estimate)",
    )
    parser.add_argument(
        "--operations-usd-month",
        type=number(0, 1e9),
        metavar="X",
        help="people and tooling to run self-hosted GPUs (default: a quarter of an engineer)",
    )


def build_parser() -> Parser:
    from catalog.requirements import CAPABILITIES, PRIORITY_PRESETS, TASKS

    parser = Parser(prog="tradeoff", description="Choose the right AI model, with the numbers to show why.")
    parser.add_argument("--session", type=session_id, metavar="ID", help="resume a saved session in the TUI")
    commands = parser.add_subparsers(dest="command", parser_class=Parser)

    rec = commands.add_parser("recommend", help="rank models for your requirements")
    rec.add_argument("--task", choices=TASKS, help="what the model will do")
    _add_volume_options(rec, required=False)
    rec.add_argument(
        "--max-ttft-ms", type=number(0, 3_600_000, above=True), metavar="N", help="time-to-first-token target"
    )
    rec.add_argument(
        "--max-response-ms", type=duration_ms, metavar="T", help="target for the whole answer: 800 (ms), 10s, 2min"
    )
    rec.add_argument(
        "--languages",
        type=language_list,
        metavar="LIST",
        help="languages besides English the model must handle (german,french)",
    )
    rec.add_argument("--budget-usd-month", type=number(0, 1e9), metavar="X", help="monthly budget in USD")
    rec.add_argument(
        "--min-context", type=number(0, 100_000_000, whole=True), metavar="N", help="minimum context window"
    )
    rec.add_argument(
        "--needs",
        type=capability_list,
        metavar="LIST",
        help=f"required capabilities: {','.join(CAPABILITIES)}",
    )
    rec.add_argument("--privacy", choices=["none", "no-training", "region-locked", "self-hosted"])
    rec.add_argument(
        "--region",
        "--regions",
        type=region,
        action="append",
        metavar="R",
        help="allowed region (repeatable): us, eu, asia",
    )
    rec.add_argument("--compliance", action="append", choices=["hipaa", "gdpr", "soc2", "eu-residency"])
    rec.add_argument("--deployment", choices=["api", "self-hosted", "either"])
    rec.add_argument("--open-weights", action="store_true", default=None, help="only open-weight models")
    rec.add_argument("--priority", choices=PRIORITY_PRESETS, help="what matters most")
    rec.add_argument("--requirements", metavar="FILE", help="YAML or JSON requirements; flags override it")
    rec.add_argument(
        "--top",
        type=number(0, 10_000, whole=True),
        default=5,
        metavar="K",
        help="how many to show (default 5; 0 shows all)",
    )
    rec.add_argument("--record", metavar="PATH", help="also write a Markdown decision record")
    rec.add_argument("--force", action="store_true", help="overwrite an existing --record file")
    rec.add_argument("--json", action="store_true", help="machine-readable output")

    cost = commands.add_parser("cost", help="monthly cost of one model at a volume")
    cost.add_argument("--model", required=True, metavar="M", help="litellm model string")
    _add_volume_options(cost, required=True)
    cost.add_argument("--explain", action="store_true", help="print the arithmetic behind every figure")
    cost.add_argument("--json", action="store_true")

    cat = commands.add_parser("catalog", help="list, show or refresh the model catalog, or check its prices")
    cat.add_argument("action", nargs="?", choices=["list", "show", "refresh", "check-prices"], default="list")
    cat.add_argument("model", nargs="?", help="model id for `show`")
    cat.add_argument("--provider", metavar="P")
    cat.add_argument("--needs", type=capability_list, metavar="LIST")
    cat.add_argument("--open-weights", action="store_true")
    cat.add_argument("--all", action="store_true", help="include unrated models and every provider route")
    cat.add_argument("--json", action="store_true")
    search = commands.add_parser("search", help="search the course knowledge base")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--k", type=number(1, 100, whole=True), default=5, help="how many passages (default 5)")
    search.add_argument("--source", choices=["course", "guide", "module", "user"], help="only this source")
    search.add_argument("--chapter", type=number(1, 99, whole=True), help="only this course chapter")
    search.add_argument("--mode", choices=["hybrid", "lexical", "dense"], default="hybrid")
    search.add_argument("--json", action="store_true")

    index = commands.add_parser("index", help="build or update the knowledge index")
    index.add_argument("--rebuild", action="store_true", help="drop the course index and embed everything again")
    index.add_argument("--json", action="store_true")

    ask = commands.add_parser("ask", help="one advisor turn (a new session unless --session continues one)")
    ask.add_argument("message", metavar="MESSAGE")
    ask.add_argument("--session", type=session_id, metavar="ID", help="continue this session")
    ask.add_argument("--json", action="store_true")

    trial = commands.add_parser("trial", help="one prompt to 2-4 models side by side, streamed and measured")
    trial.add_argument(
        "--models", type=model_names, required=True, metavar="M1,M2[,M3,M4]", help="litellm model strings"
    )
    trial.add_argument("--prompt", required=True, metavar="TEXT")
    trial.add_argument("--system", metavar="TEXT")
    trial.add_argument(
        "--runs", type=number(1, 20, whole=True), default=1, metavar="N", help="runs per model (median and spread)"
    )
    trial.add_argument("--blind", action="store_true", help="label outputs A-D in random order; vote, then reveal")
    trial.add_argument(
        "--api-base", type=url, metavar="URL", help="OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp, proxy)"
    )
    trial.add_argument(
        "--timeout", type=number(0, 3600, above=True), default=60.0, metavar="S", help="seconds per run (default 60)"
    )
    trial.add_argument(
        "--max-tokens",
        type=number(1, 1_000_000, whole=True),
        metavar="N",
        help="output cap (default from settings: 512)",
    )
    trial.add_argument("--price", action="append", metavar="MODEL=IN,OUT", help="USD per million tokens")
    trial.add_argument("--yes", action="store_true", help="run even above the spend cap")
    trial.add_argument("--json", action="store_true")

    evaluate = commands.add_parser("eval", help="batch trials over a test set (JSONL, CSV, promptfoo-style YAML)")
    evaluate.add_argument(
        "--models", type=model_names, metavar="M1,M2,...", help="litellm model strings (or the YAML's providers)"
    )
    evaluate.add_argument("--tests", required=True, metavar="FILE")
    evaluate.add_argument(
        "--judge", type=model_names, metavar="MODEL", help="LLM-as-judge between the top two, positions swapped"
    )
    evaluate.add_argument("--rubric", default="correct, complete and concise", help="what the judge looks for")
    evaluate.add_argument("--concurrency", type=number(1, 64, whole=True), default=4, metavar="N")
    evaluate.add_argument("--api-base", type=url, metavar="URL")
    evaluate.add_argument("--timeout", type=number(0, 3600, above=True), default=60.0, metavar="S")
    evaluate.add_argument("--max-tokens", type=number(1, 1_000_000, whole=True), metavar="N")
    evaluate.add_argument("--no-cache", action="store_true", help="ignore the response cache")
    evaluate.add_argument("--save", metavar="PATH", help="also write the results as JSON (for tradeoff route)")
    evaluate.add_argument("--force", action="store_true", help="overwrite an existing --save file")
    evaluate.add_argument("--json", action="store_true")

    from tui.cli_plan import add_plan_parser
    from tui.cli_route import add_route_parser

    add_route_parser(commands)
    add_plan_parser(commands)

    local = commands.add_parser("local", help="the offline local models")
    local_commands = local.add_subparsers(dest="local_command", parser_class=Parser, required=True)
    serve = local_commands.add_parser("serve", help="serve SmolLM2-135M and Gemma-3-270M on 127.0.0.1")
    serve.add_argument(
        "--port",
        type=number(1024, 65534, whole=True),
        metavar="N",
        help="first port; the second model uses the next one",
    )

    export = commands.add_parser("export", help="the session's decision record: Markdown, JSON or LiteLLM config")
    export.add_argument("--session", type=session_id, metavar="ID", help="default: the most recent session")
    export.add_argument("--format", choices=["md", "json", "litellm"], required=True)
    export.add_argument("-o", "--output", metavar="PATH", help="write to a file (atomically); default stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument("--routing", metavar="ROUTE.json",
                        help="tradeoff route --json's output: litellm writes it as a router config; md and json "
                        "put its measured figures in the record's routing section")  # fmt: skip
    export.add_argument("--router", metavar="NAME", help="with --routing: cascade or heuristic (default: recommended)")

    recheck = commands.add_parser("recheck", help="a saved decision (JSON) against today's catalog; exit 1 on act")
    recheck.add_argument("record", metavar="RECORD.json")
    recheck.add_argument("--json", action="store_true")

    importer = commands.add_parser("import", help="load a decision record (JSON) back into a new session")
    importer.add_argument("record", metavar="RECORD.json")

    board = commands.add_parser("leaderboard", help="your blind votes as Bradley-Terry ratings with 95%% intervals")
    board.add_argument("--votes", metavar="FILE", help="only this votes file (default: every vote you cast: "
                       "the data dir's votes.jsonl and every session's)")  # fmt: skip
    board.add_argument("--session", metavar="ID", help="only the votes recorded in this advisor session")
    board.add_argument("--results", metavar="FILE", action="append", default=[],
                       help="add eval pass rates from a `tradeoff eval --save` file (repeatable)")  # fmt: skip
    board.add_argument("--json", action="store_true")

    sessions = commands.add_parser("sessions", help="list saved advisor sessions")
    sessions.add_argument("--json", action="store_true")

    ingest = commands.add_parser("ingest", help="add your own Markdown, text or PDF files")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    ingest.add_argument("--json", action="store_true")
    return parser


Handler = Callable[[argparse.Namespace], int]


def _handlers() -> dict[str, Handler]:
    from tui import cli_advisor, cli_catalog, cli_knowledge, cli_leaderboard, cli_record, cli_trials
    from tui.cli_plan import run_plan
    from tui.cli_route import run_route

    return {
        "recommend": cli_catalog.run_recommend,
        "cost": cli_catalog.run_cost,
        "catalog": cli_catalog.run_catalog,
        "search": cli_knowledge.run_search,
        "index": cli_knowledge.run_index,
        "ingest": cli_knowledge.run_ingest,
        "ask": cli_advisor.run_ask,
        "sessions": cli_advisor.run_sessions,
        "trial": cli_trials.run_trial,
        "export": cli_record.run_export,
        "recheck": cli_record.run_recheck,
        "import": cli_record.run_import,
        "eval": cli_trials.run_eval,
        "local": cli_trials.run_local_serve,
        "route": run_route,
        "plan": run_plan,
        "leaderboard": cli_leaderboard.run_leaderboard,
    }


def print_json(payload: Any) -> None:
    # allow_nan=False: NaN or Infinity is not JSON; one reaching here is a bug, logged as one.
    sys.stdout.write(json.dumps(payload, indent=2, default=str, allow_nan=False) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (len(args_list) == 2 and args_list[0] == "--session" and _SESSION_ID.match(args_list[1])):
        # The TUI path skips building the CLI parser (and the pydantic models it imports).
        from tui.launch import run_tui

        return run_tui(session=args_list[1] if args_list else None)
    parser = build_parser()
    args = parser.parse_args(argv)
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
        return _handlers()[args.command](args)
    except (UsageError, SettingsError, CatalogDataError) as exc:
        sys.stderr.write(f"tradeoff {args.command}: {exc}\n")
        return 2
    except SessionBusy as exc:
        sys.stderr.write(f"tradeoff {args.command}: {exc}\n")
        return 3
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # the reader went away (`| head`): main ends quietly
    except Exception as exc:
        from tui.logging_setup import log_exception

        where = log_exception(exc)
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        sys.stderr.write(f"tradeoff {args.command}: internal error: {exc.__class__.__name__}: {first} "
                         f"(details in {where})\n")  # fmt: skip
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
