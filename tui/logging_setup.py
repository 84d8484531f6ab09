"""Tracebacks go to a log file in the platform log dir, never to the screen."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from agent.settings import Settings


def log_path() -> Path:
    return Settings().log_dir / "tradeoff.log"


def log_exception(exc: BaseException) -> Path:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc)))
    except OSError:
        logging.getLogger("tradeoff").exception("could not write the log file")
    return path
