"""The conversation: Markdown messages, answers streamed in as the advisor writes them, and an
interview question's choices as buttons."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from agent.terminal_text import visible
from tui.heap import freeze_written, release_frozen
from tui.widgets.long_answer import AnswerWriter
from tui.widgets.markdown_text import MarkdownText

HINT = "Answer with a number, in your own words, or say skip to accept the default."


class ChatMessage(MarkdownText):
    """One message, one widget however long; the role styles it. The user's words are shown as
    typed, an answer as Markdown."""

    def __init__(self, text: str, role: str) -> None:
        # Answers quote files, records and the user's words: control and bidi characters shown visibly.
        super().__init__(visible(text), markdown=role != "user", classes=f"message {role}")
        self.role = role
        self.writer: AnswerWriter | None = None  # while the message is an answer being written


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
        self._answer: ChatMessage | None = None

    def add_user(self, text: str) -> None:
        self.remove_suggestions()
        self.mount(ChatMessage(text, "user"))
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
            self._answer = ChatMessage("", "assistant")
            await self.mount(self._answer)
            self._answer.writer = AnswerWriter(self._answer)
            self.anchor()
        assert self._answer.writer is not None
        await self._answer.writer.write(visible(piece))

    async def end_answer(self, choices: list[str] | None = None) -> None:
        """The answer is complete: its choices (if it asked a question) become buttons, shown once."""
        answer, self._answer = self._answer, None
        if answer is not None and answer.writer is not None:
            writer, answer.writer = answer.writer, None
            await writer.finish()  # and frozen out of full collections
            if choices:
                answer.update(without_choices(writer.text, choices))
        else:
            freeze_written()
        if choices:
            await self.mount(Suggestions(choices))
        if choices and answer is not None:
            # A question starts where it can be read: on a short chat (80x24) the end of the view showed
            # the last choices and the hint, with the question itself scrolled off the top.
            self.anchor(False)
            self.call_after_refresh(self.scroll_to_widget, answer, top=True, animate=False)
        else:
            self.anchor()

    def clear(self) -> None:
        """Every message removed; the collector reclaims them once the screen has painted."""
        self.remove_children()
        self.set_timer(0.5, release_frozen)

    def on_unmount(self) -> None:
        if self._answer is not None and self._answer.writer is not None:
            self._answer.writer.cancel()

    async def add_answer(self, text: str, choices: list[str] | None = None) -> None:
        """A whole answer at once (a requirement edit's re-ranking), written as a stream."""
        if text:
            await self.write_answer(text)
        await self.end_answer(choices)
