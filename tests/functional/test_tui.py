"""The real app under Pilot: journeys a user takes, asserted on widget state. Waits are on the
app's workers and messages, never on sleeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input

from agent.settings import Settings
from tui.app import TradeoffApp
from tui.screens.catalog import CatalogScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.widgets.chat import ChatMessage, Suggestions
from tui.widgets.requirements import RequirementsTable
from tui.widgets.shortlist import ShortlistTable
from tui.widgets.status import StatusBar


@pytest.fixture(autouse=True)
def bm25_only(monkeypatch):
    # The embedder is exercised in test_knowledge; these journeys need the app, not torch.
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")


async def settle(pilot) -> None:
    """Until the advisor has loaded and no worker runs: each worker's messages may start another."""
    app = pilot.app
    for _ in range(1000):
        # pause(0) lets the screen take its pending messages without Textual's idle heuristic, which
        # sleeps 20 ms slices until the process looks idle: ~18 s of a functional run's wall time
        await pilot.pause(0)
        await app.workers.wait_for_complete()
        await pilot.pause(0)
        if app.advisor is not None and not any(worker.is_running for worker in app.workers):
            break
    await pilot.pause()  # once quiet, one idle wait for what the last worker's messages set going


async def say(pilot, text: str) -> None:
    prompt = pilot.app.screen.query_one("#prompt", Input)
    prompt.value = text
    await pilot.press("enter")
    await settle(pilot)


def main(app: TradeoffApp) -> MainScreen:
    return app.main_screen


async def test_describe_answer_the_interview_and_see_the_shortlist_and_plot():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "We need a customer support chatbot")
        suggestions = app.screen.query_one(Suggestions)
        assert "100,000 a day" in " ".join(suggestions.labels)
        question = [m for m in app.screen.query(ChatMessage) if m.role == "assistant"][-1]
        assert "100,000 a day" not in question.source  # the choices are shown once, as buttons
        # the question scrolls to its top once laid out, so the button is pressed rather than clicked by
        # screen position, which could land before that scroll and miss
        suggestions.query_one("#choice-3", Button).press()
        await settle(pilot)
        for _ in range(4):
            if main(app).shortlist():
                break
            await say(pilot, "skip")
        table = app.screen.query_one(ShortlistTable)
        assert table.row_count >= 3
        assert app.screen.query_one("#plot") is not None
        requirements = app.screen.query_one(RequirementsTable)
        assert requirements.get_row("requests_per_day")[1:3] == ["100,000", "stated"]
        assert requirements.get_row("input_tokens")[2] == "assumed"
        assert app.screen.query_one(StatusBar).advisor == "advisor: offline"
        assert any("My pick" in m.source for m in app.screen.query(ChatMessage) if m.role == "assistant")


async def test_answers_stream_into_the_chat_as_the_advisor_writes_them():
    """Each piece the advisor hands on_chunk is a message to the screen, written into one answer."""
    chunks: list[str] = []

    def hook(message) -> None:
        if isinstance(message, MainScreen.AnswerChunk):
            chunks.append(message.text)

    app = TradeoffApp()
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        await say(pilot, "what is time to first token?")
        answers = [m for m in app.screen.query(ChatMessage) if m.role == "assistant"]
        assert chunks and answers[-1].source == "".join(chunks)
        assert "[course/3.3]" in answers[-1].source


async def type_into_requirement(pilot, field: str, text: str) -> RequirementsTable:
    """Select the requirement's row, press enter, and submit `text` in the edit dialog."""
    table = pilot.app.screen.query_one(RequirementsTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(field))
    await pilot.press("enter")
    await pilot.pause()
    pilot.app.screen.query_one("#value", Input).value = text
    await pilot.press("enter")
    await settle(pilot)
    return table


async def test_editing_a_requirement_reranks_at_once_and_gives_the_keyboard_back_to_the_chat():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "customer support chatbot, 50k chats a day, within 2 seconds, not sensitive, no budget limit")
        before = [row[2] for row in map(app.screen.query_one(ShortlistTable).get_row_at, range(3))]
        table = await type_into_requirement(pilot, "budget_usd_month", "$300")
        assert table.get_row("budget_usd_month")[1:3] == ["300", "edited"]  # set in the panel, said so
        shortlist = app.screen.query_one(ShortlistTable)
        after = [shortlist.get_row_at(i)[2] for i in range(3)]
        assert after != before
        assert shortlist.get_row_at(0)[5] == "ok"
        notes = [str(note.render()) for note in app.screen.query(".note")]
        assert any("Requirement changed: budget $/month = 300" in note for note in notes)
        # Typing goes to the chat input; enter sends it rather than reopening an edit dialog.
        assert app.focused is app.screen.query_one("#prompt")
        await pilot.press(*"what is ttft?", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [m.source for m in app.screen.query(ChatMessage) if m.role == "user"][-1] == "what is ttft?"


async def test_a_bad_edit_value_is_explained_and_not_applied():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive")
        await type_into_requirement(pilot, "requests_per_day", "lots")
        assert "not a number" in str(app.screen.query_one("#error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert main(app).query_one(RequirementsTable).get_row("requests_per_day")[1] == "5,000"
        assert app.focused is main(app).query_one("#prompt")


async def test_an_edit_submitted_unchanged_changes_nothing():
    """The box shows 1,143 for 8k a week; enter on it must not round the volume or mark it edited."""
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "coding assistant, 8k requests a week, under 2 seconds, $500/month, not sensitive")
        table = main(app).query_one(RequirementsTable)
        assert table.get_row("requests_per_day")[1:3] == ["1,143", "stated"]
        table.focus()
        table.move_cursor(row=table.get_row_index("requests_per_day"))
        changes = sum("Requirement changed" in str(n.render()) for n in main(app).query(".note"))
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen.query_one("#value", Input).value == "1143"
        await pilot.press("enter")
        await settle(pilot)
        assert table.get_row("requests_per_day")[2] == "stated"
        assert sum("Requirement changed" in str(n.render()) for n in main(app).query(".note")) == changes


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
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#prompt")


def earlier_session(text: str) -> str:
    from agent.advisor.factory import make_advisor
    from knowledge.base import KnowledgeBase

    settings = Settings()
    advisor = make_advisor(settings, KnowledgeBase(settings.index_dir))
    try:
        return advisor.turn(text).session
    finally:
        advisor.close()


async def export(pilot, key_or_command: str) -> str:
    """Open the export dialog, confirm the path it offers, and return it."""
    from tui.screens.export import ExportDialog

    if key_or_command.startswith("/"):
        prompt = pilot.app.screen.query_one("#prompt", Input)
        prompt.value = key_or_command
        key_or_command = "enter"
    await pilot.press(key_or_command)
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportDialog)
    offered = pilot.app.screen.query_one("#export-path", Input).value
    await pilot.press("enter")
    await settle(pilot)
    return offered


async def test_resume_the_last_session_and_export_it_where_the_dialog_says(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    session = earlier_session(
        "classification of 1M tickets a day, cost is king, under 1 second, $3,000/month, not sensitive"
    )
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert main(app).session_id == session
        assert app.screen.query_one(ShortlistTable).row_count > 0
        assert app.focused is app.screen.query_one("#prompt")
        first = await export(pilot, "ctrl+e")  # from the chat input, which binds ctrl+e itself
        assert first == str(tmp_path / f"decision-{session}.md")
        assert Path(first).read_text().startswith("# Model choice for classification")
        notes = [str(note.render()) for note in app.screen.query(".note")]
        assert f"Decision record written to {first}" in notes
        second = await export(pilot, "/export")
        assert second == str(tmp_path / f"decision-{session}-2.md")  # the offered name never overwrites
        await export(pilot, "/export json")
        await export(pilot, "/export litellm")
        assert len(list(tmp_path.glob("decision-*.json"))) == 1
        assert "model_list" in next(tmp_path.glob("decision-*.litellm.yaml")).read_text()


async def test_export_asks_before_it_replaces_a_file(tmp_path, monkeypatch):
    from tui.screens.export import ExportDialog

    monkeypatch.chdir(tmp_path)
    session = earlier_session("coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive")
    target = tmp_path / "mine.md"
    target.write_text("keep me")
    app = TradeoffApp(session_id=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)  # not written: it says the file exists
        assert "exists" in str(app.screen.query_one("#export-warning").render())
        assert target.read_text() == "keep me"
        await pilot.press("enter")  # the second enter confirms
        await settle(pilot)
        assert target.read_text().startswith("# Model choice")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#prompt")


async def test_nothing_to_export_before_a_recommendation_is_said_plainly():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("Nothing to export yet" in n.message for n in app._notifications)


async def test_a_message_typed_while_loading_is_answered_once_ready():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#prompt", Input).value = "what is time to first token?"
        await pilot.press("enter")
        await settle(pilot)
        answers = [m for m in app.screen.query(ChatMessage) if m.role == "assistant"]
        assert answers and "[course/3.3]" in answers[-1].source


async def test_two_messages_sent_at_once_are_answered_in_order_in_one_session():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main(app).send("coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive")
        main(app).send("what is time to first token?")
        await settle(pilot)
        answers = [m.source for m in app.screen.query(ChatMessage) if m.role == "assistant"]
        assert len(answers) == 2 and "[course/3.3]" in answers[1]
        assert main(app).shortlist()  # the second turn kept the first one's session


async def test_help_lists_every_action_and_the_trial_keys_and_the_palette_runs_them():
    from tui.actions import ACTIONS
    from tui.screens.trial import TrialScreen

    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await say(pilot, "/help")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one("Markdown").source
        for action in ACTIONS:
            assert (action.slash or action.key or action.title) in text or action.title in text, action
        for binding in TrialScreen.BINDINGS:
            assert binding.description in text  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#prompt")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"catalog")
        await pilot.pause(0.3)  # the palette searches on a timer of its own
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CatalogScreen)


async def test_every_advertised_key_works_while_the_chat_input_has_focus():
    from tui.actions import ACTIONS
    from tui.screens.sessions import SessionsScreen

    def notified(text: str):
        return lambda app: any(text in n.message for n in app._notifications)

    effects = {  # what each key visibly does, pressed in the chat input
        "ctrl+n": notified("New session."),
        "ctrl+o": lambda app: isinstance(app.screen, SessionsScreen),
        "ctrl+r": lambda app: "No saved sessions yet." in [str(n.render()) for n in app.screen.query(".note")],
        "ctrl+e": notified("Nothing to export yet"),
        "f2": lambda app: isinstance(app.screen, CatalogScreen),
        "f1": lambda app: isinstance(app.screen, HelpScreen),
        "ctrl+t": lambda app: app.theme == "textual-light",
    }
    assert set(effects) == {a.key for a in ACTIONS if a.key and a.id != "quit"}  # a new key needs a check here
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key, happened in effects.items():
            assert app.focused is app.screen.query_one("#prompt"), key
            await pilot.press(key)
            await settle(pilot)
            assert happened(app), key
            if not isinstance(app.screen, MainScreen):
                await pilot.press("escape")
                await pilot.pause()
            app.clear_notifications()


async def test_narrow_terminals_stack_the_panels_and_nothing_is_clipped():
    app = TradeoffApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await say(pilot, "customer support chatbot, 50k chats a day, within 2 seconds, not sensitive, no budget limit")
        screen = app.screen
        conversation, side = screen.query_one("#conversation"), screen.query_one("#side")
        assert side.region.y >= conversation.region.bottom and side.region.width == 80  # under the chat
        for widget in ("#status", "Footer", "#prompt", "#side-tabs"):
            assert screen.region.contains_region(screen.query_one(widget).region), widget
        assert str(screen.query_one("#status").render()).rstrip().endswith("$0.00")
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert side.region.x >= conversation.region.right  # beside it again
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert side.region.x >= conversation.region.right
        assert screen.region.contains_region(screen.query_one("Footer").region)


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
        from tui.widgets.shortlist import ShortlistTable

        selected = app.screen.query_one(ShortlistTable).selected_row()
        assert selected and f"{selected.model} on {selected.provider}" in str(app.screen.query_one("#why").render())
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
        assert app.screen.passage.id == "course/5.5"
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#prompt")
        # the tabs are reached from the keyboard: a slash command brings one up with its table focused
        from textual.widgets import TabbedContent

        await say(pilot, "/eliminated")
        assert app.screen.query_one(TabbedContent).active == "tab-eliminated" and app.focused is eliminated
        await pilot.pause()
        # the columns fit the pane, and a reason longer than its column wraps onto the lines it needs
        assert sum(column.get_render_width(eliminated) for column in eliminated.ordered_columns) <= (
            eliminated.size.width
        )
        width = eliminated.columns[eliminated.ordered_columns[1].key].get_render_width(eliminated) - 2
        for index, reason in enumerate(reasons):
            assert eliminated.ordered_rows[index].height >= -(-len(reason) // width), reason
        assert any(len(reason) > width for reason in reasons)


async def test_a_multi_line_paste_keeps_every_line():
    from textual import events

    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        prompt = app.screen.query_one("#prompt", Input)
        prompt.post_message(events.Paste("chatbot for support\n50k chats a day\nunder 1 second"))
        await pilot.pause()
        assert prompt.value == "chatbot for support 50k chats a day under 1 second"


async def test_a_new_session_empties_the_panels_and_the_next_message_starts_another_session():
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "coding assistant, 5k requests a day, under 2 seconds, $500/month, not sensitive")
        first = main(app).session_id
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert main(app).session_id is None and app.screen.query_one(ShortlistTable).row_count == 0
        assert app.screen.query_one(StatusBar).session == "new session"
        await say(pilot, "what is time to first token?")
        assert main(app).session_id not in (None, first)


async def test_a_session_asked_for_that_does_not_exist_is_said_and_the_next_message_starts_a_new_one():
    app = TradeoffApp(session_id="0123456789ab")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notes = [str(note.render()) for note in app.screen.query(".note")]
        assert any("No session '0123456789ab'" in note for note in notes), notes
        assert main(app).session_id is None and app.screen.query_one(StatusBar).session == "new session"
        await say(pilot, "what is time to first token?")
        assert main(app).session_id not in (None, "0123456789ab")


async def test_the_requirements_evidence_wraps_inside_the_panel_at_140_columns():
    app = TradeoffApp()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "German insurer, claims chatbot, 5k chats a day, keep our customer data out of the US, "
                         "budget 3000 a month, answers within 2 seconds")  # fmt: skip
        await say(pilot, "/requirements")  # the tab shown: the table gets its width and wraps to it
        table = main(app).query_one(RequirementsTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing cut at the edge
        evidence = {key.value: table.get_row(key)[3] for key in table.rows}
        assert "\n" in evidence["regions"] and "out of the US" in evidence["regions"].replace("\n", " ")


async def test_typing_while_the_requirements_table_has_focus_goes_to_the_chat():
    """/requirements focuses the table; a sentence typed then is the chat's, and Enter sends it
    instead of opening an edit dialog; escape goes back to the chat too."""
    app = TradeoffApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await say(pilot, "customer support chatbot, 50k chats a day, within 2 seconds")
        await say(pilot, "/requirements")
        assert isinstance(app.focused, RequirementsTable)
        await pilot.press(*"what is ttft?", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [m.source for m in app.screen.query(ChatMessage) if m.role == "user"][-1] == "what is ttft?"
        await say(pilot, "/requirements")
        await pilot.press("escape")
        assert app.focused is app.screen.query_one("#prompt")
        # the same from the other panels the slash commands focus: nothing typed there is lost
        for command in ("/eliminated", "/sources"):
            await say(pilot, command)
            assert app.focused is not app.screen.query_one("#prompt")
            await pilot.press("escape")
            assert app.focused is app.screen.query_one("#prompt"), command
            await say(pilot, command)
            await pilot.press(*"budget 5k", "enter")
            await settle(pilot)
            assert [m.source for m in app.screen.query(ChatMessage) if m.role == "user"][-1] == "budget 5k", command
