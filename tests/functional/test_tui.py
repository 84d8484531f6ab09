"""The real app under Pilot: journeys a user takes, asserted on widget state."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from agent.settings import Settings
from tui.app import TradeoffApp
from tui.screens.catalog import CatalogScreen
from tui.screens.help import HelpScreen
from tui.widgets.chat import ChatMessage, Suggestions
from tui.widgets.requirements import RequirementsTable
from tui.widgets.shortlist import ShortlistTable
from tui.widgets.status import StatusBar


@pytest.fixture(autouse=True)
def bm25_only(monkeypatch):
    # The embedder is exercised in test_knowledge; these journeys need the app, not torch.
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")


async def settle(pilot) -> None:
    for _ in range(200):  # the loading worker starts after the first frame
        if pilot.app.advisor is not None:
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def say(pilot, text: str) -> None:
    prompt = pilot.app.screen.query_one("#prompt", Input)
    prompt.value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_describe_answer_the_interview_and_see_the_shortlist_and_plot():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "We need a customer support chatbot")
        suggestions = app.screen.query_one(Suggestions)
        assert "100,000 a day" in " ".join(suggestions.labels)
        await pilot.click("#choice-3")
        await settle(pilot)
        for _ in range(4):
            if app.state.ranking:
                break
            await say(pilot, "skip")
        table = app.screen.query_one(ShortlistTable)
        assert table.row_count >= 3
        assert app.screen.query_one("#plot") is not None
        requirements = app.screen.query_one(RequirementsTable)
        assert requirements.get_row("requests_per_day")[1:] == ["100,000", "stated"]
        assert requirements.get_row("input_tokens")[2] == "assumed"
        assert app.screen.query_one(StatusBar).advisor == "advisor: offline"
        assert any("My pick" in str(m.source) for m in app.screen.query(ChatMessage) if m.role == "assistant")


async def type_into_requirement(pilot, field: str, text: str) -> RequirementsTable:
    """Select the requirement's row, press enter, and submit `text` in the edit dialog."""
    table = pilot.app.screen.query_one(RequirementsTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(field))
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.query_one("#value", Input).value = text
    await pilot.press("enter")
    await pilot.pause()
    return table


async def test_editing_a_requirement_reranks_at_once():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "customer support chatbot, 50k chats a day, within 2 seconds, not sensitive, no budget limit")
        before = [row[2] for row in map(app.screen.query_one(ShortlistTable).get_row_at, range(3))]
        table = await type_into_requirement(pilot, "budget_usd_month", "$300")
        await settle(pilot)
        assert app.state.requirements["budget_usd_month"] == 300
        assert table.get_row("budget_usd_month")[1:] == ["300", "stated"]
        shortlist = app.screen.query_one(ShortlistTable)
        after = [shortlist.get_row_at(i)[2] for i in range(3)]
        assert after != before
        assert shortlist.get_row_at(0)[5] == "ok"


async def test_a_bad_edit_value_is_explained_and_not_applied():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive")
        await type_into_requirement(pilot, "requests_per_day", "lots")
        assert "not a number" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        assert app.state.requirements["requests_per_day"] == 5000


async def test_catalog_browser_filters_sorts_and_shows_sources():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CatalogScreen)
        app.screen.query_one("#filter", Input).value = "claude"
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert rows and all("claude" in name for name in rows)
        table.focus()
        table.move_cursor(row=0)
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert "source:" in detail
        assert "benchmark snapshot as of 2026-07-01" in detail


async def test_resume_the_last_session_and_export_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    from agent.advisor.factory import make_advisor
    from knowledge.base import KnowledgeBase

    settings = Settings()
    advisor = make_advisor(settings, KnowledgeBase(settings.index_dir))
    earlier = advisor.turn(
        "classification of 1M tickets a day, cost is king, under 1 second, $3,000/month, not sensitive"
    )
    advisor.close()

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.session_id == earlier.session
        assert app.screen.query_one(ShortlistTable).row_count > 0
        await say(pilot, "/export")
        records = list(Path(tmp_path).glob("decision-*.md"))
        assert len(records) == 1 and records[0].read_text().startswith("# Model choice for classification")
        await say(pilot, "/export")
        assert len(list(Path(tmp_path).glob("decision-*.md"))) == 2  # never overwritten
        await say(pilot, "/export json")
        await say(pilot, "/export litellm")
        assert len(list(Path(tmp_path).glob("decision-*.json"))) == 1
        assert "model_list" in next(Path(tmp_path).glob("decision-*.litellm.yaml")).read_text()


async def test_a_message_typed_while_loading_is_answered_once_ready():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#prompt", Input).value = "what is time to first token?"
        await pilot.press("enter")
        await settle(pilot)
        answers = [m for m in app.screen.query(ChatMessage) if m.role == "assistant"]
        assert answers and "[course/3.3]" in str(answers[-1].source)


async def test_help_and_the_command_palette():
    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await say(pilot, "/help")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"catalog")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)


async def test_narrow_terminals_stack_the_panels():
    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not app.screen.has_class("-narrow")


async def test_eliminated_models_and_sources_are_on_demand():
    from textual.widgets import OptionList

    from tui.widgets.shortlist import EliminatedTable
    from tui.widgets.sources import PassageScreen

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "coding assistant, 5k requests a day, under 1 second, $500/month, not sensitive")
        eliminated = app.screen.query_one(EliminatedTable)
        assert eliminated.row_count > 0
        reasons = [str(eliminated.get_row_at(i)[1]) for i in range(eliminated.row_count)]
        assert any("TTFT ~" in reason and "-token prompt > 1,000 ms target" in reason for reason in reasons), reasons
        await say(pilot, "when should I use a batch API?")
        sources = app.screen.query_one(OptionList)
        assert sources.option_count >= 1
        sources.focus()
        sources.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        assert app.screen.passage["id"] == "course/5.5"


async def test_a_multi_line_paste_keeps_every_line():
    from textual import events

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompt = app.screen.query_one("#prompt", Input)
        prompt.post_message(events.Paste("chatbot for support\n50k chats a day\nunder 1 second"))
        await pilot.pause()
        assert prompt.value == "chatbot for support 50k chats a day under 1 second"
