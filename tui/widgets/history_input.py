"""The inputs we type into: editing keys act at once, and the chat prompt keeps a history."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input


class PromptInput(Input):
    """An Input whose own keys (ctrl+u, ctrl+k, ctrl+w…) act before the next key is read. Textual
    runs a widget's binding only after the key has bubbled up to the app, so text typed straight
    after ctrl+u was inserted first and then erased with the rest."""

    async def _on_key(self, event: events.Key) -> None:
        bindings = self._bindings.key_to_bindings.get(event.key, [])
        if bindings and not event.is_printable:
            event.stop()
            event.prevent_default()
            await self.run_action(bindings[0].action)
            return
        await super()._on_key(event)


class HistoryInput(PromptInput):
    """Up and down recall what you typed before."""

    BINDINGS = [
        Binding("up", "older", "Previous input", show=False, id="history.older"),
        Binding("down", "newer", "Next input", show=False, id="history.newer"),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Focus coming back (after a dialog, or typing in a table) must not select what is half typed:
        # the next key would replace it.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._position = 0

    def _on_paste(self, event: events.Paste) -> None:
        """Keep every pasted line (Input keeps only the first): lines are joined with spaces."""
        if event.text:
            text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.stop()
        event.prevent_default()  # Input's own handler would paste the first line again

    def remember(self, text: str) -> None:
        if text and (not self.history or self.history[-1] != text):
            self.history.append(text)
        self._position = len(self.history)

    def action_older(self) -> None:
        if self.history and self._position > 0:
            self._position -= 1
            self.value = self.history[self._position]
            self.cursor_position = len(self.value)

    def action_newer(self) -> None:
        if self._position < len(self.history) - 1:
            self._position += 1
            self.value = self.history[self._position]
        else:
            self._position = len(self.history)
            self.value = ""
        self.cursor_position = len(self.value)
