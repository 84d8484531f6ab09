"""Keep the garbage collector's full passes off the event loop while answers stream."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_streaming = 0
_saved_threshold = gc.get_threshold()


def freeze_loaded_objects() -> None:
    """Exempt everything allocated so far from future collections.

    After LiteLLM, the OpenAI SDK, torch and Chroma load, a full collection walks ~600k objects
    and stops the event loop for ~0.4 s (measured in bench/bench_trials.py with four panes
    streaming). Those objects are modules, classes and caches that live as long as the app, so
    scanning them again finds nothing; gc.freeze() moves them out of the collector's view.
    """
    gc.freeze()


@contextmanager
def full_collections_paused() -> Iterator[None]:
    """Defer full (generation-2) collections until the streams end.

    Young collections still run, so short-lived cycles are freed as usual; only the 30-70 ms
    full pass waits. Textual does the same for smooth scrolling (App.PAUSE_GC_ON_SCROLL).
    """
    global _streaming
    if _streaming == 0:
        gc.disable()
    _streaming += 1
    try:
        yield
    finally:
        _streaming -= 1
        if _streaming == 0:
            gc.enable()
