"""Command palette entries for every action."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

ACTIONS = [
    ("New session", "new_session", "start over with a fresh conversation"),
    ("Open session", "open_session", "resume a saved conversation"),
    ("Resume last session", "resume_last", "continue where you left off"),
    ("Export decision record (Markdown)", "export('md')", "write the decision record as Markdown"),
    ("Export decision record (JSON)", "export('json')", "versioned JSON that loads back with tradeoff import"),
    ("Export LiteLLM router config", "export('litellm')", "the choice and its fallbacks, ready to deploy"),
    ("Browse catalog", "catalog", "search and sort every rated model"),
    ("Show requirements", "show_requirements", "edit what the advisor knows"),
    ("Help", "help", "commands, keys and things to say"),
    ("Toggle light/dark theme", "toggle_theme", "switch the colour theme"),
    ("Start trial", "trial", "one prompt to 2-4 models, side by side"),
    ("Batch trial", "batch", "every model on every test of a test file"),
    ("Routing view", "route", "tier routing on your eval results: /route FILE, or F6 after a batch trial"),
    ("Switch advisor model", "switch_advisor", "set TRADEOFF_ADVISOR_MODEL or config.toml"),
    ("Re-index knowledge", "reindex", "rebuild the course index"),
    ("Ingest folder", "ingest", "add your own documents (tradeoff ingest PATH)"),
]


class TradeoffCommands(Provider):
    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self._run, action), help=help_text)

    async def _run(self, action: str) -> None:
        await self.app.run_action(action)
