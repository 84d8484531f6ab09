"""The headless CLI's streams: what reaches the terminal is shown safely, and a closed pipe is quiet.

Human output can carry text from outside (ingested files through `search`, model answers in
`trial`, record fields in `recheck`, catalog overrides); every write passes through
`agent.terminal_text.visible`. With `--json`, stdout is left exact: JSON escapes control characters.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from agent.terminal_text import visible


class SafeStream(io.TextIOBase):
    """A text stream that shows control and bidi characters visibly before writing them on."""

    def __init__(self, inner: TextIO, keep: str) -> None:
        self._inner = inner
        self._keep = keep

    def write(self, text: str) -> int:
        self._inner.write(visible(text, keep=self._keep))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def fileno(self) -> int:
        return self._inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._inner.encoding

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@contextlib.contextmanager
def guard_output(plain: bool) -> Iterator[None]:
    """Make human output safe (stdout only when `plain`; stderr always, keeping \\r for progress)."""
    stdout, stderr = sys.stdout, sys.stderr
    if plain:
        sys.stdout = SafeStream(stdout, keep="\n\t")  # type: ignore[assignment]
    sys.stderr = SafeStream(stderr, keep="\n\t\r")  # type: ignore[assignment]
    try:
        yield
        sys.stdout.flush()
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def quiet_broken_pipe() -> int:
    """The reader closed the pipe (`tradeoff catalog --all | head -1`): stop writing, say nothing."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 141  # what a shell reports for a process ended by SIGPIPE
