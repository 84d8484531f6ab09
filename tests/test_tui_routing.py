"""The TUI's Routing view on the fixed eval results: the routers' table, the curve, the verdict,
and the chosen router exported as a LiteLLM config."""

from __future__ import annotations

from pathlib import Path

import yaml
from textual.app import App
from textual.widgets import Button, DataTable, Static

from tui.screens.routing import RoutingCurve, RoutingScreen

RESULTS = Path(__file__).parent / "data" / "route_results.json"
PRICES = "cheap/model-small=1,2 strong/model-large=10,20"


async def test_the_routing_view_shows_routers_curve_and_exports_the_cascade(tmp_path):
    screen = RoutingScreen(str(RESULTS), prices=PRICES, requests_per_day=10_000, export_dir=tmp_path)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    async with Host().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = screen.query_one("#routing-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["strong/model-large alone", "cheap/model-small alone", "oracle", "cascade", "heuristic"]
        assert str(table.get_row_at(3)[3]) == "$0.95"  # the cascade's $ per 1,000 requests, computed by hand
        summary = str(screen.query_one("#routing-summary", Static).render())
        assert "Use the cascade" in summary and "figure of merit" in summary
        assert screen.query_one(RoutingCurve).plt is not None
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
        app.slash_command(f"/route {RESULTS}")
        await pilot.pause()
        assert isinstance(app.screen, RoutingScreen)
        assert app.screen.query_one("#routing-table", DataTable).row_count == 5
