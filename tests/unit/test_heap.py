"""What tui/heap.py freezes out of the collector's view is collected again once released."""

from __future__ import annotations

import gc
import weakref

from tui.heap import freeze_written, release_frozen


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_a_cycle_frozen_with_an_answer_is_collected_when_the_conversation_is_released():
    node = Node()
    gc.collect()  # into the oldest generation, which freeze_written's young pass does not touch
    gone = weakref.ref(node)
    del node
    freeze_written()
    gc.collect()
    assert gone() is not None  # frozen: full collections no longer see it
    release_frozen()
    assert gone() is None
    gc.unfreeze()  # leave the rest of the run's collector as it found it
