"""Files we write: atomically (a crash never leaves half a file), private (0600 in 0700 folders),
and never over something that is not a regular file."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


class FileExistsRefusal(FileExistsError):
    """The target exists and the caller did not ask to overwrite it, or it is not a regular file."""


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) as 0700; an existing folder of ours is tightened to 0700."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    with contextlib.suppress(OSError):
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists as a 0600 file in a 0700 folder (before SQLite or a log opens it)."""
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)
    return path


def _target(path: Path, force: bool) -> tuple[Path, int | None]:
    """Where to write and the mode to keep: a symlink to a regular file is written through."""
    try:
        info = path.stat()  # follows symlinks
    except FileNotFoundError:
        if path.is_symlink():
            raise FileExistsRefusal(f"{path} is a symlink to nothing; remove it or choose another path") from None
        return path, None
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FileExistsRefusal(f"{path} is {kind}; choose a file path")
    if not force:
        raise FileExistsRefusal(f"{path} exists; pass --force to overwrite it")
    return Path(os.path.realpath(path)), stat.S_IMODE(info.st_mode)


def write_atomic(path: Path, content: str | bytes, *, force: bool = True) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it. A new file is 0600;
    a replaced one keeps its mode. Only regular files are replaced."""
    path = Path(path)
    target, mode = _target(path, force)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")  # 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return path


def rotate(path: Path, max_bytes: int = 1_000_000, keep: int = 3) -> None:
    """Once `path` reaches `max_bytes`, shift it to `path.1` (and `.1` to `.2`, ...), keeping `keep`."""
    if not path.exists() or path.stat().st_size < max_bytes:
        return
    for number in range(keep - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            os.replace(older, path.with_name(f"{path.name}.{number + 1}"))
    os.replace(path, path.with_name(f"{path.name}.1"))


def move_aside(path: Path) -> Path:
    """Rename a damaged store (and its SQLite side files) to `NAME.corrupt-YYYYmmddTHHMMSS`."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside
