"""Where to write the decision record: the default path filled in, an existing file only
overwritten once the user confirms."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.history_input import PromptInput

FORMATS = {"md": "decision record (Markdown)", "json": "decision record (JSON)", "litellm": "LiteLLM router config"}


class ExportDialog(ModalScreen[tuple[Path, bool] | None]):
    """Dismissed with (path, overwrite) or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 80%; max-width: 100; height: auto; padding: 1 2; border: thick $primary;
                              background: $surface; }
    ExportDialog .hint { color: $text-muted; }
    ExportDialog #export-warning { color: $warning; }
    """

    def __init__(self, default: Path, fmt: str = "md") -> None:
        super().__init__()
        self.default = default
        self.fmt = fmt
        self._confirmed: Path | None = None  # the existing file the user agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Export the {FORMATS.get(self.fmt, self.fmt)} to:")
            yield PromptInput(str(self.default), id="export-path")
            yield Label("enter writes it · escape cancels", classes="hint")
            yield Label("", id="export-warning")

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            self.query_one("#export-warning", Label).update("Give a file path.")
            return
        path = Path(text).expanduser()
        if path.is_dir():
            self.query_one("#export-warning", Label).update(f"{path} is a folder; give a file name in it.")
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            self.query_one("#export-warning", Label).update(f"{path} exists: enter again replaces it.")
            return
        self.dismiss((path, path.exists()))

    def action_cancel(self) -> None:
        self.dismiss(None)
