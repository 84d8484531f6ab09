"""How the screens look: the main screen with a shortlist, the requirement editor, sessions and help,
in dark and light at 80x24 and 140x40 (pytest-textual-snapshot)."""

from __future__ import annotations

import pytest

from tests.functional.test_tui import settle
from tui.app import TradeoffApp


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    import uuid
    from types import SimpleNamespace

    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")
    # The status bar names the session: the same id every run.
    monkeypatch.setattr("agent.advisor.sessions.uuid", SimpleNamespace(uuid4=lambda: uuid.UUID(int=0x5E55_10)))


async def loaded(pilot) -> None:
    """Until the advisor has loaded and no worker runs, with the prompt's cursor still."""
    await settle(pilot)
    pilot.app.screen.query_one("#prompt").cursor_blink = False


RANKED = "customer support chatbot, 50k chats a day, within 2 seconds, not sensitive, no budget limit"
SIZES = [(80, 24), (140, 40)]
THEMES = ["textual-dark", "textual-light"]


async def with_a_shortlist(pilot) -> None:
    await loaded(pilot)
    pilot.app.screen.query_one("#prompt").value = RANKED
    await pilot.press("enter")
    await loaded(pilot)


async def editing_a_requirement(pilot) -> None:
    await with_a_shortlist(pilot)
    await pilot.app.run_action("show_requirements")
    await pilot.pause()
    table = pilot.app.screen.query_one("#requirements")
    table.move_cursor(row=table.get_row_index("budget_usd_month"))
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.query_one("#value").cursor_blink = False


async def choosing_a_session(pilot) -> None:
    from tui.screens.sessions import SessionsScreen

    await loaded(pilot)
    listing = [("5e5510aa", "customer support chatbot, 50k chats a day", "2026-11-22T10:15:00"),
               ("5e5511bb", "classification of 1M tickets a day, cost is king", "2026-11-21T16:40:00")]  # fmt: skip
    await pilot.app.push_screen(SessionsScreen(listing))
    await pilot.pause()


async def reading_help(pilot) -> None:
    await loaded(pilot)
    await pilot.press("f1")
    await pilot.pause()


SCREENS = {"main": with_a_shortlist, "editor": editing_a_requirement, "sessions": choosing_a_session,
           "help": reading_help}  # fmt: skip


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen, size, theme):
    async def run_before(pilot) -> None:
        pilot.app.theme = theme
        await SCREENS[screen](pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(TradeoffApp(), terminal_size=size, run_before=run_before)


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
