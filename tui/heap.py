"""Keep the garbage collector's full passes off the event loop while answers stream."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_streaming = 0
_full_pass_threshold = gc.get_threshold()[2]


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

    Young collections still run, so the cycles each chunk leaves behind are freed as they go and
    nothing piles up for one long pass at the end; only the full pass waits. Textual pauses the
    collector in the same way for smooth scrolling (App.PAUSE_GC_ON_SCROLL).
    """
    global _streaming, _full_pass_threshold
    young, middle, full = gc.get_threshold()
    if _streaming == 0:
        _full_pass_threshold = full
        gc.set_threshold(young, middle, 1_000_000)
    _streaming += 1
    try:
        yield
    finally:
        _streaming -= 1
        if _streaming == 0:
            gc.set_threshold(young, middle, _full_pass_threshold)


# What written answers froze since the conversation was last released, in objects. Releasing means a full
# pass over the whole heap on the event loop (every library the app loaded is unfrozen with it: ~0.4 s
# with torch, 1.6 s in a test process), so a cleared conversation's few thousand objects wait, frozen,
# until cleared conversations add up to this many (~10-20 MB).
RELEASE_AFTER = 100_000
_frozen_by_answers = 0


def freeze_written() -> None:
    """An answer is on the screen: its widgets live as long as the conversation, so full collections
    need not walk them again. The deferred full pass after a 2,000-word answer held the loop for
    380-440 ms; with this, 95-145 ms (bench/bench_tui.py --stalls, load ~3). Young garbage is
    collected first; what a cleared conversation leaves behind is collected by `release_frozen`."""
    global _frozen_by_answers
    gc.collect(1)
    # the young generations are empty now: the oldest holds what freezing takes (get_freeze_count would
    # walk everything frozen before, every answer)
    _frozen_by_answers += len(gc.get_objects(generation=2))
    gc.freeze()


def frozen_by_answers() -> int:
    return _frozen_by_answers


def release_frozen(at_least: int = RELEASE_AFTER) -> bool:
    """A conversation was cleared (a new or a resumed session): once cleared conversations have frozen
    `at_least` objects, collect them in one full pass. Whether it collected."""
    global _frozen_by_answers
    if _frozen_by_answers < at_least:
        return False
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    _frozen_by_answers = 0
    return True
