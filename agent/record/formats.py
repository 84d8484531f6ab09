"""A session's decision record as the text of each export format, and the file name it gets."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from agent.advisor.state import AdvisorState
from agent.record.decision import build_record, litellm_config
from agent.record.markdown import render_markdown
from agent.record.routing import MeasuredRoutingError, apply_measured_routing
from catalog.entries import Catalog

EXTENSIONS = {"md": "md", "json": "json", "litellm": "litellm.yaml"}


def record_text(state: AdvisorState, catalog: Catalog, session: str, fmt: str = "md", routing: Any = None) -> str:
    """The record in `fmt` (md, json, litellm). With `routing` (a route measured in the Routing
    view), the record's routing section is measured; one we cannot read leaves the estimate."""
    record = build_record(state, catalog, dt.date.today(), session=session)
    with contextlib.suppress(MeasuredRoutingError):
        record = apply_measured_routing(record, routing) if routing is not None else record
    if fmt == "json":
        return record.model_dump_json(indent=2) + "\n"
    if fmt == "litellm":
        return str(yaml.safe_dump(litellm_config(record, catalog), sort_keys=False))
    return render_markdown(record)


def free_path(folder: Path, session: str, fmt: str = "md") -> Path:
    """decision-SESSION.<ext> in `folder`, or its first numbered sibling that does not exist yet."""
    for attempt in range(1, 1000):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"decision-{session}{suffix}.{EXTENSIONS[fmt]}"
        if not path.exists():
            return path
    raise FileExistsError(f"too many decision records for {session} in {folder}")
