"""Tracebacks go to a log file in the platform log dir, never to the screen. The log is private
(0600 in a 0700 folder) and rotates at 1 MB, keeping three old files."""

from __future__ import annotations

import traceback
from pathlib import Path

from agent.files import private_file, rotate
from agent.settings import log_dir

MAX_BYTES = 1_000_000
KEEP = 3


def log_path() -> Path:
    # Not Settings(): the error being logged may be a bad setting.
    return log_dir() / "tradeoff.log"


def log_exception(exc: BaseException) -> Path:
    path = log_path()
    try:
        rotate(path, MAX_BYTES, KEEP)
        private_file(path)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        pass  # no log to write to (a full disk, a file where the folder should be): never a traceback on screen
    return path
