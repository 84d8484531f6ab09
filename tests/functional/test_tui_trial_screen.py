"""The trial screen under Pilot without any model server: pane layout, the prompt's keys, the spend guard
and shortlist marks. Streaming from real servers is in tests/integration/test_tui_trial.py."""

from __future__ import annotations

from tests.functional.test_tui import settle
from tui.app import TradeoffApp
from tui.screens.trial import TrialScreen
from tui.widgets.trial_pane import TrialPane


async def test_panes_sit_side_by_side_and_stack_on_a_narrow_terminal():
    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = TrialScreen([f"openai/m{i}" for i in range(4)], {}, lambda model: None)
        await app.push_screen(screen)
        await pilot.pause()

        def layout() -> tuple[int, int]:
            regions = [pane.region for pane in screen.query(TrialPane)]
            return len({r.x for r in regions}), len({r.y for r in regions})

        async def laid_out(expected: tuple[int, int]) -> tuple[int, int]:
            # The grid is arranged after a refresh, then laid out on the next: under load that can
            # take a few frames (this failed once at load 4 with one pause).
            for _ in range(20):
                if layout() == expected:
                    break
                await pilot.pause()
            return layout()

        assert await laid_out((4, 1)) == (4, 1)  # one row of four
        await pilot.resize_terminal(100, 45)
        assert await laid_out((2, 2)) == (2, 2)
        await pilot.resize_terminal(70, 60)
        assert await laid_out((1, 4)) == (1, 4)  # stacked


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
        await pilot.pause()  # the app hands the paste to the focused prompt on its next message cycle
        await pilot.pause()
        assert prompt.text.endswith("line two")
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
        costly.query_one("#trial-prompt").text = "Say hello."
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
        cheap.query_one("#trial-prompt").text = "Say hello."
        cheap.run_trial = started.append  # type: ignore[method-assign]
        await pilot.click("#run")
        assert len(started) == 2  # under the cap: runs at once


async def test_marked_shortlist_rows_show_a_mark_and_space_unmarks_them():
    from agent.advisor.view import shortlist_rows
    from tui.widgets.shortlist import ShortlistTable

    ranked = [{"model": f"openai/m{i}", "score": 80 - i, "monthly_cost_usd": 10.0 * i, "within_budget": True,
               "ttft_ms": 300, "max_input_tokens": 128000, "reasons": ["quality: good"]} for i in range(3)]  # fmt: skip
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.main_screen.query_one(ShortlistTable)
        table.show(shortlist_rows({"ranked": ranked}))
        table.focus()
        await pilot.pause()
        await pilot.press("space", "down", "down", "space")
        assert [table.get_row_at(i)[0] for i in range(3)] == ["●1", "", "●2"]
        assert table.marked_models() == ["openai/m0", "openai/m2"]
        await pilot.press("up", "up", "space")  # unmark the first
        assert [table.get_row_at(i)[0] for i in range(3)] == ["", "", "●1"]
        assert table.marked_models() == ["openai/m2"]


async def test_a_pane_ends_on_its_result_even_when_the_flush_timer_falls_behind():
    """On a loaded machine the flusher's ticks can lag past its one-round wait: what is still
    buffered (the tail and the final metrics) must show anyway, not a pane stuck on "streaming…"."""
    from agent.trials.results import TrialRun
    from tui.widgets.pane_flusher import PaneFlusher

    app = TradeoffApp()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = TrialScreen(["openai/a", "openai/b"], {}, lambda model: None)
        await app.push_screen(screen)
        await pilot.pause()
        panes = list(screen.query(TrialPane))
        for pane in panes:
            pane.begin(pane.model, pane.model)
        flusher = PaneFlusher(screen, panes)
        flusher.stop()  # no tick comes in time
        panes[0].write("alpha beta", ttft_ms=120.0)
        panes[0].done(TrialRun(model="openai/a", text="alpha beta", ttft_ms=120.0, tokens_per_s=50.0, output_tokens=2))
        await flusher.drain()
        assert panes[0].answer == "alpha beta" and not panes[0].pending
        assert "TTFT 120 ms" in panes[0].metrics and "streaming" not in panes[0].metrics
        assert panes[1].metrics == "waiting for the first token…"  # nothing arrived, nothing invented
