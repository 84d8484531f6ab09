"""The command palette: every action in the table, with its key."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.actions import ACTIONS, Action


def _help(action: Action) -> str:
    keys = " · ".join(part for part in (action.key, action.slash) if part)
    return f"{action.help}  ({keys})" if keys else action.help


class TradeoffCommands(Provider):
    async def discover(self) -> Hits:
        for action in ACTIONS:
            yield DiscoveryHit(action.title, partial(self._run, action.action), help=_help(action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in ACTIONS:
            score = matcher.match(action.title)
            if score > 0:
                yield Hit(score, matcher.highlight(action.title), partial(self._run, action.action), help=_help(action))

    async def _run(self, action: str) -> None:
        await self.app.run_action(action)
