"""The sessions database on disk: opened private (0600), a corrupt one moved aside with a fresh one
started, and one writer per session across processes (a lock file per session)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import ParamSpec, TypeVar

from agent.files import move_aside, private_dir, private_file

LOCK_WAIT_S = 15.0  # TRADEOFF_SESSION_LOCK_WAIT_S changes it (0-60 s)


def _lock_wait_s() -> float:
    try:
        seconds = float(os.environ.get("TRADEOFF_SESSION_LOCK_WAIT_S", LOCK_WAIT_S))
    except ValueError:
        return LOCK_WAIT_S
    return min(max(seconds, 0.0), 60.0) if seconds == seconds else LOCK_WAIT_S


P = ParamSpec("P")
R = TypeVar("R")


class StoreThread:
    """One dedicated thread that owns a SQLite connection: every call that uses the connection runs
    there (callers from other threads wait for it), so it is never used from two threads."""

    def __init__(self, name: str) -> None:
        self._executor = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._thread = self._executor.submit(threading.current_thread).result()

    def run(self, call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        if threading.current_thread() is self._thread:
            return call(*args, **kwargs)
        return self._executor.submit(call, *args, **kwargs).result()

    def stop(self, last: Callable[[], object] | None = None, wait: bool = True) -> None:
        """End the thread after `last` (closing its connection) and whatever was queued before it.
        With wait=False this returns at once and the thread ends when that work is done."""
        own = threading.current_thread() is self._thread
        if last is not None:
            if wait or own:
                self.run(last)
            else:
                self._executor.submit(last)
        self._executor.shutdown(wait=wait and not own)


class SessionBusy(RuntimeError):
    """Another process kept the session's lock for too long; the message says what to do."""


def _check(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode=WAL")
    row = connection.execute("PRAGMA quick_check(1)").fetchone()
    if row is None or row[0] != "ok":
        raise sqlite3.DatabaseError(f"integrity check failed: {row[0] if row else 'no answer'}")


def open_database(path: Path, what: str) -> tuple[sqlite3.Connection, str | None]:
    """A checked connection to the SQLite file at `path`, and a notice when a damaged one was moved
    aside (for `what`, e.g. "sessions database") and a fresh one started."""
    private_file(path)
    connection = sqlite3.connect(str(path), check_same_thread=False)
    try:
        _check(connection)
        return connection, None
    except sqlite3.DatabaseError as exc:
        connection.close()
        aside = move_aside(path)
        private_file(path)
        connection = sqlite3.connect(str(path), check_same_thread=False)
        _check(connection)
        notice = (f"the {what} was damaged ({exc}) and a fresh one was started; the old file is kept as "
                  f"{aside} (to try to recover it: sqlite3 '{aside}' .recover | sqlite3 recovered.sqlite)")  # fmt: skip
        return connection, notice


@contextlib.contextmanager
def session_lock(lock_dir: Path, session: str, wait_s: float | None = None) -> Iterator[None]:
    """Hold the session's lock file for one change; another process waits for it (up to `wait_s`),
    then reads what this one wrote, so no change is lost."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no cross-process lock
        yield
        return
    private_dir(lock_dir)
    name = hashlib.sha256(session.encode()).hexdigest()[:16]
    fd = os.open(lock_dir / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + (_lock_wait_s() if wait_s is None else wait_s)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SessionBusy(
                        f"session {session} is being changed in another window; try again when it is done"
                    ) from None
                time.sleep(0.02)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
