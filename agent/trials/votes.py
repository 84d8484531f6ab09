"""Blind-trial votes outside a session: one JSON line each, appended atomically."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from agent.files import write_atomic


def json_objects(texts: Iterable[str]) -> list[dict[str, Any]]:
    """Each text that is a JSON object; anything else (a torn write, a stray value) is skipped."""
    found = []
    for text in texts:
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            found.append(value)
    return found


def read_votes(path: Path) -> list[dict[str, Any]]:
    """The votes in a votes file; a line that is not a JSON object is skipped (a torn write)."""
    if not path.exists():
        return []
    return json_objects(path.read_text(encoding="utf-8", errors="replace").splitlines())


def append_vote(path: Path, vote: dict[str, Any]) -> Path:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    return write_atomic(path, existing + json.dumps({**vote, "at": time.time()}) + "\n")
