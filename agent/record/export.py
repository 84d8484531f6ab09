"""A session's decision record as a file: built, given its measured routing, rendered as Markdown,
JSON or a LiteLLM config, written atomically; and a saved record read back. Any front end calls these."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from agent.advisor.state import AdvisorState
from agent.files import FileExistsRefusal, write_atomic
from agent.record.decision import DecisionRecord, RecordError, build_record, litellm_config
from agent.record.markdown import render_markdown
from agent.record.routing import MeasuredRoutingError, apply_measured_routing
from catalog.entries import Catalog
from catalog.requirements import Requirements

FORMATS = ("md", "json", "litellm")
EXTENSIONS = {"md": "md", "json": "json", "litellm": "litellm.yaml"}


class RecordFileError(ValueError):
    """A saved record that cannot be read: the message says what is wrong with the file."""


def render(record: DecisionRecord, catalog: Catalog, fmt: str) -> str:
    """The record in one of FORMATS."""
    import yaml

    if fmt == "md":
        return render_markdown(record)
    if fmt == "json":
        return record.model_dump_json(indent=2) + "\n"
    return yaml.safe_dump(litellm_config(record, catalog), sort_keys=False)


def session_record(state: AdvisorState, catalog: Catalog, session: str, given: Any = None, kept: Any = None,
                   today: dt.date | None = None) -> DecisionRecord:  # fmt: skip
    """The session's record with its routing measured: `given` (a route the user named; one we cannot
    read raises MeasuredRoutingError), else `kept` (the route kept with the session; a damaged one
    leaves the estimate, which says it is one)."""
    record = build_record(state, catalog, today or dt.date.today(), session=session)
    if given is None and kept is None:
        return record
    try:
        measured: DecisionRecord = apply_measured_routing(record, given if given is not None else kept)
    except MeasuredRoutingError:
        if given is not None:
            raise
        return record
    return measured


def record_from_requirements(requirements: Requirements, catalog: Catalog, today: dt.date) -> DecisionRecord:
    """A record for requirements stated on the command line, with no conversation behind them."""
    state = AdvisorState(requirements=requirements.model_dump(include=requirements.stated_fields()))
    return build_record(state, catalog, today)


def export_record(state: Any, catalog: Any, folder: Path, session: str, fmt: str = "md", routing: Any = None) -> Path:
    """decision-SESSION.<ext> in `folder`; an existing file gets a numbered sibling instead. With
    `routing` (a route measured in the Routing view), the record's routing section is measured."""
    text = render(session_record(state, catalog, session, kept=routing), catalog, fmt)
    for attempt in range(1, 100):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"decision-{session}{suffix}.{EXTENSIONS[fmt]}"
        try:
            return write_atomic(path, text, force=False)
        except FileExistsRefusal:
            continue
    raise FileExistsError(f"too many decision records for {session} in {folder}")


def routing_config_text(route: Any, router: str | None, catalog: Catalog,
                        resolve: Callable[[str], tuple[str, str | None]]) -> str:  # fmt: skip
    """`route --json`'s output as a runnable LiteLLM router config (YAML). `router` defaults to the
    route's recommendation, else the cascade; `resolve` maps a model to (litellm model, api_base)."""
    import yaml

    from agent.record.litellm_config import HEADER, routing_config

    def provider_of(model: str) -> str | None:
        entry = catalog.get(model)
        return entry.provider if entry is not None else None

    report: Mapping[str, Any] = route if isinstance(route, dict) else {}
    chosen = router or report.get("recommended") or "cascade"
    return HEADER + yaml.safe_dump(routing_config(report, chosen, resolve, provider_of), sort_keys=False)


def load_record(path: Path) -> DecisionRecord:
    """A decision record saved as JSON; RecordFileError says what is wrong in one line."""
    from pydantic import ValidationError

    if path.is_dir():
        raise RecordFileError(f"{path} is a directory; give a decision record (.json)")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecordFileError(f"{path} does not exist") from None
    except UnicodeDecodeError:
        raise RecordFileError(f"{path} is not UTF-8 text; export one with --format json") from None
    except OSError as exc:
        raise RecordFileError(f"cannot read {path} ({exc.strerror or exc.__class__.__name__})") from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise RecordFileError(f"{path} is not JSON; export a record with --format json") from None
    if not isinstance(data, dict):
        raise RecordFileError(f"{path} is not a tradeoff decision record (export one with --format json)")
    try:
        return DecisionRecord.model_validate(data)
    except RecordError as exc:
        raise RecordFileError(f"{path}: {exc}") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        cause = error.get("ctx", {}).get("error")
        if isinstance(cause, RecordError):
            raise RecordFileError(f"{path}: {cause}") from None
        field = ".".join(str(part) for part in error["loc"]) or "(top level)"
        raise RecordFileError(f"{path}: field {field!r}: {error['msg']}") from None
