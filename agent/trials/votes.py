"""Blind-trial votes outside a session: one JSON line each, appended atomically."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from agent.files import write_atomic


def read_votes(path: Path) -> list[dict[str, Any]]:
    """The votes in a votes file; a line that is not a JSON object is skipped (a torn write)."""
    if not path.exists():
        return []
    votes = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            vote = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(vote, dict):
            votes.append(vote)
    return votes


def append_vote(path: Path, vote: dict[str, Any]) -> Path:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    return write_atomic(path, existing + json.dumps({**vote, "at": time.time()}) + "\n")
