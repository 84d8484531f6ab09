"""The batch screen under Pilot against the fault server (a real HTTP endpoint in a thread): hostile test
ids shown as typed, and a finished batch opening the Routing view on its results."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Button, DataTable, Input

from tui.screens.routing import RoutingScreen


async def test_the_batch_screen_shows_hostile_test_ids_as_typed(tmp_path):
    import json

    from textual.app import App
    from textual.widgets import DataTable, Static

    from agent.settings import Settings
    from tests import fault_server
    from tui.screens.batch import BatchScreen

    server, url = fault_server.start()
    tests = tmp_path / "t.jsonl"
    tests.write_text("\n".join(json.dumps({"id": name, "prompt": "x"}) for name in ("[/]", "a\x1b]0;pwned\x07b")))
    models = ["openai/healthy", "openai/[bold]odd"]

    class Harness(App[None]):
        settings = Settings()

    app = Harness()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(BatchScreen(models, {m: url for m in models}, lambda model: None, str(tests)))
            await pilot.click("#batch-run")
            await pilot.pause()
            await app.screen.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#batch-matrix", DataTable)
            first_column = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
            assert first_column == ["[/]", "a\u241b]0;pwned\u2407b"]
            stats = str(app.screen.query_one("#batch-stats", Static).render())
            assert "openai/[bold]odd" in stats
    finally:
        server.shutdown()


async def test_after_a_batch_the_routing_button_and_f6_open_the_view_on_its_results(tmp_path):
    import json

    from agent.settings import Settings
    from tests import fault_server
    from tui.screens.batch import BatchScreen

    server, url = fault_server.start()
    tests = tmp_path / "t.jsonl"
    tests.write_text("\n".join(json.dumps({"id": f"t{i}", "prompt": "Say hi.", "assert": [{"type": "is-json"}]})
                               for i in range(4)))  # fmt: skip
    models = ["openai/healthy", "openai/healthy-2"]
    opened: list[dict] = []

    class Harness(App[None]):
        settings = Settings()

    app = Harness()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            screen = BatchScreen(models, {m: url for m in models}, lambda model: None, str(tests))
            await app.push_screen(screen)
            assert screen.query_one("#batch-routing", Button).disabled  # nothing to route on yet
            await pilot.press("f6")
            assert app.screen is screen
            await pilot.click("#batch-run")
            await pilot.pause()
            await screen.workers.wait_for_complete()
            await pilot.pause()
            assert not screen.query_one("#batch-routing", Button).disabled
            await pilot.press("f6")  # no callback: the Routing view opens on the batch's results
            await pilot.pause()
            routing = app.screen
            assert isinstance(routing, RoutingScreen)
            table = routing.query_one("#routing-table", DataTable)
            assert table.row_count == 0  # these models have no price: the view says so and waits for one
            routing.query_one("#routing-prices", Input).value = "openai/healthy-2=1,2 openai/healthy=10,20"
            await pilot.click("#routing-run")
            await pilot.pause()
            # Tiers cheapest first whatever the batch's order: openai/healthy is the strong tier here.
            assert table.row_count == 5 and str(table.get_row_at(0)[0]) == "openai/healthy alone"
            assert str(table.get_row_at(1)[0]) == "openai/healthy-2 alone"
            await pilot.press("escape")
            screen.open_routing = opened.append
            await pilot.click("#batch-routing")
            assert opened and opened[0]["models"] == models and len(opened[0]["cases"]) == 4
            assert opened[0] == json.loads(json.dumps(screen.result.as_json()))  # what eval --save writes
    finally:
        server.shutdown()
