"""The full-collection pause: young collections keep running, the full pass waits, and the
collector's settings come back exactly, also when trials overlap or fail."""

from __future__ import annotations

import gc

import pytest

from tui.heap import full_collections_paused


def test_only_the_full_pass_waits_and_the_threshold_comes_back():
    before = gc.get_threshold()
    with full_collections_paused():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2] and full > 10_000
        assert gc.isenabled()
        with full_collections_paused():  # a batch and a trial at once
            assert gc.get_threshold()[2] == full
        assert gc.get_threshold()[2] == full  # still paused: the outer one has not ended
    assert gc.get_threshold() == before


def test_a_failing_trial_still_restores_the_collector():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), full_collections_paused():
        raise RuntimeError("stream failed")
    assert gc.get_threshold() == before
