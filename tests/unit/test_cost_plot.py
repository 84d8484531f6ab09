"""The cost plot's arithmetic: dollar ticks on a log axis, the frontier, the legend's packing."""

from __future__ import annotations

from agent.advisor.view import ShortlistRow
from tui.widgets.cost_plot import Point, cost_score_frontier, dollar_ticks, dollars, legend, points_of


def test_tick_labels_read_as_dollars():
    assert [dollars(v) for v in (0.5, 10, 250, 1000, 2500, 1e6)] == ["$0.5", "$10", "$250", "$1k", "$2.5k", "$1M"]


def test_ticks_are_decades_when_the_range_spans_them():
    assert dollar_ticks(8, 40_000, most=10) == [10, 100, 1000, 10_000]
    assert dollar_ticks(8, 40_000, most=2) == [10, 1000]  # every other decade when room is short


def test_a_narrow_range_gets_1_2_5_ticks_inside_it():
    assert dollar_ticks(40, 90, most=10) == [50, 70]
    assert dollar_ticks(120, 450, most=10) == [150, 200, 300]  # 1-2-5 alone gives one tick here


def test_one_cost_gives_one_tick_at_it():
    assert dollar_ticks(300, 300, most=10) == [300]


def test_the_frontier_keeps_only_points_no_cheaper_point_beats():
    points = [Point(1, "a", 100, 80), Point(2, "b", 10, 60), Point(3, "c", 50, 55), Point(4, "d", 500, 79)]
    assert [p.name for p in cost_score_frontier(points)] == ["b", "a"]


def test_points_come_from_ranked_dicts_or_typed_rows_alike():
    ranked = [{"model": "openai/gpt-4.1-mini", "score": 78.2, "monthly_cost_usd": 120.0}]
    row = ShortlistRow(rank=1, model="openai/gpt-4.1-mini", name="gpt-4.1-mini", provider="openai", score=78.2,
                       quality=70.0, monthly_cost_usd=120.0, cost="$120", within_budget=True, ttft_ms=None,
                       ttft="?", max_input_tokens=None, context="?", why="", reasons=())  # fmt: skip
    assert points_of(ranked) == points_of([row]) == [Point(1, "gpt-4.1-mini", 120.0, 78.2)]


def test_the_legend_never_splits_an_entry_and_fits_the_width():
    points = [Point(i, name, 10.0 * i, 50.0 + i) for i, name in enumerate(["gpt-4.1-mini", "claude-haiku-4-5",
                                                                     "gemini-2.5-flash-lite"], 1)]  # fmt: skip
    lines = legend(points, [Point(4, "llama-local", 0.0, 40.0)], width=40)
    assert lines[0] == "1 gpt-4.1-mini  2 claude-haiku-4-5"
    assert lines[1] == "3 gemini-2.5-flash-lite"
    assert "llama-local" in lines[2] and lines[-1] == "line: no cheaper model scores higher"
    assert all(len(line) <= 40 for line in lines[:2])


def test_with_one_model_cheapest_and_best_the_legend_says_so_instead_of_promising_a_line():
    points = [Point(1, "a", 10.0, 80.0), Point(2, "b", 20.0, 70.0)]
    assert legend(points, [], width=80) == ["1 a  2 b  1 is the cheapest and scores highest"]
