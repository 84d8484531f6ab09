"""The cost plot under Pilot: dollar ticks, numbered points with a legend, and a note when small."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tui.widgets.cost_plot import CostQualityPlot

RANKED = [  # the ranked dicts the advisor hands over today
    {"model": "openai/gpt-4.1-mini", "score": 78.2, "monthly_cost_usd": 1200.0},
    {"model": "anthropic/claude-haiku-4-5", "score": 70.1, "monthly_cost_usd": 85.0},
    {"model": "gemini/gemini-2.5-flash-lite", "score": 61.0, "monthly_cost_usd": 15.0},
    {"model": "mistral.mistral-large-3-675b-instruct", "score": 75.0, "monthly_cost_usd": 430.0},
]


class PlotApp(App[None]):
    def __init__(self, rows: list[dict]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield CostQualityPlot(id="plot")

    def on_mount(self) -> None:
        self.query_one(CostQualityPlot).show(self.rows)  # before its children exist, as the main screen does


def drawn(app: App[None]) -> str:
    return str(app.query_one("#cost-chart", PlotextPlot).render())


async def test_the_x_axis_reads_in_dollars_and_every_point_is_numbered_with_a_legend():
    app = PlotApp(RANKED)
    async with app.run_test(size=(70, 26)) as pilot:
        await pilot.pause()
        chart = drawn(app)
        assert "$100" in chart and "$1k" in chart and "log10" not in chart
        assert "score vs $/month" in chart
        plot_area = "\n".join(line[5:] for line in chart.splitlines()[2:-3])  # right of the y ticks
        assert all(str(rank) in plot_area for rank in range(1, 5))
        assert "·" in plot_area  # the frontier line
        assert "▇" not in chart  # no plotext legend blocks
        key = str(app.query_one("#cost-legend", Static).render())
        assert "1 gpt-4.1-mini" in key and "4 mistral.mistral-large-3" in key
        assert not app.query_one("#cost-note").display


async def test_too_small_it_says_so_in_one_line_and_draws_when_there_is_room():
    app = PlotApp(RANKED)
    async with app.run_test(size=(40, 9)) as pilot:
        await pilot.pause()
        note = app.query_one("#cost-note", Static)
        assert note.display and str(note.render()).startswith("plot: no room")
        assert not app.query_one("#cost-chart").display
        await pilot.resize_terminal(70, 26)
        await pilot.pause()
        assert app.query_one("#cost-chart").display and "$1k" in drawn(app)


async def test_models_without_a_cost_are_named_not_drawn_at_a_made_up_place():
    app = PlotApp([*RANKED[:2], {"model": "local/gemma3-270m", "score": 40.0, "monthly_cost_usd": 0.0}])
    async with app.run_test(size=(70, 26)) as pilot:
        await pilot.pause()
        assert "not drawn (no cost for a log axis): gemma3-270m" in str(app.query_one("#cost-legend").render())
        assert "3" not in "\n".join(line[5:] for line in drawn(app).splitlines()[2:-3])


async def test_an_empty_shortlist_says_there_is_nothing_to_plot():
    app = PlotApp([])
    async with app.run_test(size=(70, 26)) as pilot:
        await pilot.pause()
        assert str(app.query_one("#cost-note").render()) == "no shortlist to plot yet"
