"""F1 on the trial screen: its keys, and how a blind vote works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

KEYS = """\
# Trial keys

| key | does |
|---|---|
| `F5` or `ctrl+j` | run the prompt on every model (Enter starts a new line) |
| `ctrl+b` | blind on/off: names hidden until you vote, models dealt to panes at random |
| `1` `2` `3` `4` | vote for pane A, B, C or D (after a blind run) |
| `t` | vote a tie |
| `x` | vote all bad |
| `escape` | cancel the streams (each pane keeps what arrived); again to go back |
| `right arrow` | accept the suggested model name in the models box |

Panes are lettered A-D left to right, top to bottom. A vote is kept before the names show, and
a failed pane can neither win nor lose. Every run is kept as it finishes, in the session's trials.

Press **escape** to close.
"""


class TrialKeys(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1", "dismiss", "Close", id="trial-keys.close")]
    DEFAULT_CSS = """
    TrialKeys { align: center middle; }
    TrialKeys > VerticalScroll {
        width: 90%; max-width: 100; height: 90%; border: thick $primary; background: $surface;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(KEYS)
