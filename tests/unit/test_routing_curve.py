"""The routing curve's x ticks: round dollar steps inside the range."""

from __future__ import annotations

import pytest

from tui.widgets.routing_curve import linear_ticks


def test_ticks_are_round_steps_inside_the_range():
    assert linear_ticks(0.2, 2.0, most=10) == pytest.approx([0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0])
    assert linear_ticks(0.2, 2.0, most=5) == pytest.approx([0.5, 1.0, 1.5, 2.0])


def test_fewer_ticks_when_room_is_short_and_one_when_every_cost_is_the_same():
    assert linear_ticks(3, 97, most=6) == pytest.approx([20, 40, 60, 80])
    assert linear_ticks(3, 97, most=3) == [3, 97]  # no round step gives 2-3 ticks: the ends
    assert linear_ticks(1.5, 1.5, most=5) == [1.5]
