"""What tui/heap.py freezes out of the collector's view is collected again once released."""

from __future__ import annotations

import gc
import weakref

from tui.heap import freeze_written, frozen_by_answers, release_frozen


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
    assert frozen_by_answers() > 0
    assert release_frozen(at_least=1)
    assert gone() is None
    assert frozen_by_answers() == 0
    gc.unfreeze()  # leave the rest of the run's collector as it found it


def test_a_small_cleared_conversation_waits_frozen_rather_than_pay_a_full_pass_now():
    node = Node()
    gc.collect()
    gone = weakref.ref(node)
    del node
    freeze_written()
    assert not release_frozen(at_least=frozen_by_answers() + 1)  # not yet worth a walk of the whole heap
    assert gone() is not None
    assert release_frozen(at_least=frozen_by_answers())  # enough: collected in one pass
    assert gone() is None
    gc.unfreeze()
