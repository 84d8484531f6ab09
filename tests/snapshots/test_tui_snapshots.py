"""How the main screens look, at 80x24 and 120x40 (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from tui.app import TradeoffApp


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


async def loaded(pilot) -> None:
    # The loading worker starts after the first frame; wait for it to exist, then to finish.
    for _ in range(200):
        if pilot.app.advisor is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.screen.query_one("#prompt").cursor_blink = False


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen(snap_compare, size):
    assert snap_compare(TradeoffApp(), terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_help_screen(snap_compare, size):
    async def open_help(pilot) -> None:
        await loaded(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(TradeoffApp(), terminal_size=size, run_before=open_help)


SCRIPTED_ANSWERS = {  # model -> text, TTFT ms, tokens/s, tokens
    "openai/gpt-4.1-mini": ("**TTFT** is the wait before the first token.", 412.0, 85.2, 12),
    "anthropic/claude-haiku-4-5": ("Time to first token: request sent → first text.", 388.0, 96.4, 11),
    "openai/server-error": ("", None, None, None),
}


class ScriptedTrial:
    """A trial engine with fixed answers and figures, so the blind vote's screen can be pictured."""

    def start(self) -> None:
        pass

    async def close(self) -> None:
        pass

    async def run(self, request, on_chunk=None, on_done=None):  # type: ignore[no-untyped-def]
        from agent.trials.results import TrialRun

        runs = []
        for model in request.models:
            text, ttft, speed, tokens = SCRIPTED_ANSWERS[model]
            run = TrialRun(model=model, text=text, ttft_ms=ttft, tokens_per_s=speed, output_tokens=tokens,
                           cost_usd=0.0 if tokens else None, finish_reason="stop" if tokens else None,
                           error=None if tokens else "server error (500)")  # fmt: skip
            if text and on_chunk is not None:
                await on_chunk(run, text)
            if on_done is not None:
                on_done(run)
            runs.append(run)
        return runs


async def blind_trial_awaiting_the_vote(pilot) -> None:
    import random

    from tui.screens.trial import TrialScreen

    await loaded(pilot)
    models = list(SCRIPTED_ANSWERS)
    screen = TrialScreen(models, {}, lambda model: (0.0, 0.0), blind=True, engine=ScriptedTrial(),
                         rng=random.Random(7))  # fmt: skip
    await pilot.app.push_screen(screen)
    await pilot.pause()
    screen.query_one("#trial-prompt").text = "What does TTFT measure?"
    await pilot.press("f5")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_blind_vote_before_the_reveal(snap_compare):
    assert snap_compare(TradeoffApp(), terminal_size=(140, 40), run_before=blind_trial_awaiting_the_vote)


def test_blind_vote_after_the_reveal(snap_compare):
    async def vote_for_pane_a(pilot) -> None:
        await blind_trial_awaiting_the_vote(pilot)
        screen = pilot.app.screen
        pane_a = next(pane for pane in screen.query("TrialPane") if pane.label == "A")
        await pilot.press("1" if not pane_a.metrics.startswith("error") else "2")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(TradeoffApp(), terminal_size=(140, 40), run_before=vote_for_pane_a)
