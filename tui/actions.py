"""Every app-wide action, once: the key bindings, the command palette, the slash commands and F1's
help are all made from this table, so a new action is one row."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Action:
    id: str  # the binding id users remap in their keymap
    action: str  # the App action it runs
    title: str  # in the palette and in help
    help: str
    key: str | None = None
    slash: str | None = None  # a slash command; one that takes an argument gets the rest of the line
    label: str = ""  # the footer's short name; empty keeps the binding out of the footer
    argument: str = ""  # how help names the slash command's argument
    priority: bool = False  # wins over the focused widget (the chat input binds ctrl+e itself)


ACTIONS: tuple[Action, ...] = (
    Action("session.new", "new_session", "New session", "start over with a fresh conversation",
           "ctrl+n", "/reset", "New"),
    Action("session.open", "open_session", "Open session", "resume a saved conversation",
           "ctrl+o", "/sessions", "Open"),
    # Not in the footer (80 columns hold eight keys): the chat offers ctrl+r when there is a session.
    Action("session.resume", "resume_last", "Resume last session", "continue where you left off", "ctrl+r"),
    Action("record.export", "export('md')", "Export decision record (Markdown)",
           "write the decision record; asks where", "ctrl+e", "/export", "Export", priority=True),
    Action("record.export-json", "export('json')", "Export decision record (JSON)",
           "versioned JSON that loads back with tradeoff import", slash="/export json"),
    Action("record.export-litellm", "export('litellm')", "Export LiteLLM router config",
           "the choice and its fallbacks, ready to deploy", slash="/export litellm"),
    Action("catalog.open", "catalog", "Browse catalog", "search and sort every chat model and route",
           "f2", "/catalog", "Catalog"),
    Action("requirements.show", "show_requirements", "Show requirements",
           "what the advisor knows; enter on a row edits it", slash="/requirements"),
    Action("panel.shortlist", "show_panel('shortlist')", "Show shortlist",
           "the ranked models; space marks one for a trial", slash="/shortlist"),
    Action("panel.eliminated", "show_panel('eliminated')", "Show eliminated models",
           "every model a hard constraint ruled out, and why", slash="/eliminated"),
    Action("panel.sources", "show_panel('sources')", "Show sources", "the course passages the answers cite",
           slash="/sources"),
    Action("panel.leaderboard", "show_panel('leaderboard')", "Show leaderboard", "your blind votes, with intervals",
           slash="/leaderboard"),
    Action("help.open", "help", "Help", "commands, keys and things to say", "f1", "/help", "Help"),
    Action("theme.toggle", "toggle_theme", "Toggle light/dark theme", "switch the colour theme",
           "ctrl+t", label="Theme"),
    Action("trial.start", "trial", "Start trial",
           "one prompt to the marked (space) or top two models; `/trial local` for the local models",
           slash="/trial", argument="[MODELS | local]"),
    Action("trial.batch", "batch", "Batch trial", "every model on every test of a test file",
           slash="/eval", argument="FILE"),
    Action("routing.open", "route", "Routing view", "tier routing on saved eval results, or F6 after a batch",
           slash="/route", argument="FILE"),
    Action("advisor.switch", "switch_advisor", "Switch advisor model", "set TRADEOFF_ADVISOR_MODEL or config.toml"),
    Action("knowledge.reindex", "reindex", "Re-index knowledge", "rebuild the course index"),
    Action("knowledge.ingest", "ingest", "Ingest folder", "add your own documents (tradeoff ingest PATH)"),
    Action("quit", "quit", "Quit", "leave tradeoff; the session is saved", "ctrl+q", label="Quit", priority=True),
)  # fmt: skip


def bindings() -> list[Binding]:
    return [
        Binding(a.key, a.action, a.label or a.title, show=bool(a.label), id=a.id, priority=a.priority)
        for a in ACTIONS
        if a.key
    ]


def slash_action(text: str) -> str | None:
    """The action a slash command runs ("/export json" -> "export('json')"), or None if unknown.
    The longest matching command wins; one with an argument gets the rest of the line."""
    words = text.split()
    for action in sorted((a for a in ACTIONS if a.slash), key=lambda a: -len(a.slash or "")):
        command = (action.slash or "").split()
        if [w.lower() for w in words[: len(command)]] != command:
            continue
        parts = text.split(maxsplit=len(command))
        rest = parts[len(command)].strip() if len(parts) > len(command) else ""
        if action.argument:
            return f"{action.action}({rest!r})"
        return action.action if not rest else None
    return None
