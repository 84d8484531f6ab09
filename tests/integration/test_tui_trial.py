"""The trial screen under Pilot with the real local models and the fault server: panes stream, metrics
appear, blind votes. Its layout and keys without any server are in tests/functional/test_tui_trial_screen.py."""

from __future__ import annotations

import pytest

from tests.functional.test_tui import export, say, settle
from tests.integration.test_trials_local import free_port_pair
from tui.app import TradeoffApp
from tui.screens.trial import TrialScreen
from tui.widgets.trial_pane import TrialPane


@pytest.fixture(autouse=True)
def settings_env(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TRADEOFF_LOCAL_PORT", str(free_port_pair()))


async def wait_for(pilot, condition, seconds: float = 120) -> None:
    for _ in range(int(seconds / 0.2)):
        if condition():
            return
        await pilot.pause(0.2)
    raise AssertionError("timed out waiting")


async def test_blind_trial_of_the_local_models_from_the_tui():
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "/trial local")
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))  # the server starts on demand
        screen = app.screen
        await pilot.press("ctrl+b")
        screen.query_one("#trial-prompt").text = "Say hello."
        await pilot.click("#run")
        await wait_for(pilot, lambda: screen.awaiting_vote)
        panes = list(screen.query(TrialPane))
        assert sorted(str(p.query_one(".pane-title").render()) for p in panes) == ["[A]", "[B]"]
        metrics = [str(p.query_one(".pane-metrics").render()) for p in panes]
        assert all("TTFT" in line for line in metrics), metrics  # an error line says which model failed and why
        charts = " ".join(str(chart.render()) for chart in screen.query(".trial-chart"))
        assert charts.count("TTFT") == 1 and "tokens/s" in charts and "cost" in charts
        assert "smollm" not in charts and "gemma" not in charts  # blind: the bars name panes, not models
        await pilot.press("1")
        await pilot.pause()
        assert not screen.awaiting_vote
        charts = " ".join(str(chart.render()) for chart in screen.query(".trial-chart"))
        assert "smollm2-135m" in charts and "gemma3-270m" in charts  # revealed with the vote
        titles = [str(p.query_one(".pane-title").render()) for p in panes]
        assert any("local/smollm2-135m" in t for t in titles) and any("★" in t for t in titles)
        assert "won 1/1" in str(screen.query_one("#win-rates").render())
        votes = (app.settings.data_dir / "votes.jsonl").read_text()
        assert '"vote": "A"' in votes
    assert app.local_models.server is not None and not app.local_models.server.alive()  # stopped on exit


async def test_a_batch_trial_from_the_tui_shows_progress_and_the_matrix(tmp_path):
    import json

    from textual.widgets import DataTable, ProgressBar

    from tui.screens.batch import BatchScreen

    tests = tmp_path / "tests.jsonl"
    tests.write_text("\n".join(json.dumps(t) for t in [
        {"id": "hello", "prompt": "Say hello.", "assert": [{"type": "max-latency", "value": 60000}]},
        {"id": "json", "prompt": "Say hello.", "assert": [{"type": "is-json"}]},
    ]))  # fmt: skip
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, f"/eval {tests}")
        assert isinstance(app.screen, BatchScreen)
        screen = app.screen
        # The local models start on demand.
        await wait_for(pilot, lambda: app.local_models is not None and app.local_models.server is not None)
        await pilot.click("#batch-run")
        await wait_for(pilot, lambda: screen.query_one("#batch-matrix", DataTable).row_count == 2)
        assert screen.query_one(ProgressBar).progress == 4
        matrix = screen.query_one("#batch-matrix", DataTable)
        assert str(matrix.get_row_at(0)[0]) == "hello"  # a Text since test ids are shown as typed
        assert "passed (95% Wilson" in str(screen.query_one("#batch-stats").render())


async def test_after_a_batch_of_the_local_models_the_routing_view_and_the_record_use_its_results(
    tmp_path, monkeypatch
):
    """Batch on the real local models, F6 for the Routing view on its results in memory, then the
    decision record's routing section is measured on them (before and after there is a session)."""
    import json

    from textual.widgets import DataTable

    from tui.screens.batch import BatchScreen
    from tui.screens.routing import RoutingScreen

    monkeypatch.chdir(tmp_path)  # /export writes here
    tests = tmp_path / "tests.jsonl"
    tests.write_text("\n".join(json.dumps(t) for t in [
        {"id": "hello", "prompt": "Say hello.", "assert": [{"type": "max-latency", "value": 60000}]},
        {"id": "json", "prompt": "Say hello.", "assert": [{"type": "is-json"}]},
        {"id": "short", "prompt": "Name a colour.", "assert": [{"type": "max-length", "value": 400}]},
        {"id": "colour", "prompt": "Name a colour.", "assert": [{"type": "icontains", "value": "e"}]},
    ]))  # fmt: skip
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, f"/eval {tests}")
        batch = app.screen
        assert isinstance(batch, BatchScreen)
        await wait_for(pilot, lambda: app.local_models is not None and app.local_models.server is not None)
        await pilot.click("#batch-run")
        await wait_for(pilot, lambda: batch.result is not None)
        await pilot.pause()
        await app.workers.wait_for_complete()
        from agent.trials.evidence import saved_evals

        kept = saved_evals(app.settings.data_dir)  # the batch joins your leaderboard's pass rates
        assert len(kept) == 1 and set(kept[0]) == {"local/gemma3-270m", "local/smollm2-135m"}
        assert all(total == 4 for _, total in kept[0].values())
        await pilot.press("f6")
        await pilot.pause()
        routing = app.screen
        assert isinstance(routing, RoutingScreen)
        table = routing.query_one("#routing-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names[:4] == ["local/gemma3-270m alone", "local/smollm2-135m alone", "oracle", "cascade"]
        assert "heuristic" in names  # 4 tests: fitted on 2, reported on 2
        measured = app.main_screen.trials.measured_route
        assert measured is not None and measured["tests"] == 4
        await pilot.press("escape")
        await pilot.press("escape")
        # A session with a recommendation; the route measured before it is the record's routing section.
        await say(pilot, "Customer support chatbot, 50k chats a day, answers within 1 second, $2,000 a month")
        await export(pilot, "/export")
        record = next(tmp_path.glob("decision-*.md")).read_text()
        assert "### Routing, measured on your eval results (4 tests, " in record
        assert "| cascade | " in record and "rule of thumb" not in record
        # Routed again with a session open: kept with the session, so a later export finds it there.
        data = routing.results_data
        app.main_screen.trials.start_routing("", data)
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert app.advisor.measured_route(app.main_screen.session_id)["source"] == "the batch eval in the TUI"


@pytest.fixture
def fault_endpoint():
    from tests import fault_server

    server, url = fault_server.start()
    yield url
    server.shutdown()


async def test_escape_cancels_every_stream_and_keeps_the_partial_text(fault_endpoint):
    from tui.widgets.streaming_markdown import StreamingMarkdown

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        models = ["openai/long-a", "openai/long-b"]  # 400 chunks each, 5 ms apart
        screen = TrialScreen(models, {m: fault_endpoint for m in models}, lambda model: None)
        await app.push_screen(screen)
        screen.run_trial("stream a long answer")
        bodies = list(screen.query(StreamingMarkdown))
        await wait_for(pilot, lambda: all(body.text for body in bodies), seconds=30)
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen  # the first escape cancels, it does not close
        for pane in screen.query(TrialPane):
            assert str(pane.query_one(".pane-metrics").render()) == "cancelled · partial text kept"
            assert pane.query_one(StreamingMarkdown).text.startswith("alpha")
        await pilot.press("escape")
        assert app.screen is not screen


async def test_results_that_land_while_a_trial_is_on_top_go_to_the_chat_screen(fault_endpoint):
    """The advisor loads, and turns finish, in the background: the trial screen may be on top."""
    from tui.widgets.status import StatusBar

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        trial = TrialScreen(["openai/healthy", "openai/long-a"], {}, lambda model: None)
        await app.push_screen(trial)  # before the advisor has loaded
        await settle(pilot)
        assert app.screen is trial and app.advisor is not None
        assert "offline" in str(app.main_screen.query_one(StatusBar).advisor)
        app.main_screen.send("I need a cheap model for support chat")  # answered while the trial stays on top
        await settle(pilot)
        assert app.main_screen.session_id is not None
        app.pop_screen()
        await pilot.pause()
        assert "session" in str(app.screen.query_one(StatusBar).session)


async def test_a_finished_model_shows_its_tail_and_numbers_while_another_still_streams(fault_endpoint):
    from tui.widgets.streaming_markdown import StreamingMarkdown

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        models = ["openai/healthy", "openai/long-a"]  # 5 chunks, and 400 chunks 5 ms apart
        screen = TrialScreen(models, {m: fault_endpoint for m in models}, lambda model: None)
        await app.push_screen(screen)
        screen.run_trial("hi")
        fast, slow = screen.query(TrialPane)  # in the order of the models
        await wait_for(pilot, lambda: "tok/s" in str(fast.query_one(".pane-metrics").render()), seconds=30)
        assert fast.query_one(StreamingMarkdown).text == "alpha beta gamma delta epsilon "  # the tail is there
        slow_line = str(slow.query_one(".pane-metrics").render())
        assert slow_line.startswith("TTFT") and slow_line.endswith("streaming…")  # the live line
        await app.workers.wait_for_complete()


async def test_a_trial_process_that_dies_shows_an_error_in_every_pane(fault_endpoint):
    from tui.widgets.streaming_markdown import StreamingMarkdown

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        models = ["openai/long-a", "openai/long-b"]
        screen = TrialScreen(models, {m: fault_endpoint for m in models}, lambda model: None)
        await app.push_screen(screen)
        screen.run_trial("stream a long answer")
        bodies = list(screen.query(StreamingMarkdown))
        await wait_for(pilot, lambda: all(body.text for body in bodies), seconds=30)
        screen.engine._process.kill()
        await app.workers.wait_for_complete()
        await pilot.pause()
        for pane in screen.query(TrialPane):
            line = str(pane.query_one(".pane-metrics").render())
            assert line == "error: the trial process exited during the trial (partial text kept)", line
            assert pane.query_one(StreamingMarkdown).text.startswith("alpha")
        screen.run_trial("hi")  # a new child serves the next run
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert all("tok/s" in str(p.query_one(".pane-metrics").render()) for p in screen.query(TrialPane))


async def test_models_without_a_server_of_their_own_use_the_configured_api_base(fault_endpoint, monkeypatch):
    monkeypatch.setenv("TRADEOFF_TRIAL_API_BASE", fault_endpoint)
    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app.main_screen.trials.open_trial(["openai/healthy", "openai/healthy-2"])
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))
        screen = app.screen
        await pilot.pause()  # mounted, as it is by the time a user can press Run
        screen.run_trial("hi")
        await wait_for(pilot, lambda: len(screen.runs) == 2, seconds=30)
        assert [run.error for run in screen.runs] == [None, None]
        assert screen.runs[0].text == "alpha beta gamma delta epsilon "


# --- #19: trial evidence you can trust --------------------------------------------------------------


RANKED = "coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive"  # ranked at once


def panes_in_reading_order(screen: TrialScreen) -> list[TrialPane]:
    return sorted(screen.query(TrialPane), key=lambda pane: (pane.region.y, pane.region.x))


def table_rows(screen: TrialScreen) -> list[list[str]]:
    from textual.widgets import DataTable

    table = screen.query_one("#trial-results", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


async def open_trial(pilot, models: list[str]) -> TrialScreen:
    app = pilot.app
    app.main_screen.trials.open_trial(models)
    await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))
    await pilot.pause()
    return app.screen


async def start(pilot, screen: TrialScreen, prompt: str = "hi") -> None:
    """Run, answering the spend guard (the stub's models have no price) as a user would."""
    screen.query_one("#trial-prompt").text = prompt
    # By identity, not by count: an earlier warning may expire while this one is shown.
    shown_before = {note.identity for note in pilot.app._notifications}
    await pilot.press("f5")
    if any("Press Run again" in note.message and note.identity not in shown_before
           for note in pilot.app._notifications):
        await pilot.press("f5")


async def run_and_wait(pilot, screen: TrialScreen, prompt: str = "hi") -> None:
    await start(pilot, screen, prompt)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def exported_json(app, folder) -> dict:
    """The record as the export dialog would write it (waiting on that write alone: models may still stream)."""
    import json

    path = folder / f"decision-{len(list(folder.glob('decision-*.json'))) + 1}.json"
    await app.main_screen.write_record("json", path).wait()
    return json.loads(path.read_text())


async def test_key_1_votes_for_pane_a_and_a_failed_model_can_neither_win_nor_lose(
    fault_endpoint, monkeypatch, tmp_path
):
    monkeypatch.setenv("TRADEOFF_TRIAL_API_BASE", fault_endpoint)
    monkeypatch.chdir(tmp_path)
    models = ["openai/healthy", "openai/healthy-2", "openai/server-error", "openai/delay-50"]
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, RANKED)
        screen = await open_trial(pilot, models)
        await pilot.press("ctrl+b")
        await run_and_wait(pilot, screen)
        panes = panes_in_reading_order(screen)
        failed = next(pane for pane in panes if "server error (500)" in pane.metrics)
        titles = [pane.title for pane in panes]  # left to right, names hidden; the failed pane says so
        assert titles == [f"[{letter}]" + (" failed" if letter == failed.label else "") for letter in "ABCD"]
        assert screen.awaiting_vote
        assert all("openai/" not in cell for row in table_rows(screen) for cell in row)  # no name before the vote
        await pilot.press(str("ABCD".index(failed.label) + 1))  # a failed pane cannot win
        assert screen.awaiting_vote
        winner = next(pane for pane in panes if pane is not failed)
        await pilot.press(str("ABCD".index(winner.label) + 1))
        assert not screen.awaiting_vote
        assert winner.title == f"[{winner.label}] {winner.model}  ★"  # revealed only now
        assert failed.title.endswith("(failed)")
        vote = app.advisor.state(app.main_screen.session_id).votes[-1]
        assert vote["winner"] == winner.model and vote["vote"] == winner.label
        assert vote["labels"] == {pane.model: pane.label for pane in panes}
        assert vote["failed"] == ["openai/server-error"] and "openai/server-error" not in vote["models"]
        win_rates = str(screen.query_one("#win-rates").render())
        assert "server-error" not in win_rates and f"{winner.model}: won 1/1" in win_rates
        record = await exported_json(app, tmp_path)
        assert record["votes"] == [vote]
        assert record["significance"] == win_rates.splitlines()  # the same figures on screen and in the export


async def test_every_finished_run_is_kept_at_once_and_escape_cancels_only_what_still_streams(
    fault_endpoint, monkeypatch, tmp_path
):
    monkeypatch.setenv("TRADEOFF_TRIAL_API_BASE", fault_endpoint)
    monkeypatch.chdir(tmp_path)
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, RANKED)
        screen = await open_trial(pilot, ["openai/healthy", "openai/server-error", "openai/long-a"])
        await start(pilot, screen)
        healthy, failed, slow = screen.query(TrialPane)
        await wait_for(pilot, lambda: "tok/s" in healthy.metrics and "server error" in failed.metrics, seconds=30)
        assert slow.metrics.endswith("streaming…")
        # An export while a model still streams already has the two that finished.
        during = await exported_json(app, tmp_path)
        assert sorted((run["model"], run["run"]) for run in during["trials"]) == [
            ("openai/healthy", 1), ("openai/server-error", 1)]  # fmt: skip
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert "tok/s" in healthy.metrics and healthy.answer == "alpha beta gamma delta epsilon "
        assert failed.metrics == "error: server error (500)"
        assert slow.metrics == "cancelled · partial text kept" and slow.answer.startswith("alpha")
        results = sorted((row[1], row[3]) for row in table_rows(screen))  # model, result
        assert results == [("openai/healthy", "stop"), ("openai/long-a", "cancelled"),
                           ("openai/server-error", "server error (500)")]  # fmt: skip
        after = await exported_json(app, tmp_path)
        kept = {run["model"]: run for run in after["trials"]}
        assert kept["openai/long-a"]["error"] == "cancelled" and kept["openai/long-a"]["text"].startswith("alpha")
        assert kept["openai/healthy"]["output_tokens"] == 5 and kept["openai/healthy"]["ttft_ms"] is not None


async def test_runs_count_up_rows_keep_their_labels_and_history_loads_when_the_screen_reopens(
    fault_endpoint, monkeypatch, tmp_path
):
    import argparse
    import json

    from tui.cli.export import run as run_export

    monkeypatch.setenv("TRADEOFF_TRIAL_API_BASE", fault_endpoint)
    monkeypatch.chdir(tmp_path)
    models = ["openai/healthy", "openai/healthy-2"]
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, RANKED)
        screen = await open_trial(pilot, models)
        await pilot.press("ctrl+b")
        labels_by_run = []
        for _ in range(3):
            await run_and_wait(pilot, screen)
            labels_by_run.append(dict(screen.labels))
            await pilot.press("1")
        rows = table_rows(screen)
        assert [row[2] for row in rows] == ["1", "1", "2", "2", "3", "3"]
        for index, row in enumerate(rows):  # each row keeps the letter its model had in that run
            assert row[0] == labels_by_run[index // 2][row[1]]
        shown = str(screen.query_one("#win-rates").render())
        assert "3 decided" in shown or "/3 decided" in shown
        app.pop_screen()
        await pilot.pause()
        again = await open_trial(pilot, models)
        assert table_rows(again) == rows  # the session's history, not an empty table
        assert str(again.query_one("#win-rates").render()) == shown
        await run_and_wait(pilot, again)
        assert [row[2] for row in table_rows(again)][-2:] == ["4", "4"]
        session = app.main_screen.session_id
        tui_record = await exported_json(app, tmp_path)
    out = tmp_path / "headless.json"
    run_export(argparse.Namespace(session=session, format="json", output=str(out), force=False, routing=None))
    headless = json.loads(out.read_text())
    assert headless["trials"] == tui_record["trials"] and headless["votes"] == tui_record["votes"]
    assert headless["significance"] == tui_record["significance"] == shown.splitlines()
    assert [run["run"] for run in headless["trials"]] == [1, 1, 2, 2, 3, 3, 4, 4]


async def test_typed_model_strings_are_completed_from_the_catalog_and_run(fault_endpoint):
    from textual.widgets import Input

    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        names = ["openai/healthy", "openai/server-error", "anthropic/claude-x"]
        screen = TrialScreen(["openai/healthy", "openai/server-error"], {}, lambda model: (0.0, 0.0),
                             api_bases_for=lambda ms: {m: fault_endpoint for m in ms}, model_names=names)  # fmt: skip
        await app.push_screen(screen)
        await pilot.pause()
        field = screen.query_one("#trial-models", Input)
        field.focus()
        field.value = "openai/healthy, openai/server-error"
        field.cursor_position = len(field.value)
        await pilot.press(*", anth")
        await pilot.pause()
        await pilot.press("right")  # accepts the completion
        assert field.value == "openai/healthy, openai/server-error, anthropic/claude-x"
        field.value = "openai/healthy, openai/delay-20"
        await pilot.press("enter")
        await pilot.pause()
        assert [pane.title for pane in screen.query(TrialPane)] == ["[A] openai/healthy", "[B] openai/delay-20"]
        await run_and_wait(pilot, screen)
        assert [run.model for run in screen.runs] == ["openai/healthy", "openai/delay-20"]
        assert all(run.error is None for run in screen.runs)
        field.value = "openai/healthy"
        await pilot.press("f5")
        assert len(screen.runs) == 2  # one model is not a trial: nothing ran
        assert any("2 to 4 models" in n.message for n in app._notifications)


async def test_at_80x24_panes_have_room_to_read_and_errors_show(fault_endpoint):
    from tui.widgets.trial_pane import MetricsLine

    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        models = ["openai/healthy", "openai/server-error"]
        screen = TrialScreen(models, {m: fault_endpoint for m in models}, lambda model: (0.0, 0.0))
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.query_one("#trial-prompt").text == ""  # no unrelated question waiting in the box
        await run_and_wait(pilot, screen)
        for pane in screen.query(TrialPane):
            assert pane.region.height >= 10
            line = pane.query_one(MetricsLine)
            assert screen.region.contains_region(line.region)  # on screen without scrolling
        assert "server error (500)" in screen.query(TrialPane)[1].metrics
        four = TrialScreen([f"openai/m{i}" for i in range(4)], {}, lambda model: None)
        await app.push_screen(four)
        await pilot.pause()
        await pilot.pause()
        assert all(pane.region.height >= 10 for pane in four.query(TrialPane))
