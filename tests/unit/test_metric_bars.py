"""Bars in eighths of a cell: proportional, labelled with their values, and honest about gaps."""

from __future__ import annotations

from tui.widgets.metric_bars import bar, bar_lines


def cells(text: str) -> float:
    eighths = " ▏▎▍▌▋▊▉"
    return text.count("█") + sum(eighths.index(char) / 8 for char in text if char in eighths[1:])


def test_bars_are_proportional_to_the_largest_value():
    assert bar(10, 10, 20) == "█" * 20
    assert cells(bar(5, 10, 20)) == 10
    assert cells(bar(1, 3, 10)) == 3.375  # 3.33 cells, rounded to the nearest eighth
    assert bar(0.0001, 10, 20) == "▏"  # a positive value never vanishes
    assert bar(0, 10, 20) == "" and bar(5, 0, 20) == ""


def test_lines_align_names_bars_and_values_within_the_width():
    lines = bar_lines(
        "TTFT, ms", [("smollm2", 700.0, "700 ms"), ("gemma3-270m", 350.0, "350 ms"), ("down", None, "—")], 40
    )
    assert lines[0] == "TTFT, ms"
    assert all(len(line) == 40 for line in lines[1:])
    assert [line.split()[0] for line in lines[1:]] == ["smollm2", "gemma3-270m", "down"]
    assert cells(lines[1]) == 2 * cells(lines[2]) == 21  # 40 - 11 (names) - 6 (values) - 2 spaces
    assert lines[3].endswith("—") and cells(lines[3]) == 0
