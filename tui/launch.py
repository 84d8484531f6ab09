"""Start the Textual app (imported only when `tradeoff` runs without a subcommand)."""

from __future__ import annotations


def run_tui(session: str | None = None) -> int:
    from tui.app import TradeoffApp

    TradeoffApp(session_id=session).run()
    return 0
