"""`tradeoff leaderboard`: the user's blind votes as Bradley-Terry ratings with bootstrap intervals."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tui.cli.common import UsageError, open_advisor, print_json


def register(commands: Any) -> None:
    board = commands.add_parser("leaderboard", help="your blind votes as Bradley-Terry ratings with 95%% intervals")
    board.set_defaults(run=run)
    board.add_argument("--votes", metavar="FILE", help="votes file (default: the data dir's votes.jsonl)")
    board.add_argument("--session", metavar="ID", help="add the votes recorded in this advisor session")
    board.add_argument("--json", action="store_true")


def _votes_file(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"--votes: cannot read {path} ({exc.__class__.__name__}); fix or move the file") from None


def run(args: argparse.Namespace) -> int:
    from agent.settings import Settings
    from agent.trials.leaderboard import leaderboard
    from agent.trials.stats import tallied_votes

    settings = Settings()
    path = Path(args.votes) if args.votes else settings.data_dir / "votes.jsonl"
    raw = _votes_file(path)
    sources = [f"{len(raw)} votes from {path}"]
    if args.session:
        advisor = open_advisor(settings)
        try:
            if not advisor.exists(args.session):
                raise UsageError(f"--session: no session {args.session!r}; `tradeoff sessions` lists them")
            session_votes = advisor.trial_evidence(args.session)[1]
        finally:
            advisor.close()
        raw += session_votes
        sources.append(f"{len(session_votes)} from session {args.session}")
    board = leaderboard(tallied_votes(raw))
    if args.json:
        print_json({
            "standings": [{"model": s.model, "rating": s.rating, "interval": list(s.interval), "wins": s.wins,
                           "comparisons": s.comparisons, "kind": "measured"} for s in board.standings],
            "votes": board.votes, "votes_to_separate_top_two": board.votes_to_separate_top_two,
            "separation": board.separation, "method": board.method, "sources": sources,
        })  # fmt: skip
        return 0
    if not board.standings:
        print(f"No blind votes yet ({'; '.join(sources)}). Vote after `tradeoff trial --blind`.")
        return 0
    print(f"Your leaderboard, measured by you: {board.votes} votes ({'; '.join(sources)})")
    for place, standing in enumerate(board.standings, 1):
        low, high = standing.interval
        print(f"  {place}. {standing.model:<40} {standing.rating:7.1f}  95% {low:.0f}-{high:.0f}  "
              f"({standing.wins:g} wins in {standing.comparisons} votes)")  # fmt: skip
    print(board.separation)
    print(board.method)
    return 0
