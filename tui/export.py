"""Writing the session's decision record from the TUI: atomic, never over an existing file."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from agent.files import FileExistsRefusal, write_atomic
from agent.record.decision import build_record, litellm_config
from agent.record.markdown import render_markdown
from agent.record.routing import MeasuredRoutingError, apply_measured_routing

EXTENSIONS = {"md": "md", "json": "json", "litellm": "litellm.yaml"}


def export_record(state: Any, catalog: Any, folder: Path, session: str, fmt: str = "md", routing: Any = None) -> Path:
    """decision-SESSION.<ext> in `folder`; an existing file gets a numbered sibling instead. With
    `routing` (a route measured in the Routing view), the record's routing section is measured."""
    record = build_record(state, catalog, dt.date.today(), session=session)
    # A routing we cannot read leaves the estimate, which says it is one.
    with contextlib.suppress(MeasuredRoutingError):
        record = apply_measured_routing(record, routing) if routing is not None else record
    if fmt == "json":
        text = record.model_dump_json(indent=2) + "\n"
    elif fmt == "litellm":
        text = yaml.safe_dump(litellm_config(record, catalog), sort_keys=False)
    else:
        text = render_markdown(record)
    for attempt in range(1, 100):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"decision-{session}{suffix}.{EXTENSIONS[fmt]}"
        try:
            return write_atomic(path, text, force=False)
        except FileExistsRefusal:
            continue
    raise FileExistsError(f"too many decision records for {session} in {folder}")
