"""Help: what tradeoff does, the slash commands and the keys, made from the action table and the
screens' own bindings so it lists what really works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from tui.actions import ACTIONS

INTRO = """\
# tradeoff help

Describe what you are building in plain words: task, volume, latency, budget, privacy, context.
The advisor asks only for what is missing, then ranks models with reasons for every criterion.

## Things to say
- `actually the budget is 5k` · `drop the privacy requirement` — change a constraint; the ranking moves
- `what if volume grows 10x` — see the ranking under a change, without keeping it
- `why not Claude?` · `compare gpt-4.1 and gemini flash`
- `what is TTFT?` — answered from the course, with citations
"""


def _keys_of(bindings: list[BindingType]) -> list[tuple[str, str]]:
    rows = []
    for binding in bindings:
        if isinstance(binding, Binding):
            rows.append((binding.key, binding.tooltip or binding.description))  # the footer's short word aside
        else:
            rows.append((binding[0], binding[2] if len(binding) > 2 else binding[1]))
    return rows


def _table(rows: list[tuple[str, str]]) -> list[str]:
    return ["| key | does |", "|---|---|", *(f"| `{key.replace(',', ' / ')}` | {does} |" for key, does in rows)]


def help_text() -> str:
    from tui.screens.trial import TrialScreen
    from tui.widgets.requirements import RequirementsTable
    from tui.widgets.shortlist import ShortlistTable

    lines = [INTRO, "## Slash commands", "| command | does |", "|---|---|"]
    for action in ACTIONS:
        if action.slash:
            lines.append(f"| `{' '.join(filter(None, (action.slash, action.argument)))}` | {action.help} |")
    lines += ["", "## Keys", *_table([(a.key, a.title) for a in ACTIONS if a.key] + [("ctrl+p", "Command palette")])]
    palette = [f"- **{a.title}** — {a.help}" for a in ACTIONS if not a.key and not a.slash]
    lines += ["", "## Also in the command palette (ctrl+p)", *palette]
    lines += ["", "## In the panels", *_table(_keys_of(ShortlistTable.BINDINGS) + _keys_of(RequirementsTable.BINDINGS))]
    lines += ["", "## On the trial screen", *_table(_keys_of(TrialScreen.BINDINGS))]
    lines += ["", "Press **escape** to close."]
    return "\n".join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape", "dismiss", "Close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90%; height: 90%; border: thick $primary; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(help_text())
