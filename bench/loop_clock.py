"""Two measures of an event loop's responsiveness, shared by the benchmarks.

CallbackClock: a stall is one callback that keeps the loop busy (nothing else, input or
painting, can run meanwhile). TimerGaps: how late a 5 ms timer fires, which also counts many
short callbacks queued behind each other (load), not only single stalls.
"""

from __future__ import annotations

import asyncio
import time


class CallbackClock:
    """Times every event-loop callback while the `with` block runs."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float, str]] = []  # (ended at, took, what)
        self._run = asyncio.events.Handle._run

    def __enter__(self) -> CallbackClock:
        clock, run = self, self._run

        def timed(handle: asyncio.events.Handle) -> None:
            began = time.perf_counter()
            run(handle)
            ended = time.perf_counter()
            owner = getattr(handle._callback, "__self__", None)
            what = getattr(owner.get_coro(), "__qualname__", "?") if hasattr(owner, "get_coro") else "callback"
            clock.samples.append((ended, ended - began, what))

        asyncio.events.Handle._run = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.events.Handle._run = self._run  # type: ignore[method-assign]

    def longest(self, since: float, until: float) -> tuple[float, str]:
        """The longest callback that ended in [since, until]: (seconds, what and when)."""
        window = [(took, f"{what} at {ended - took - since:.2f} s") for ended, took, what in self.samples
                  if since <= ended <= until]  # fmt: skip
        return max(window, default=(0.0, "-"))


class TimerGaps:
    """Give tick() to app.set_interval(0.005, ...); restart() begins a new window."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()

    def restart(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()

    def tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def summary(self) -> str:
        ordered = sorted(self.gaps) or [0.0]
        p50, p99 = (ordered[int(q * (len(ordered) - 1))] * 1000 for q in (0.5, 0.99))
        return f"a 5 ms timer fired every {p50:.0f} ms (p50), {p99:.0f} ms (p99), {ordered[-1] * 1000:.0f} ms at worst"
