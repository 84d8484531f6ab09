"""Writing the session's decision record from the TUI: atomic, never over an existing file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from agent.files import FileExistsRefusal, write_atomic
from agent.record_brief import recommendation_markdown


def export_markdown(ranking: dict[str, Any], folder: Path, session: str) -> Path:
    """decision-SESSION.md in `folder`; an existing file gets a numbered sibling instead."""
    text = recommendation_markdown(ranking, dt.date.today())
    for attempt in range(1, 100):
        suffix = "" if attempt == 1 else f"-{attempt}"
        path = folder / f"decision-{session}{suffix}.md"
        try:
            return write_atomic(path, text, force=False)
        except FileExistsRefusal:
            continue
    raise FileExistsError(f"too many decision records for {session} in {folder}")
