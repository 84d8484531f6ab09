"""A streamed answer ends as the same Markdown rendered in one piece: headings, lists, code, tables."""

from __future__ import annotations

from textual.app import App, ComposeResult

from tui.widgets.chat import LARGE_PIECE, ChatView

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
    assert len(long) > LARGE_PIECE  # appended in parts, each re-reading the last block

    async def whole(chat: ChatView) -> None:
        chat.add_assistant(long)
        chat.anchor()

    async def in_parts(chat: ChatView) -> None:
        await chat.add_answer(long)

    assert await screen_after(in_parts) == await screen_after(whole)
