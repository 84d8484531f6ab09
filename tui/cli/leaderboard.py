"""`tradeoff leaderboard`: the user's blind votes as Bradley-Terry ratings with bootstrap intervals,
and eval pass rates beside them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tui.cli.common import UsageError, open_advisor, print_json


def register(commands: Any) -> None:
    board = commands.add_parser("leaderboard", help="your blind votes as Bradley-Terry ratings with 95%% intervals")
    board.set_defaults(run=run)
    board.add_argument("--votes", metavar="FILE", help="only this votes file (default: every vote you cast: "
                       "the data dir's votes.jsonl and every session's)")  # fmt: skip
    board.add_argument("--session", metavar="ID", help="only the votes recorded in this advisor session")
    board.add_argument("--results", metavar="FILE", action="append", default=[],
                       help="add eval pass rates from a `tradeoff eval --save` file (repeatable)")  # fmt: skip
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
    from agent.trials.evidence import EvalResultsError, read_eval_results, saved_evals, your_votes
    from agent.trials.leaderboard import leaderboard
    from agent.trials.stats import tallied_votes

    settings = Settings()
    if args.session:
        advisor = open_advisor(settings)
        try:
            if not advisor.exists(args.session):
                raise UsageError(f"--session: no session {args.session!r}; `tradeoff sessions` lists them")
        finally:
            advisor.close()
        found = your_votes(settings.data_dir / "votes.jsonl", settings.sessions_path, session=args.session)
        raw, sources = found.votes, found.sources
    elif args.votes:
        raw = _votes_file(Path(args.votes))
        sources = [f"{len(raw)} from {args.votes}"]
    else:
        found = your_votes(settings.data_dir / "votes.jsonl", settings.sessions_path)
        raw, sources = found.votes, found.sources
    try:
        evals = [*saved_evals(settings.data_dir), *(read_eval_results(Path(path)) for path in args.results)]
    except EvalResultsError as exc:
        raise UsageError(f"--results: {exc}") from None
    board = leaderboard(tallied_votes(raw), evals=evals)
    if args.json:
        print_json({
            "standings": [{"model": s.model, "rating": s.rating, "interval": list(s.interval), "wins": s.wins,
                           "comparisons": s.comparisons, "kind": "measured"} for s in board.standings],
            "votes": board.votes, "votes_to_separate_top_two": board.votes_to_separate_top_two,
            "separation": board.separation, "method": board.method, "sources": sources,
            "pass_rates": [{"model": r.model, "passed": r.passed, "total": r.total, "rate": r.rate,
                            "interval": list(r.interval), "kind": "measured"} for r in board.pass_rates],
        })  # fmt: skip
        return 0
    if not board.standings and not board.pass_rates:
        print(f"No blind votes yet ({'; '.join(sources)}). Vote after `tradeoff trial --blind`.")
        return 0
    print(f"Your leaderboard, measured by you: {board.votes} votes ({'; '.join(sources)})")
    for place, standing in enumerate(board.standings, 1):
        low, high = standing.interval
        print(f"  {place}. {standing.model:<40} {standing.rating:7.1f}  95% {low:.0f}-{high:.0f}  "
              f"({standing.wins:g} wins in {standing.comparisons} votes)")  # fmt: skip
    if board.standings:
        print(board.separation)
        print(board.method)
    if board.pass_rates:
        print(f"Eval pass rates, measured by you ({len(evals)} results: your TUI batches and --results files):")
        for rate in board.pass_rates:
            print(f"  {rate.model:<43} {rate.passed}/{rate.total} passed  "
                  f"95% Wilson {rate.interval[0]:.2f}-{rate.interval[1]:.2f}")  # fmt: skip
    return 0
