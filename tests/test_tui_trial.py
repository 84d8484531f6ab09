"""The trial screen under Pilot with the real local models: panes stream, metrics appear, blind votes."""

from __future__ import annotations

import pytest

from tests.test_trials_local import free_port_pair
from tests.test_tui import say, settle
from tui.app import TradeoffApp
from tui.screens.trial import TrialPane, TrialScreen


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
    assert app._local_server is not None and not app._local_server.alive()  # stopped on exit


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
        await wait_for(pilot, lambda: getattr(app, "_local_server", None) is not None)  # started on demand
        await pilot.click("#batch-run")
        await wait_for(pilot, lambda: screen.query_one("#batch-matrix", DataTable).row_count == 2)
        assert screen.query_one(ProgressBar).progress == 4
        matrix = screen.query_one("#batch-matrix", DataTable)
        assert matrix.get_row_at(0)[0] == "hello"
        assert "passed (95% Wilson" in str(screen.query_one("#batch-stats").render())


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
        app.send("I need a cheap model for support chat")  # answered while the trial stays on top
        await settle(pilot)
        assert app.session_id is not None
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


async def test_panes_sit_side_by_side_and_stack_on_a_narrow_terminal():
    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = TrialScreen([f"openai/m{i}" for i in range(4)], {}, lambda model: None)
        await app.push_screen(screen)
        await pilot.pause()

        def layout() -> tuple[int, int]:
            regions = [pane.region for pane in screen.query(TrialPane)]
            return len({r.x for r in regions}), len({r.y for r in regions})

        assert layout() == (4, 1)  # one row of four
        await pilot.resize_terminal(100, 45)
        await pilot.pause()
        assert layout() == (2, 2)
        await pilot.resize_terminal(70, 60)
        await pilot.pause()
        assert layout() == (1, 4)  # stacked


async def test_a_pasted_multi_line_prompt_is_kept_whole_and_ctrl_j_runs_it():
    from textual import events
    from textual.widgets import TextArea

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = TrialScreen(["openai/a", "openai/b"], {}, lambda model: (0.0, 0.0))  # priced: no spend question
        await app.push_screen(screen)
        await pilot.pause()
        prompt = screen.query_one("#trial-prompt", TextArea)
        prompt.focus()
        prompt.clear()
        await pilot.pause()  # focus moves on the next message cycle
        app.post_message(events.Paste("Summarise this:\nline one\nline two"))  # as a terminal delivers it
        await wait_for(pilot, lambda: prompt.text.endswith("line two"), seconds=5)
        started: list[str] = []
        screen.run_trial = started.append  # type: ignore[method-assign]
        await pilot.press("enter")  # a new line in the prompt, not a run
        assert not started
        await pilot.press("ctrl+j")
        assert started == ["Summarise this:\nline one\nline two"]


async def test_the_spend_guard_shows_the_estimate_and_asks_before_a_costly_trial():
    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        costly = TrialScreen(
            ["openai/a", "openai/b"], {}, lambda model: (1e-3, 1e-3), spend_cap_usd=0.50, max_tokens=512
        )
        await app.push_screen(costly)
        await pilot.pause()
        started: list[str] = []
        costly.run_trial = started.append  # type: ignore[method-assign]
        await pilot.press("f5")
        assert not started  # 2 models x 512 tokens x $0.001 is over $1: the first Run only asks
        mode = str(costly.query_one("#trial-mode").render())
        assert "estimated cost at most $1.0" in mode, mode
        assert any("above the $0.50 cap" in n.message for n in app._notifications)
        await pilot.press("f5")
        assert len(started) == 1  # the second Run spends it
        app.pop_screen()
        cheap = TrialScreen(["openai/a", "openai/b"], {}, lambda model: (0.0, 0.0))
        await app.push_screen(cheap)
        await pilot.pause()
        cheap.run_trial = started.append  # type: ignore[method-assign]
        await pilot.click("#run")
        assert len(started) == 2  # under the cap: runs at once


async def test_models_without_a_server_of_their_own_use_the_configured_api_base(fault_endpoint, monkeypatch):
    monkeypatch.setenv("TRADEOFF_TRIAL_API_BASE", fault_endpoint)
    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        app._open_trial(["openai/healthy", "openai/healthy-2"])
        await wait_for(pilot, lambda: isinstance(app.screen, TrialScreen))
        screen = app.screen
        await pilot.pause()  # mounted, as it is by the time a user can press Run
        screen.run_trial("hi")
        await wait_for(pilot, lambda: len(screen.runs) == 2, seconds=30)
        assert [run.error for run in screen.runs] == [None, None]
        assert screen.runs[0].text == "alpha beta gamma delta epsilon "
