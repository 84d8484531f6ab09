"""The conversation: Markdown messages, answers streamed in as the advisor writes them, and an
interview question's choices as buttons."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Markdown, Static
from textual.widgets.markdown import MarkdownStream

from agent.terminal_text import visible

LARGE_PIECE = 1_000  # characters; a bigger piece is appended in parts
HINT = "Answer with a number, in your own words, or say skip to accept the default."


class ChatMessage(Markdown):
    """One message; the role styles it."""

    def __init__(self, text: str, role: str) -> None:
        # Answers quote files, records and the user's words: control and bidi characters shown visibly.
        super().__init__(visible(text), classes=f"message {role}")
        self.role = role


class Suggestions(Vertical):
    """An interview question's choices, one button a line so long ones wrap; a click answers with
    the choice's number."""

    @dataclass
    class Picked(Message):
        answer: str

    def __init__(self, labels: list[str]) -> None:
        super().__init__(classes="suggestions")
        self.labels = labels

    def compose(self) -> ComposeResult:
        for index, label in enumerate(self.labels, 1):
            yield Button(visible(f"{index}. {label}", keep=""), id=f"choice-{index}", compact=True)
        yield Button("skip", id="choice-skip", compact=True)
        yield Static(HINT, classes="hint")

    @on(Button.Pressed)
    def _picked(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Picked((event.button.id or "").removeprefix("choice-")))


def without_choices(answer: str, choices: list[str]) -> str:
    """The answer without the question's numbered choices and hint, which the buttons show once."""
    listed = {f"{index}. {label}" for index, label in enumerate(choices, 1)}
    lines = [line for line in answer.splitlines() if line.strip() not in listed and HINT not in line]
    return "\n".join(lines).rstrip()


class ChatView(VerticalScroll):
    """Messages in order; the newest answer streams in piece by piece."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._stream: MarkdownStream | None = None
        self._answer: ChatMessage | None = None
        self._text = ""

    def add_user(self, text: str) -> None:
        self.remove_suggestions()
        self.mount(ChatMessage(_escape(text), "user"))
        self.anchor()

    def add_assistant(self, text: str) -> None:
        """A past answer, as it was (a resumed session)."""
        self.mount(ChatMessage(text, "assistant"))

    def add_note(self, text: str) -> Static:
        note = Static(visible(text), classes="note", markup=False)  # notes quote titles and paths
        self.mount(note)
        self.anchor()
        return note

    def add_choices(self, choices: list[str]) -> None:
        self.remove_suggestions()
        self.mount(Suggestions(choices))
        self.anchor()

    def remove_suggestions(self) -> None:
        for widget in self.query(Suggestions):
            widget.remove()

    async def write_answer(self, piece: str) -> None:
        """One more piece of the answer being written; the first opens a new message."""
        if self._answer is None:
            self._answer, self._text = ChatMessage("", "assistant"), ""
            await self.mount(self._answer)
            self.anchor()
        self._text += piece
        if len(piece) <= LARGE_PIECE:
            if self._stream is None:
                self._stream = Markdown.get_stream(self._answer)
            await self._stream.write(visible(piece))
            return
        # A whole answer in one piece: parsing and mounting it at once held the loop for ~280 ms
        # (bench/bench_tui.py). Appended a few paragraphs at a time, each step stays short.
        if self._stream is not None:
            await self._stream.stop()
            self._stream = None
        for part in _parts(visible(piece)):
            await self._answer.append(part)

    async def end_answer(self, choices: list[str] | None = None) -> None:
        """The answer is complete: its choices (if it asked a question) become buttons, shown once."""
        if self._stream is not None:
            await self._stream.stop()
        self._stream = None
        if choices and self._answer is not None:
            await self._answer.update(visible(without_choices(self._text, choices)))
        self._answer = None
        if choices:
            await self.mount(Suggestions(choices))
        self.anchor()

    async def add_answer(self, text: str, choices: list[str] | None = None) -> None:
        """A whole answer at once (a requirement edit's re-ranking), written as a stream."""
        if text:
            await self.write_answer(text)
        await self.end_answer(choices)


def _parts(text: str, size: int = LARGE_PIECE) -> list[str]:
    """`text` cut after blank lines into parts of about `size` characters (a part may end inside a
    block: appending re-reads the last block, as streaming does)."""
    parts, start = [], 0
    while start < len(text):
        end = text.find("\n\n", start + size)
        end = len(text) if end < 0 else end + 2
        parts.append(text[start:end])
        start = end
    return parts


def _escape(text: str) -> str:
    """User text is shown as typed, not interpreted as Markdown."""
    return re.sub(r"([\\`*_#\[\]<>|])", r"\\\1", text)
