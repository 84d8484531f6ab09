"""The advisor service: one conversation turn at a time, persisted per session in SQLite.

Sessions checkpoint every node (LangGraph's SqliteSaver), so a process killed mid-turn resumes
where it stopped when the session is reopened.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import ormsgpack
from langgraph.checkpoint.serde.jsonplus import EXT_PYDANTIC_V2, JsonPlusSerializer
from langgraph.checkpoint.sqlite import SqliteSaver

from agent.advisor.context import AdvisorTools
from agent.advisor.graph import build_graph
from agent.advisor.interview import build_requirements, missing_fields
from agent.advisor.state import AdvisorState, ChatMessage, Edit, Imported
from agent.advisor.view import TurnView, turn_view
from agent.session_store import StoreThread, open_database, session_lock

MAX_MESSAGE_CHARS = 20_000
STATE_MODULE = "agent.advisor.state"
# Our state types, allowed back out of checkpoints (LangGraph refuses unknown types by default).
STATE_TYPES = [
    (STATE_MODULE, name)
    for name in ("AdvisorState", "ChatMessage", "Choice", "Question", "Citation", "RequirementEvent", "Edit",
                 "Imported")
]  # fmt: skip
# Where the state types lived when older sessions were saved.
RENAMED_MODULES = {"agent.state": STATE_MODULE}


class SessionSerializer(JsonPlusSerializer):
    """LangGraph's serializer, reading the state types of sessions saved before the advisor moved into
    agent/advisor/: a checkpoint names each type by its module, and those name agent.state."""

    def __init__(self) -> None:
        super().__init__(allowed_msgpack_modules=STATE_TYPES)
        current = self._unpack_ext_hook

        def renamed(code: int, data: bytes) -> Any:
            if code == EXT_PYDANTIC_V2 and b"agent.state" in data:
                # (module, name, fields, method); nested values stay packed and are decoded as before
                parts = ormsgpack.unpackb(data, ext_hook=ormsgpack.Ext, option=ormsgpack.OPT_NON_STR_KEYS)
                if parts and parts[0] in RENAMED_MODULES:
                    data = ormsgpack.packb([RENAMED_MODULES[parts[0]], *parts[1:]],
                                           option=ormsgpack.OPT_NON_STR_KEYS)  # fmt: skip
            return current(code, data)

        self._unpack_ext_hook = renamed


class SessionNotFound(LookupError):
    """No session with that id."""


@dataclass(frozen=True)
class SessionInfo:
    id: str
    title: str
    created: str
    updated: str


@dataclass(frozen=True)
class TurnResult:
    session: str
    answer: str
    state: AdvisorState

    @property
    def view(self) -> TurnView:
        """The typed rows a front end shows for this turn."""
        return turn_view(self.state, self.session, self.answer)

    def as_json(self) -> dict[str, Any]:
        """The `ask --json` contract of SPEC §7."""
        stated = set(self.state.requirements)
        full = build_requirements(self.state.requirements).model_dump(mode="json")
        return {
            "answer": self.answer,
            "requirements": {name: value for name, value in full.items() if name in stated},
            "missing": missing_fields(self.state.requirements),
            "question": self.state.next_question.model_dump() if self.state.next_question else None,
            "ranked": self.state.ranking["ranked"] if self.state.ranking else None,
            "citations": [{"id": c.id, "title": c.title} for c in self.state.citations],
            "session": self.session,
        }


P = ParamSpec("P")
R = TypeVar("R")


def _on_store_thread(method: Callable[Concatenate[Advisor, P], R]) -> Callable[Concatenate[Advisor, P], R]:
    """Run the method on the thread that owns the sessions connection (the UI thread and the turn
    worker both call the advisor; the connection is only ever used from its own thread)."""

    def call(self: Advisor, /, *args: P.args, **kwargs: P.kwargs) -> R:
        return self._store.run(method, self, *args, **kwargs)

    call.__name__, call.__doc__ = method.__name__, method.__doc__
    return call


class Advisor:
    def __init__(self, tools: AdvisorTools, sessions_path: Path) -> None:
        self.tools = tools
        self._lock_dir = sessions_path.parent / "locks"
        self._held: set[str] = set()  # sessions whose lock file this advisor holds
        # Each connection is made, used and closed on its own thread.
        self._store = StoreThread("sessions-db")
        self._evidence_thread = StoreThread("session-evidence")
        self._store.run(self._open_sessions, sessions_path)
        self._evidence_thread.run(self._open_evidence, sessions_path)

    def _open_sessions(self, sessions_path: Path) -> None:
        # A damaged file is moved aside and a fresh one started; `notice` tells the user once.
        self._connection, self.notice = open_database(sessions_path, "sessions database")
        self._connection.execute(
            "CREATE TABLE IF NOT EXISTS tradeoff_sessions (id TEXT PRIMARY KEY, title TEXT, created TEXT, updated TEXT)"
        )
        self._connection.commit()
        saver = SqliteSaver(self._connection, serde=SessionSerializer())
        self.graph = build_graph(saver, model_writes=self.tools.llm_write is not None)

    def _open_evidence(self, sessions_path: Path) -> None:
        # Trial runs and votes are appended rows, not graph state: a write is one INSERT on its own
        # connection and thread, made at once from the UI, and never waits for a turn.
        self._evidence = sqlite3.connect(str(sessions_path), check_same_thread=False)
        # WAL with NORMAL sync: a commit survives the process being killed, without an fsync
        # stalling the screen as each model finishes.
        self._evidence.execute("PRAGMA synchronous=NORMAL")
        self._evidence.execute(
            "CREATE TABLE IF NOT EXISTS tradeoff_trial_evidence "
            "(seq INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL)"
        )
        self._evidence.commit()

    def close(self, wait: bool = True) -> None:
        """Close both connections and end their threads; wait=False returns at once, each closing
        after the work already queued on its thread (a turn still running when the app exits)."""
        self._evidence_thread.stop(self._evidence.close, wait)
        self._store.stop(self._connection.close, wait)

    @contextlib.contextmanager
    def _writing(self, session: str) -> Iterator[None]:
        """One writer per session across processes (on the store thread, so one at a time here)."""
        if session in self._held:  # re-entered: finish_interrupted_turn within a turn
            yield
            return
        with session_lock(self._lock_dir, session):
            self._held.add(session)
            try:
                yield
            finally:
                self._held.discard(session)

    def _config(self, session: str) -> dict[str, Any]:
        return {"configurable": {"thread_id": session}}

    def _touch(self, session: str, message: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        title = " ".join(message.split())[:60]
        self._connection.execute(
            "INSERT INTO tradeoff_sessions (id, title, created, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET updated = excluded.updated",
            (session, title, now, now),
        )
        self._connection.commit()

    @_on_store_thread
    def exists(self, session: str) -> bool:
        row = self._connection.execute("SELECT 1 FROM tradeoff_sessions WHERE id = ?", (session,)).fetchone()
        return row is not None

    @_on_store_thread
    def sessions(self) -> list[SessionInfo]:
        rows = self._connection.execute(
            "SELECT id, title, created, updated FROM tradeoff_sessions ORDER BY updated DESC, id"
        ).fetchall()
        return [SessionInfo(*row) for row in rows]

    @_on_store_thread
    def state(self, session: str) -> AdvisorState:
        """The session's state, with the trial runs and votes recorded since its last turn."""
        values = self.graph.get_state(self._config(session)).values
        state = AdvisorState.model_validate(values) if values else AdvisorState()
        runs, votes, _ = self._evidence_since(session, state.evidence_seq)
        if runs or votes:
            state = state.model_copy(update={"trials": [*state.trials, *runs], "votes": [*state.votes, *votes]})
        return state

    def _run(self, values: dict[str, Any] | None, session: str, on_chunk: Callable[[str], None] | None) -> str:
        """One run of the graph, its words passed to `on_chunk` as nodes say them; returns everything
        the advisor said in it (a notice, a greeting, then the answer or question).
        durability="sync": each step is on disk before the next starts, so kill -9 loses nothing."""
        seen = len(self.graph.get_state(self._config(session)).values.get("messages", []))
        said: list[str] = []
        for chunk in self.graph.stream(values, self._config(session), stream_mode="custom", context=self.tools,
                                       durability="sync"):  # fmt: skip
            text = chunk["text"]
            if chunk.get("start") and said:
                text = "\n\n" + text  # a new message in the same turn
            said.append(text)
            if on_chunk is not None:
                on_chunk(text)
        messages = self.graph.get_state(self._config(session)).values.get("messages", [])[seen:]
        return "\n\n".join(m.content for m in messages if m.role == "assistant")

    @_on_store_thread
    def finish_interrupted_turn(self, session: str) -> bool:
        """Complete a turn a crash cut short (nodes still pending)."""
        with self._writing(session):
            snapshot = self.graph.get_state(self._config(session))
            if snapshot.next and not snapshot.interrupts:
                self._run(None, session, None)
                return True
        return False

    @_on_store_thread
    def edit_requirement(self, session: str, field: str, value: Any) -> TurnResult:
        """Set one requirement directly (the TUI's panel) and re-rank at once."""
        with self._writing(session):
            return self._edit_requirement(session, field, value)

    def _edit_requirement(self, session: str, field: str, value: Any) -> TurnResult:
        from agent.advisor.interview import invalid_fields
        from agent.advisor.view import FIELD_LABELS

        requirements = dict(self.state(session).requirements)
        if value is None or value == "" or value == []:
            requirements.pop(field, None)
        else:
            requirements[field] = value
        for name, why in invalid_fields(requirements).items():  # in the words the panel shows, not field names
            raise ValueError(f"{FIELD_LABELS.get(name, name.replace('_', ' '))}: {why}")
        self.finish_interrupted_turn(session)
        answer = self._run({"edit": Edit(field=field, value=value)}, session, None)
        return TurnResult(session=session, answer=answer, state=self.state(session))

    @_on_store_thread
    def use_catalog(self, catalog: Any, session: str | None = None) -> TurnResult | None:
        """Rank on `catalog` from now on (your new votes in it); a session with a shortlist is ranked
        again at once, so what you measured moves it without another message."""
        self.tools.catalog = catalog
        if session is None or not self.exists(session) or not self.state(session).ranking:
            return None
        with self._writing(session):
            self.finish_interrupted_turn(session)
            answer = self._run({"rerank": True}, session, None)
            return TurnResult(session=session, answer=answer, state=self.state(session))

    @_on_store_thread
    def import_record(self, record: Any) -> TurnResult:
        """A saved decision record (JSON) back into a new session: its words, requirements,
        trials and votes, re-ranked against today's catalog."""
        session = uuid.uuid4().hex[:12]
        with self._writing(session):
            return self._import_record(session, record)

    def _import_record(self, session: str, record: Any) -> TurnResult:
        self._touch(session, f"imported: {record.title}")
        imported = Imported(requirements={k: v for k, v in record.requirements.items() if k in record.stated},
                            context=list(record.context), trials=record.trials, votes=record.votes)  # fmt: skip
        answer = self._run({"imported": imported}, session, None)
        measured = record.cost_projection.get("routing_measured")
        if isinstance(measured, dict):  # a measured routing stays with the session it came back into
            self.record_route(session, measured)
        return TurnResult(session=session, answer=answer, state=self.state(session))

    # Trial runs and votes are appended evidence rows rather than graph inputs when they happen: the
    # trial screen records each as a model finishes, while a turn may hold the session's writer lock,
    # and a row is committed at once (a crash keeps it). Each turn then brings the rows recorded since
    # the last one into the graph's state (`evidence_seq`), where the record reads them.
    def record_trial(self, session: str, runs: list[dict[str, Any]]) -> None:
        """Keep trial results (metrics and text, never keys) with the session, committed on return."""
        self._append_evidence(session, [("run", run) for run in runs])

    def record_vote(self, session: str, vote: dict[str, Any]) -> None:
        """Keep a blind-trial vote with the session, committed on return."""
        self._append_evidence(session, [("vote", vote)])

    def record_route(self, session: str, route: dict[str, Any]) -> None:
        """Keep a routing measured on the user's eval results (`tradeoff route --json`'s figures)
        with the session; the latest one is the decision record's routing section."""
        self._append_evidence(session, [("route", route)])

    def measured_route(self, session: str) -> dict[str, Any] | None:
        """The session's latest measured routing, if any."""
        row = self._evidence_thread.run(
            lambda: self._evidence.execute(
                "SELECT body FROM tradeoff_trial_evidence WHERE session = ? AND kind = 'route' ORDER BY seq DESC "
                "LIMIT 1", (session,)
            ).fetchone()
        )  # fmt: skip
        return json.loads(row[0]) if row else None

    def _append_evidence(self, session: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
        self._evidence_thread.run(self._insert_evidence, session, rows)

    def _insert_evidence(self, session: str, rows: list[tuple[str, dict[str, Any]]]) -> None:
        with self._evidence:
            self._evidence.executemany(
                "INSERT INTO tradeoff_trial_evidence (session, kind, body) VALUES (?, ?, ?)",
                [(session, kind, json.dumps(body)) for kind, body in rows],
            )

    def trial_evidence(self, session: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The session's recorded trial runs and votes, oldest first."""
        runs, votes, _ = self._evidence_since(session, 0)
        return runs, votes

    def _evidence_since(self, session: str, seq: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
        """Runs and votes recorded after row `seq`, and the last row's number."""
        rows = self._evidence_thread.run(
            lambda: self._evidence.execute(
                "SELECT seq, kind, body FROM tradeoff_trial_evidence WHERE session = ? AND seq > ? ORDER BY seq",
                (session, seq),
            ).fetchall()
        )
        runs = [json.loads(body) for _, kind, body in rows if kind == "run"]
        votes = [json.loads(body) for _, kind, body in rows if kind == "vote"]
        return runs, votes, max((row[0] for row in rows), default=seq)

    @_on_store_thread
    def turn(
        self, message: str, session: str | None = None, on_chunk: Callable[[str], None] | None = None
    ) -> TurnResult:
        """One user message in, the advisor's answer (or next question) out. `on_chunk` receives the
        answer's text as it is produced (called on the advisor's thread)."""
        message = message.strip()
        if not message:
            raise ValueError("the message is empty; say what you are building or ask a question")
        if len(message) > MAX_MESSAGE_CHARS:
            raise ValueError(
                f"the message is {len(message):,} characters; keep it under {MAX_MESSAGE_CHARS:,} "
                "(describe long documents instead of pasting them)"
            )
        if session is not None and not self.exists(session):
            raise SessionNotFound(f"no session {session!r}; `tradeoff sessions` lists them")
        session = session or uuid.uuid4().hex[:12]
        with self._writing(session):
            return self._turn(message, session, on_chunk)

    def _turn(self, message: str, session: str, on_chunk: Callable[[str], None] | None) -> TurnResult:
        self._touch(session, message)
        self.finish_interrupted_turn(session)
        seq = int(self.graph.get_state(self._config(session)).values.get("evidence_seq", 0))
        runs, votes, seq = self._evidence_since(session, seq)
        values = {"messages": [ChatMessage(role="user", content=message)], "trials": runs, "votes": votes,
                  "evidence_seq": seq}  # fmt: skip
        answer = self._run(values, session, on_chunk)
        return TurnResult(session=session, answer=answer, state=self.state(session))
