"""On a short terminal the interview's question stays in view with its choices: the chat used to end
at the hint, so at 80x24 the question had scrolled off the top."""

from __future__ import annotations

from tests.functional.test_tui import say, settle
from tui.app import TradeoffApp
from tui.widgets.chat import ChatMessage, ChatView, Suggestions


async def test_the_question_and_its_choices_are_visible_at_80x24():
    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await say(pilot, "a chatbot for our intranet")
        await pilot.pause()
        chat = app.screen.query_one(ChatView)
        question = [m for m in app.screen.query(ChatMessage) if m.role == "assistant"][-1]
        assert "requests a day" in question.source
        first_choice = app.screen.query_one(Suggestions).query("Button").first()
        view = chat.region
        assert view.y <= question.region.y < view.bottom, (view, question.region)
        assert view.y <= first_choice.region.y < view.bottom, (view, first_choice.region)
