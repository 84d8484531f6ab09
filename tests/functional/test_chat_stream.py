"""A streamed answer ends as the same Markdown rendered in one piece: headings, lists, code, tables;
however long, a message is one widget."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from tui.widgets.chat import ChatMessage, ChatView
from tui.widgets.long_answer import STEP
from tui.widgets.markdown_text import MarkdownText

ANSWER = """## My pick

**Model A** fits: *cheapest* at `$0.40` per million tokens, within the latency target.

- quality: 82 on the task's benchmark
- latency: 1.2 s to first token
  - measured in a trial

1. try it on your prompts
2. record the decision

```python
cost = requests * tokens * price
```

| model | $/month | p50 ms |
|-------|--------:|-------:|
| A     | 412     | 900    |
| B     | 1,210   | 640    |

> A confident wrong number is worse than none.
"""


class Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield ChatView()


async def screen_after(write) -> str:
    """The screen, as SVG, once `write` has put an answer into the chat."""
    app = Harness()
    async with app.run_test(size=(100, 50)) as pilot:
        chat = app.query_one(ChatView)
        await write(chat)
        await pilot.pause()
        return app.export_screenshot()


async def test_a_streamed_answer_ends_as_the_same_answer_rendered_in_one_piece():
    async def whole(chat: ChatView) -> None:
        chat.add_assistant(ANSWER)  # a past answer: one Markdown, parsed once
        chat.anchor()  # kept to the end, as a streamed answer is

    async def streamed(chat: ChatView) -> None:
        for start in range(0, len(ANSWER), 3):  # cuts inside words, fences and table rows
            await chat.write_answer(ANSWER[start : start + 3])
        await chat.end_answer()

    expected = await screen_after(whole)
    assert "pick" in expected and "1,210" in expected
    assert await screen_after(streamed) == expected


async def test_a_long_answer_in_one_piece_ends_as_the_same_answer_rendered_at_once():
    long = "\n".join([ANSWER] * 4)
    assert len(long) > STEP  # appended in steps, each re-reading the last block

    async def whole(chat: ChatView) -> None:
        chat.add_assistant(long)
        chat.anchor()

    async def in_parts(chat: ChatView) -> None:
        await chat.add_answer(long)

    assert await screen_after(in_parts) == await screen_after(whole)


class StyledHarness(App[None]):
    """The chat with the app's own styles: message margins, padding and border, where a long
    answer's parts meet."""

    CSS_PATH = Path(__file__).parents[2] / "tui" / "screens" / "main.tcss"

    def compose(self) -> ComposeResult:
        yield ChatView()


LONG = "\n\n".join(f"Paragraph {n}: " + "word " * 12 + f"\n- point {n}\n- another" for n in range(45)) + "\n\n" + ANSWER


async def styled_screen_after(write) -> tuple[str, int]:
    """The styled chat's screen (tall enough for the whole answer), as SVG, and how many widgets
    the chat holds."""
    app = StyledHarness()
    async with app.run_test(size=(100, 280)) as pilot:
        chat = app.query_one(ChatView)
        await write(chat)
        await pilot.pause()
        return app.export_screenshot(), len(chat.query("*"))


async def test_a_long_answer_streamed_in_2000_pieces_or_one_ends_as_the_same_answer_in_one_widget():
    assert len(LONG) > 4 * STEP

    async def whole(chat: ChatView) -> None:
        chat.add_assistant(LONG)  # one Markdown, parsed once
        chat.anchor()

    async def in_one_piece(chat: ChatView) -> None:
        await chat.add_answer(LONG)

    async def in_2000_pieces(chat: ChatView) -> None:
        size = len(LONG) // 2000 + 1
        for start in range(0, len(LONG), size):
            await chat.write_answer(LONG[start : start + size])
        await chat.end_answer()

    expected, widgets = await styled_screen_after(whole)
    assert widgets == 1 and "Paragraph&#160;44:" in expected and "1,210" in expected
    for write in (in_one_piece, in_2000_pieces):
        screen, widgets = await styled_screen_after(write)
        assert widgets == 1  # the layout walks one widget, however long the answer
        same = screen == expected  # (pytest's diff of two 280-line screens takes minutes)
        assert same, write.__name__


async def test_a_long_answer_streamed_in_pieces_is_one_message_with_the_whole_source():
    app = StyledHarness()
    async with app.run_test(size=(100, 40)) as pilot:
        chat = app.query_one(ChatView)
        for start in range(0, len(LONG), 7):
            await chat.write_answer(LONG[start : start + 7])
        await chat.end_answer()
        await pilot.pause()
        (message,) = chat.query(ChatMessage)
        assert message.source == LONG


async def test_a_written_answer_is_frozen_out_of_full_collections():
    """A finished answer's widgets leave the collector's view: no full pass walks them again."""
    import gc

    app = Harness()
    async with app.run_test() as pilot:
        chat = app.query_one(ChatView)
        before = gc.get_freeze_count()
        await chat.add_answer(ANSWER)
        await pilot.pause()
        assert gc.get_freeze_count() > before


class OneText(App[None]):
    def compose(self) -> ComposeResult:
        yield MarkdownText()


# A paragraph many lines long: bold that closes lines after it opens, code, a word longer than a line.
PARAGRAPH = (
    "- A **long point " + " ".join(f"word{n} `code{n}` *em{n}*" for n in range(30)) + " closes here** then "
    + "https://example.com/" + "x" * 90 + " and " + " ".join(f"tail{n}" for n in range(40))
)  # fmt: skip


async def test_text_appended_a_character_at_a_time_shows_as_the_whole_text_does():
    """Every cut: inside a word, a marker, a fence, a table row, just before a row goes on the
    table, and anywhere in a paragraph that wraps to many lines (still the last, still growing)."""
    text = ANSWER + "\n" + PARAGRAPH
    app = OneText()
    async with app.run_test(size=(60, 80)) as pilot:
        widget = app.query_one(MarkdownText)
        await pilot.pause()
        for character in text:
            widget.append(character)
        streamed = widget.shown
        widget.update(text)
        await pilot.pause()
        assert streamed == widget.shown
        assert "B     │   1,210 │    640" in widget.shown  # the table's columns line up
        assert len([line for line in widget.shown if "tail" in line or "word" in line]) > 10


async def test_a_table_wider_than_the_message_wraps_its_cells_within_their_columns():
    app = OneText()
    async with app.run_test(size=(30, 20)) as pilot:
        widget = app.query_one(MarkdownText)
        widget.update("| model | notes |\n|---|---|\n| A | cheapest of the three, and within the latency target |")
        await pilot.pause()
        assert all(len(line) <= 30 for line in widget.shown)
        bars = {line.index("│") for line in widget.shown if "│" in line}
        assert len(bars) == 1 and len(widget.shown) > 3  # one column edge; the long cell took several lines
        assert " ".join(line.split("│")[1].strip() for line in widget.shown[2:]) == (
            "cheapest of the three, and within the latency target"
        )


async def test_dragging_over_an_answer_selects_its_text_as_shown():
    app = StyledHarness()
    async with app.run_test(size=(100, 50)) as pilot:
        chat = app.query_one(ChatView)
        await chat.add_answer(ANSWER)
        await pilot.pause()
        (message,) = chat.query(ChatMessage)
        start, end = message.content_region.offset, message.content_region.bottom_right
        await pilot.mouse_down(offset=start)
        await pilot.hover(offset=(end.x - 1, end.y - 1))
        await pilot.mouse_up(offset=(end.x - 1, end.y - 1))
        await pilot.pause()
        selected = app.screen.get_selected_text() or ""
        assert selected.startswith("My pick") and "Model A fits: cheapest at $0.40 per million tokens" in selected
        assert "B     │   1,210 │    640" in selected and "none." in selected
