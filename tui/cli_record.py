"""Headless `export` (decision record as Markdown, JSON or LiteLLM config) and `recheck`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import yaml

from agent.settings import Settings
from tui.cli import UsageError, print_json

FORMATS = ("md", "json", "litellm")


def render(record, catalog, fmt: str) -> str:  # type: ignore[no-untyped-def]
    from agent.record.decision import litellm_config
    from agent.record.markdown import render_markdown

    if fmt == "md":
        return render_markdown(record)
    if fmt == "json":
        return record.model_dump_json(indent=2) + "\n"
    return yaml.safe_dump(litellm_config(record, catalog), sort_keys=False)


def write_or_print(text: str, output: str | None, force: bool) -> None:
    from agent.files import FileExistsRefusal, write_atomic

    if output is None:
        print(text, end="")
        return
    try:
        path = write_atomic(Path(output), text, force=force)
    except FileExistsRefusal as exc:
        raise UsageError(f"-o: {exc}") from None
    except OSError as exc:
        raise UsageError(f"-o: cannot write {output} ({exc.strerror or exc.__class__.__name__})") from None
    print(f"wrote {path}")


def run_export(args: argparse.Namespace) -> int:
    from agent.record.decision import build_record
    from tui.cli_advisor import _advisor

    if args.routing and args.format == "litellm":  # the routing itself as a LiteLLM config; no session needed
        from tui.cli_route import export_routing

        return export_routing(args)
    route = None
    if args.routing:  # md or json: the record's routing section measured by `tradeoff route --json`
        from tui.cli_route import read_routing

        route = read_routing(args.routing)
    advisor = _advisor(Settings())
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
        record = build_record(state, advisor.tools.catalog, dt.date.today(), session=session)
        record = _with_routing(record, route, advisor.measured_route(session))
        write_or_print(render(record, advisor.tools.catalog, args.format), args.output, args.force)
    finally:
        advisor.close()
    return 0


def _with_routing(record, given, kept):  # type: ignore[no-untyped-def]
    """The record with its routing measured: --routing's file, else the route kept with the session
    (the TUI's Routing view); with neither, the estimate stays and says it is one."""
    from agent.record.routing import MeasuredRoutingError, apply_measured_routing

    route = given if given is not None else kept
    if route is None:
        return record
    try:
        return apply_measured_routing(record, route)
    except MeasuredRoutingError as exc:
        if given is not None:
            raise UsageError(f"--routing: {exc}") from None
        return record  # a damaged route kept with the session: the estimate, as before


def _load_record(path_text: str):  # type: ignore[no-untyped-def]
    from pydantic import ValidationError

    from agent.record.decision import DecisionRecord, RecordError
    from tui.cli_catalog import validation_message

    path = Path(path_text)
    if path.is_dir():
        raise UsageError(f"RECORD: {path} is a directory; give a decision record (.json)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"RECORD: {path} does not exist") from None
    except UnicodeDecodeError:
        raise UsageError(f"RECORD: {path} is not UTF-8 text; export one with --format json") from None
    except OSError as exc:
        raise UsageError(f"RECORD: cannot read {path} ({exc.strerror or exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise UsageError(f"RECORD: {path} is not JSON; export a record with --format json") from None
    if not isinstance(data, dict):
        raise UsageError(f"RECORD: {path} is not a tradeoff decision record (export one with --format json)")
    try:
        return DecisionRecord.model_validate(data)
    except RecordError as exc:
        raise UsageError(f"RECORD: {path}: {exc}") from None
    except ValidationError as exc:
        cause = exc.errors()[0].get("ctx", {}).get("error")
        if isinstance(cause, RecordError):
            raise UsageError(f"RECORD: {path}: {cause}") from None
        raise UsageError(validation_message(exc, f"RECORD: {path}")) from None


def run_import(args: argparse.Namespace) -> int:
    from tui.cli_advisor import _advisor

    record = _load_record(args.record)
    advisor = _advisor(Settings())
    try:
        result = advisor.import_record(record)
    finally:
        advisor.close()
    print(f"imported as session {result.session}; open it with: tradeoff --session {result.session}")
    return 0


def run_recheck(args: argparse.Namespace) -> int:
    from agent.advisor.recommendation import load_user_catalog
    from agent.record.recheck import recheck

    record = _load_record(args.record)
    result = recheck(record, load_user_catalog(Settings()), dt.date.today())
    if args.json:
        print_json(result)
    else:
        print(f"{result['verdict'].upper()}: {record.chosen or 'no model'} ({result['catalog_version']})")
        for finding in result["findings"]:
            print(f"  [{finding['level']}] {finding['message']}")
        if not result["findings"]:
            print("  nothing changed that affects this decision")
    return 1 if result["verdict"] == "act" else 0
