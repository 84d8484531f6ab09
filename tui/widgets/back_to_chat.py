"""The keyboard's way back from a panel: escape returns to the chat, and text typed while a panel has
focus goes to the chat input instead of being lost to the panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message


@dataclass
class TypedElsewhere(Message):
    """Text typed while a panel has focus ("" for escape): it belongs to the chat."""

    text: str


class BackToChat:
    """Mixed into a focusable panel. `KEPT_KEYS` are printable keys the panel binds itself (space, t)."""

    KEPT_KEYS: ClassVar[frozenset[str]] = frozenset({"space"})
    BACK_BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back_to_chat", "Back to the chat", show=False)
    ]

    def action_back_to_chat(self) -> None:
        self.post_message(TypedElsewhere(""))  # type: ignore[attr-defined]

    def on_key(self, event: Any) -> None:
        if event.is_printable and event.character and event.key not in self.KEPT_KEYS:
            event.stop()
            event.prevent_default()
            self.post_message(TypedElsewhere(event.character))  # type: ignore[attr-defined]
