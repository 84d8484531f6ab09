"""Atomic file writes: a crash mid-write never leaves a half-written export or user file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class FileExistsRefusal(FileExistsError):
    """The target exists and the caller did not ask to overwrite it."""


def write_atomic(path: Path, content: str | bytes, *, force: bool = True) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path = Path(path)
    if path.exists() and not force:
        raise FileExistsRefusal(f"{path} exists; pass --force to overwrite it")
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path
