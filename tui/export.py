"""Writing the session's decision record from the TUI: atomic, never over an existing file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from agent.files import FileExistsRefusal, write_atomic
from agent.record import build_record
from agent.record_markdown import render_markdown


def export_markdown(state: Any, catalog: Any, folder: Path, session: str) -> Path:
    """decision-SESSION.md in `folder`; an existing file gets a numbered sibling instead."""
    text = render_markdown(build_record(state, catalog, dt.date.today(), session=session))
    for attempt in range(1, 100):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"decision-{session}{suffix}.md"
        try:
            return write_atomic(path, text, force=False)
        except FileExistsRefusal:
            continue
    raise FileExistsError(f"too many decision records for {session} in {folder}")
