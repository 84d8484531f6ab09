"""`tradeoff export`: the session's decision record as Markdown, JSON or a LiteLLM config, or a
measured routing (`tradeoff route --json`) as a LiteLLM router config."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from tui.cli.common import UsageError, open_advisor, read_json, session_id

ROUTE_WRITER = ("tradeoff route --json", "tradeoff route ... --json >")


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="the session's decision record: Markdown, JSON or LiteLLM config")
    export.set_defaults(run=run)
    export.add_argument("--session", type=session_id, metavar="ID", help="default: the most recent session")
    export.add_argument("--format", choices=["md", "json", "litellm"], required=True)
    export.add_argument("-o", "--output", metavar="PATH", help="write to a file (atomically); default stdout")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.add_argument("--routing", metavar="ROUTE.json",
                        help="tradeoff route --json's output: litellm writes it as a router config; md and json "
                        "put its measured figures in the record's routing section")  # fmt: skip
    export.add_argument("--router", metavar="NAME", help="with --routing: cascade or heuristic (default: recommended)")


def run(args: argparse.Namespace) -> int:
    from agent.record.export import render, session_record
    from agent.record.routing import MeasuredRoutingError
    from agent.settings import Settings

    if getattr(args, "router", None) and not args.routing:
        raise UsageError("--router needs --routing ROUTE.json (the output of `tradeoff route --json`)")
    if args.routing and args.format == "litellm":  # the routing itself as a LiteLLM config; no session needed
        return _export_routing(args)
    route = _read_routing(args.routing) if args.routing else None  # md, json: the record's measured routing
    advisor = open_advisor(Settings())
    try:
        sessions = advisor.sessions()
        session = args.session or (sessions[0].id if sessions else None)
        if session is None:
            raise UsageError("--session: there are no sessions yet; talk to the advisor first")
        if not advisor.exists(session):
            raise UsageError(f"--session: no session {session!r}; `tradeoff sessions` lists them")
        state = advisor.state(session)
        if not state.requirements:
            raise UsageError(f"--session: session {session} has no requirements yet; describe your use case first")
        catalog = advisor.tools.catalog
        try:
            record = session_record(state, catalog, session, given=route, kept=advisor.measured_route(session))
        except MeasuredRoutingError as exc:
            raise UsageError(f"--routing: {exc}") from None
        write_or_print(render(record, catalog, args.format), args.output, args.force)
    finally:
        advisor.close()
    return 0


def _read_routing(path_text: str) -> Any:
    """`route --json`'s output for `export --routing`; one without a date is dated by the file."""
    route = read_json(path_text, "--routing", *ROUTE_WRITER)
    if isinstance(route, dict) and "date" not in route:
        route["date"] = dt.date.fromtimestamp(Path(path_text).stat().st_mtime).isoformat()
    return route


def _export_routing(args: argparse.Namespace) -> int:
    """`export --format litellm --routing ROUTE.json`: the chosen router as a runnable LiteLLM config."""
    from agent.advisor.recommendation import load_user_catalog
    from agent.record.export import routing_config_text
    from agent.settings import Settings
    from agent.trials.local_servers import LocalModelsUnavailable, resolve_local

    route = read_json(args.routing, "--routing", *ROUTE_WRITER)
    settings = Settings()
    catalog = load_user_catalog(settings)

    def resolve(model: str) -> tuple[str, str | None]:
        try:
            local = resolve_local(model, settings.local_port)
        except LocalModelsUnavailable as exc:
            raise UsageError(f"--routing: {exc}") from None
        return local if local else (model, None)

    try:
        text = routing_config_text(route, args.router, catalog, resolve)
    except ValueError as exc:
        raise UsageError(f"--routing: {exc}") from None
    write_or_print(text, args.output, args.force)
    return 0


def write_or_print(text: str, output: str | None, force: bool) -> None:
    from agent.files import FileExistsRefusal, write_atomic

    if output is None:
        print(text, end="")
        return
    folder = Path(output).parent
    created = not folder.exists()
    try:
        path = write_atomic(Path(output), text, force=force)
    except FileExistsRefusal as exc:
        raise UsageError(f"-o: {exc}") from None
    except OSError as exc:
        raise UsageError(f"-o: cannot write {output} ({exc.strerror or exc.__class__.__name__})") from None
    print(f"wrote {path}" + (f" (created the folder {folder})" if created else ""))
