"""The append-only answer widget: wraps to its width, keeps every character, follows the end only
while the reader is at the end, re-wraps on resize, and shows the same Markdown however the text
was split into chunks."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.streaming_markdown import StreamingMarkdown

WORDS = ["time", "to", "first", "token", "measures", "how", "long", "the", "user", "waits", "before", "anything"]


class OnePane(App[None]):
    def compose(self) -> ComposeResult:
        yield StreamingMarkdown()


def visible_lines(widget: StreamingMarkdown) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_appends_wrap_at_the_width_and_keep_every_character():
    app = OnePane()
    async with app.run_test(size=(30, 10)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        streamed = ""
        for index in range(60):  # token-sized pieces, as a model streams them
            piece = WORDS[index % len(WORDS)] + (" " if index % 7 else "\n")
            widget.append(piece)
            streamed += piece
        await pilot.pause()
        assert widget.text == streamed
        width = widget.scrollable_content_region.width
        assert all(len(line) <= width for line in widget.shown)
        # Wrapping only moves line breaks: the words come back in order.
        assert " ".join(widget.shown).split() == streamed.split()
        assert widget.line_count > widget.size.height  # so it scrolls
        assert widget.is_vertical_scroll_end  # followed the end while streaming
        assert visible_lines(widget)[-1] == widget.shown[-1]


async def test_a_reader_who_scrolled_up_is_not_pulled_back_down():
    app = OnePane()
    async with app.run_test(size=(30, 8)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        widget.append(" ".join(WORDS * 6))
        await pilot.pause()
        widget.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        widget.append(" and more words arrive while the reader is at the top")
        await pilot.pause()
        assert widget.scroll_offset.y == 0
        assert visible_lines(widget)[0] == widget.shown[0]


async def test_a_resize_rewraps_everything_to_the_new_width():
    app = OnePane()
    async with app.run_test(size=(60, 10)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        widget.append(" ".join(WORDS * 3))
        await pilot.pause()
        wide = widget.line_count
        await pilot.resize_terminal(25, 10)
        await pilot.pause()
        assert widget.line_count > wide
        assert all(len(line) <= widget.scrollable_content_region.width for line in widget.shown)
        widget.clear()
        await pilot.pause()
        assert widget.text == "" and widget.line_count == 1


async def test_escape_sequences_in_an_answer_are_shown_not_obeyed():
    app = OnePane()
    async with app.run_test(size=(40, 5)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        widget.append("red \x1b[31mtext\x1b[0m\r\nnext\tline")
        await pilot.pause()
        assert "\x1b" not in widget.text and "\r" not in widget.text
        assert widget.text == "red \u241b[31mtext\u241b[0m\nnext    line"


ANSWER = """# Choosing a model

TTFT is **how long** the user waits before *anything* shows; see `ttft_ms`.

- short answers favour **low TTFT**
  - nested point with a [link](https://example.com)
1. measure p50

```python
print("**not bold**")
```
> quoted advice that is long enough to wrap in a narrow pane

| model | TTFT |
|---|---|
| a | 120 ms |
"""


async def test_markdown_shows_the_same_however_the_stream_was_chunked():
    app = OnePane()
    async with app.run_test(size=(40, 30)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        widget.append(ANSWER)
        await pilot.pause()
        whole = widget.shown
        for size in (1, 3, 17):
            widget.clear()
            for start in range(0, len(ANSWER), size):
                widget.append(ANSWER[start : start + size])
            await pilot.pause()
            assert widget.shown == whole, size
            assert widget.text == ANSWER
        assert whole[0] == "Choosing a model"
        assert "• short answers favour low TTFT" in whole
        assert '▌ print("**not bold**")' in whole
        assert not any("```" in line or "**" in line.replace('"**not bold**"', "") for line in whole)


async def test_styles_come_from_the_theme():
    app = OnePane()
    async with app.run_test(size=(40, 6)) as pilot:
        widget = app.query_one(StreamingMarkdown)
        widget.append("plain **strong** `code`")
        await pilot.pause()
        segments = {segment.text: segment.style for segment in widget.render_line(0) if segment.text.strip()}
        assert segments["strong"].bold and not segments["plain "].bold
        assert segments["code"].color != segments["plain "].color
