"""Help: what tradeoff does, the slash commands and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# tradeoff help

Describe what you are building in plain words: task, volume, latency, budget, privacy, context.
The advisor asks only for what is missing, then ranks models with reasons for every criterion.

## Things to say
- `actually the budget is 5k` · `drop the privacy requirement` — change a constraint; the ranking moves
- `what if volume grows 10x` — see the ranking under a change, without keeping it
- `why not Claude?` · `compare gpt-4.1 and gemini flash`
- `what is TTFT?` — answered from the course, with citations

## Slash commands
| command | does |
|---|---|
| `/help` | this screen |
| `/requirements` | show the requirements panel (enter on a row edits it) |
| `/export` | write the decision record (Markdown); `/export json`, `/export litellm` for the others |
| `/reset` | start a new session |
| `/catalog` | browse the model catalog |
| `/sessions` | open a saved session |
| `/trial` | side-by-side trial of the marked (space) or top two shortlisted models |
| `/trial local` | side-by-side trial of the two local models (started on demand) |
| `/eval FILE` | batch trial over a test file (.jsonl, .csv, promptfoo-style .yaml) |
| `/route FILE` | routing on saved eval results (`tradeoff eval --save`): routers, curve, export |

## Keys
`ctrl+p` command palette (every action) · `ctrl+n` new session · `ctrl+o` open session ·
`ctrl+r` resume the last session · `f2` catalog · `f1` help · `ctrl+t` light/dark · `ctrl+q` quit

Press **escape** to close.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; height: 90%; border: thick $primary; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(HELP)
