"""The TUI's Routing view on the fixed eval results: the routers' table, the curve, the verdict,
and the chosen router exported as a LiteLLM config."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input, Static
from textual_plotext import PlotextPlot

from tui.screens.routing import RoutingScreen

RESULTS = Path(__file__).parents[1] / "data" / "route_results.json"
PRICES = "cheap/model-small=1,2 strong/model-large=10,20"


def hosting(screen: Screen) -> App[None]:
    """A bare app that opens `screen`, so a test drives it alone."""

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    return Host()


async def test_the_routing_view_shows_routers_curve_and_exports_the_cascade(tmp_path):
    screen = RoutingScreen(str(RESULTS), prices=PRICES, requests_per_day=10_000, export_dir=tmp_path)

    async with hosting(screen).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = screen.query_one("#routing-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["strong/model-large alone", "cheap/model-small alone", "oracle", "cascade", "heuristic"]
        assert str(table.get_row_at(3)[3]) == "$0.95"  # the cascade's $ per 1,000 requests, computed by hand
        summary = str(screen.query_one("#routing-summary", Static).render())
        assert "Use the cascade" in summary and "figure of merit" in summary
        chart = str(screen.query_one("#curve-chart", PlotextPlot).render())
        assert "$0.20" in chart and "$2.00" in chart  # the x axis in dollars per 1,000 requests
        assert all(str(number) in chart for number in range(1, 6))  # each router, numbered as in the table
        legend = str(screen.query_one("#curve-legend", Static).render())
        assert legend.startswith("1 strong/model-large alone  2 cheap/model-small alone")
        screen.query_one("#export-cascade", Button).press()
        await pilot.pause()
        assert screen.exported is not None
        config = yaml.safe_load(screen.exported.read_text())
        assert config["tradeoff_routing"]["router"] == "cascade"
        assert [m["model_name"] for m in config["model_list"]] == ["tier-1", "tier-2"]


async def test_a_bad_file_is_one_notification(tmp_path):
    screen = RoutingScreen(str(tmp_path / "missing.json"), export_dir=tmp_path)
    notes: list[str] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

        def notify(self, message, **kwargs):  # type: ignore[no-untyped-def, override]
            notes.append(str(message))

    async with Host().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert notes and "missing.json" in notes[0]
        assert screen.query_one("#export-cascade", Button).disabled


async def test_slash_route_opens_the_routing_view():
    from tui.app import TradeoffApp

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#prompt", Input).value = f"/route {RESULTS}"
        await pilot.press("enter")
        await pilot.pause()  # the command runs its action after the key
        await pilot.pause()
        assert isinstance(app.screen, RoutingScreen)
        assert app.screen.query_one("#routing-table", DataTable).row_count == 5


async def test_results_in_memory_route_cheapest_first_and_hand_the_route_to_the_session(tmp_path):
    import json

    data = json.loads(RESULTS.read_text())
    data["models"] = list(reversed(data["models"]))  # a batch runs the shortlist in rank order, strongest first
    kept: list[dict] = []
    screen = RoutingScreen(prices=PRICES, requests_per_day=10_000, export_dir=tmp_path, results_data=data,
                           on_route=kept.append)  # fmt: skip

    async with hosting(screen).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = screen.query_one("#routing-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["strong/model-large alone", "cheap/model-small alone", "oracle", "cascade", "heuristic"]
        assert str(table.get_row_at(3)[3]) == "$0.95"  # the same hand-computed cascade as from the file
        assert len(kept) == 1 and kept[0]["tests"] == 8 and kept[0]["date"] and kept[0]["recommended"] == "cascade"
        assert kept[0]["source"] == "the batch eval in the TUI"


async def test_the_command_palette_has_the_routing_view():
    from tui.actions import ACTIONS
    from tui.app import TradeoffApp

    assert ("Routing view", "route") in [(action.title, action.action) for action in ACTIONS]
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await app.run_action("route")
        await pilot.pause()
        assert isinstance(app.screen, RoutingScreen)
        assert app.screen.query_one("#routing-table", DataTable).row_count == 0  # waits for a file


async def test_without_prices_the_curve_says_why_instead_of_plotting_zeros():
    screen = RoutingScreen(str(RESULTS), requests_per_day=10_000)  # the fixture's models are not in a catalog
    async with hosting(screen).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not screen.query_one("#curve-chart").display
        assert "no price" in str(screen.query_one("#curve-note", Static).render())


async def test_at_80x24_the_export_buttons_stay_on_screen_and_the_body_scrolls():
    screen = RoutingScreen(str(RESULTS), prices=PRICES, requests_per_day=10_000)
    async with hosting(screen).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for button in screen.query("#routing-exports Button"):
            assert screen.region.contains_region(button.region)
        body = screen.query_one("#routing-body")
        assert body.max_scroll_y > 0  # the summary is below, reachable
        body.scroll_end(animate=False)
        await pilot.pause()
        summary = screen.query_one("#routing-summary")
        assert body.region.contains_region(summary.region)
