"""Where trial runs and blind votes are kept as they happen: with the session when there is one,
else in JSON-lines files in the data folder. Each write is on disk when the call returns."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from agent.files import write_atomic
from agent.trials.votes import append_vote


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
        session = self.session()
        if session is not None:
            self.advisor.record_vote(session, vote)
        else:
            append_vote(self.folder / "votes.jsonl", vote)
