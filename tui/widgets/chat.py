"""The conversation: Markdown messages that stream in, with clickable suggested answers."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Markdown, Static

from agent.terminal_text import visible


class ChatMessage(Markdown):
    """One message; the role styles it."""

    def __init__(self, text: str, role: str) -> None:
        # Answers quote files, records and the user's words: control and bidi characters shown visibly.
        super().__init__(visible(text), classes=f"message {role}")
        self.role = role


class Suggestions(Horizontal):
    """Buttons for an interview question's choices; a click answers with the choice's number."""

    @dataclass
    class Picked(Message):
        answer: str

    def __init__(self, labels: list[str]) -> None:
        super().__init__(classes="suggestions")
        self.labels = labels

    def compose(self) -> ComposeResult:
        for index, label in enumerate(self.labels, 1):
            yield Button(f"{index}. {label}", id=f"choice-{index}", compact=True)
        yield Button("skip", id="choice-skip", compact=True)

    @on(Button.Pressed)
    def _picked(self, event: Button.Pressed) -> None:
        event.stop()
        answer = (event.button.id or "").removeprefix("choice-")
        self.post_message(self.Picked(answer))


class ChatView(VerticalScroll):
    """Messages in order; the newest assistant answer streams in chunk by chunk."""

    @staticmethod
    def assistant_message(text: str) -> ChatMessage:
        return ChatMessage(text, "assistant")

    def add_user(self, text: str) -> None:
        self.remove_suggestions()
        self.mount(ChatMessage(_escape(text), "user"))
        self.anchor()

    def add_note(self, text: str) -> Static:
        note = Static(visible(text), classes="note", markup=False)  # notes quote titles and paths
        self.mount(note)
        self.anchor()
        return note

    def remove_suggestions(self) -> None:
        for widget in self.query(Suggestions):
            widget.remove()

    async def stream_assistant(self, text: str, choices: list[str] | None = None) -> ChatMessage:
        """Render an answer as a Markdown stream, a few words at a time."""
        text = visible(text)
        message = ChatMessage("", "assistant")
        await self.mount(message)
        self.anchor()
        stream = Markdown.get_stream(message)
        try:
            for piece in re.findall(r"\S+\s*", text):
                await stream.write(piece)
                await asyncio.sleep(0)
        finally:
            await stream.stop()
        if choices:
            await self.mount(Suggestions(choices))
        self.anchor()
        return message


def _escape(text: str) -> str:
    """User text is shown as typed, not interpreted as Markdown."""
    return re.sub(r"([\\`*_#\[\]<>|])", r"\\\1", text)
