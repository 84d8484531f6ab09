"""Blind-trial votes outside a session: one JSON line each, appended atomically."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from agent.files import write_atomic


def append_vote(path: Path, vote: dict[str, Any]) -> Path:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    return write_atomic(path, existing + json.dumps({**vote, "at": time.time()}) + "\n")
