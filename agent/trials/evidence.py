"""Where trial runs and blind votes are kept as they happen (with the session when there is one,
else in JSON-lines files in the data folder; each write is on disk when the call returns), and
every vote read back from both places for your leaderboard and the ranking."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from agent.files import private_dir, write_atomic
from agent.trials.votes import append_vote, json_objects, read_votes


class TrialLog(Protocol):
    def history(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Every run and vote kept so far, oldest first."""
        ...

    def add_runs(self, runs: list[dict[str, Any]]) -> None: ...

    def add_vote(self, vote: dict[str, Any]) -> None: ...


class MemoryTrialLog:
    """Kept for as long as the screen is open (a trial screen opened without a session store)."""

    def __init__(self) -> None:
        self.runs: list[dict[str, Any]] = []
        self.votes: list[dict[str, Any]] = []

    def history(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        return list(self.runs), list(self.votes)

    def add_runs(self, runs: list[dict[str, Any]]) -> None:
        self.runs.extend(runs)

    def add_vote(self, vote: dict[str, Any]) -> None:
        self.votes.append(vote)


def _read_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class SessionTrialLog:
    """The current session's record (asked at each write: a session may start while a trial is
    open); before there is a session, trials.jsonl and votes.jsonl in `folder`."""

    def __init__(self, advisor: Any, session: Callable[[], str | None], folder: Path) -> None:
        self.advisor = advisor
        self.session = session
        self.folder = folder
        self.votes_added = 0  # this log's votes: a trial that added none leaves the ranking as it was

    def history(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        session = self.session()
        if session is not None:
            state = self.advisor.state(session)
            return list(state.trials), list(state.votes)
        return _read_lines(self.folder / "trials.jsonl"), _read_lines(self.folder / "votes.jsonl")

    def add_runs(self, runs: list[dict[str, Any]]) -> None:
        session = self.session()
        if session is not None:
            self.advisor.record_trial(session, runs)
            return
        path = self.folder / "trials.jsonl"
        existing = path.read_text(encoding="utf-8") if path.exists() else ""
        write_atomic(path, existing + "".join(json.dumps(run) + "\n" for run in runs))

    def add_vote(self, vote: dict[str, Any]) -> None:
        self.votes_added += 1
        session = self.session()
        if session is not None:
            self.advisor.record_vote(session, vote)
        else:
            append_vote(self.folder / "votes.jsonl", vote)


@dataclass(frozen=True)
class YourVotes:
    """Every blind vote you cast, wherever the front end kept it, and where each batch came from."""

    votes: list[dict[str, Any]]
    sources: list[str]


def session_votes(sessions_path: Path, session: str | None = None) -> list[dict[str, Any]]:
    """Votes kept with sessions (the TUI's trial screen, `Advisor.record_vote`), oldest first; read
    without the advisor (no LangGraph import) and read-only. A store that is missing, not yet made or
    unreadable has none here: the advisor reports a damaged store when it opens it."""
    if not sessions_path.exists():
        return []
    query = "SELECT body FROM tradeoff_trial_evidence WHERE kind = 'vote'"
    query += " AND session = ? ORDER BY seq" if session else " ORDER BY seq"
    try:
        connection = sqlite3.connect(f"file:{sessions_path}?mode=ro", uri=True)
        try:
            rows = connection.execute(query, (session,) if session else ()).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return []
    return json_objects(body for (body,) in rows)


def your_votes(votes_file: Path, sessions_path: Path, session: str | None = None) -> YourVotes:
    """The votes file (`tradeoff trial --blind`, and the TUI before a session exists) and every
    session's votes (the TUI), or with `session` that session's only."""
    if session is not None:
        found = session_votes(sessions_path, session)
        return YourVotes(found, [f"{len(found)} from session {session}"])
    from_file = read_votes(votes_file)
    from_sessions = session_votes(sessions_path)
    return YourVotes([*from_file, *from_sessions],
                     [f"{len(from_file)} from {votes_file}", f"{len(from_sessions)} from your sessions"])  # fmt: skip


class EvalResultsError(ValueError):
    """A saved eval file that is not what `tradeoff eval --save` writes."""


def read_eval_results(path: Path) -> dict[str, tuple[int, int]]:
    """model -> (tests passed, tests run) from one `tradeoff eval --save` file: counted from its
    matrix of results (what `tradeoff route --results` reads), else from its pass rates."""
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalResultsError(f"cannot read {path} ({exc.__class__.__name__})") from None
    if not isinstance(payload, dict):
        payload = {}
    matrix, rates = payload.get("matrix"), payload.get("pass_rates")
    if isinstance(matrix, dict) and matrix:
        counts = {}
        for model, cells in matrix.items():
            if not isinstance(cells, dict) or not all(isinstance(c, dict) for c in cells.values()):
                raise EvalResultsError(f"{path}: {model}'s results are not a test -> result table")
            counts[str(model)] = (sum(1 for c in cells.values() if c.get("passed") is True), len(cells))
        return counts
    if not isinstance(rates, dict):
        raise EvalResultsError(f"{path} has no results matrix or pass_rates; save one with `tradeoff eval --save FILE`")
    counts = {}
    for model, rate in rates.items():
        passed, total = (rate.get("passed"), rate.get("total")) if isinstance(rate, dict) else (None, None)
        if not isinstance(passed, int) or not isinstance(total, int) or not 0 <= passed <= total:
            raise EvalResultsError(f"{path}: {model}'s pass rate is not passed/total counts")
        counts[str(model)] = (passed, total)
    return counts


EVALS_FOLDER = "evals"  # batch runs in the TUI, kept in the data folder as `tradeoff eval --save` writes them


def keep_eval(data_dir: Path, results: dict[str, Any], stamp: str) -> Path:
    """A finished batch's results (the `eval --save` shape), so its pass rates join your leaderboard."""
    folder = private_dir(data_dir / EVALS_FOLDER)
    return write_atomic(folder / f"eval-{stamp}.json", json.dumps(results, indent=1))


def saved_evals(data_dir: Path) -> list[dict[str, tuple[int, int]]]:
    """Pass counts from every batch kept in the data folder; a damaged file is left out, not fatal."""
    found = []
    for path in sorted((data_dir / EVALS_FOLDER).glob("*.json")):
        try:
            found.append(read_eval_results(path))
        except EvalResultsError:
            continue
    return found


def your_leaderboard(data_dir: Path, sessions_path: Path, samples: int = 1000) -> Any:
    """Your leaderboard from every vote you cast and every batch kept in the data folder (for the
    TUI's tab; `tradeoff leaderboard` prints the same)."""
    from agent.trials.leaderboard import leaderboard
    from agent.trials.stats import tallied_votes

    votes = tallied_votes(your_votes(data_dir / "votes.jsonl", sessions_path).votes)
    return leaderboard(votes, samples=samples, evals=saved_evals(data_dir))
