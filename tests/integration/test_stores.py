"""Our files on disk: private modes, --force that replaces only regular files, a rotating log, a
corrupt sessions database or eval cache moved aside, and one writer per session across processes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

TRADEOFF = shutil.which("tradeoff", path=str(Path(sys.executable).parent)) or "tradeoff"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([TRADEOFF, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def ask(*args: str) -> dict:
    out = run("ask", *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_sessions_and_log_are_private(isolated_dirs, monkeypatch):
    data, log = isolated_dirs / "data" / "tradeoff", isolated_dirs / "log" / "tradeoff"
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(data))  # folders we create
    monkeypatch.setenv("TRADEOFF_LOG_DIR", str(log))
    ask("a support chatbot, 50k chats a day")
    assert mode(data) == 0o700 and mode(data / "sessions.sqlite") == 0o600
    (data / "sessions.sqlite").unlink()
    (data / "sessions.sqlite").mkdir()  # a real failure: logged with its traceback
    assert run("sessions").returncode == 1
    assert mode(log) == 0o700 and mode(log / "tradeoff.log") == 0o600


def test_the_log_rotates(isolated_dirs):
    log = isolated_dirs / "log" / "tradeoff.log"
    log.write_text("x" * 1_100_000)
    (isolated_dirs / "data" / "sessions.sqlite").mkdir()
    assert run("sessions").returncode == 1
    assert log.with_name("tradeoff.log.1").stat().st_size == 1_100_000
    assert "Traceback" in log.read_text() and log.stat().st_size < 100_000


@pytest.fixture
def session(isolated_dirs) -> str:
    return ask("a support chatbot, 50k chats a day, budget $2,000 a month")["session"]


def test_exports_are_private_and_force_keeps_the_replaced_mode(tmp_path, session):
    fresh = tmp_path / "new.md"
    assert run("export", "--format", "md", "-o", str(fresh)).returncode == 0
    assert mode(fresh) == 0o600
    shared = tmp_path / "shared.md"
    shared.write_text("old")
    shared.chmod(0o644)
    assert run("export", "--format", "md", "-o", str(shared)).returncode == 2  # no --force
    assert run("export", "--format", "md", "-o", str(shared), "--force").returncode == 0
    assert mode(shared) == 0o644 and shared.read_text().startswith("# ")


def test_force_replaces_regular_files_only(tmp_path, session):
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert run("export", "--format", "md", "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and target.read_text().startswith("# ")  # written through the link
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    folder = tmp_path / "folder"
    folder.mkdir()
    to_device = tmp_path / "to-null"
    to_device.symlink_to("/dev/null")
    for path in (fifo, folder, to_device, Path("/dev/null")):
        out = run("export", "--format", "md", "-o", str(path), "--force")
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert "regular file" in out.stderr or "directory" in out.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and to_device.is_symlink() and folder.is_dir()
    parent_is_a_file = tmp_path / "real.md" / "x.md"
    out = run("export", "--format", "md", "-o", str(parent_is_a_file))
    assert out.returncode == 2 and "cannot write" in out.stderr and "internal error" not in out.stderr


@pytest.mark.parametrize("damage", ["random bytes", "truncated"])
def test_a_corrupt_sessions_database_is_moved_aside_and_a_fresh_one_starts(isolated_dirs, session, damage):
    path = isolated_dirs / "data" / "sessions.sqlite"
    for _ in range(3):
        ask("actually the budget is 3k", "--session", session)
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    if damage == "random bytes":
        path.write_bytes(os.urandom(8192))
    else:
        os.truncate(path, path.stat().st_size // 2)
    out = run("sessions")
    assert out.returncode == 0, out.stderr
    note = out.stderr.strip().splitlines()
    assert len(note) == 1 and "kept as" in note[0]
    aside = list(path.parent.glob("sessions.sqlite.corrupt-*"))
    assert len(aside) == 1 and str(aside[0]) in note[0] and ".recover" in note[0]
    assert mode(aside[0]) == 0o600
    fresh = ask("a coding assistant")  # a new session works at once
    assert fresh["session"] != session
    assert run("sessions").stderr == ""  # told once


def test_a_corrupt_eval_cache_is_moved_aside(isolated_dirs):
    from agent.trials.batch import ResponseCache

    path = isolated_dirs / "data" / "eval-cache.sqlite"
    path.write_bytes(os.urandom(4096))
    cache = ResponseCache(path)
    assert cache.notice is not None and "eval cache" in cache.notice
    assert list(path.parent.glob("eval-cache.sqlite.corrupt-*")) and mode(path) == 0o600
    assert ResponseCache(path).notice is None


def test_two_processes_on_one_session_lose_no_change(isolated_dirs, session):
    # Each process changes a different requirement at the same moment; both changes must survive.
    for round_number in range(1, 4):
        with ThreadPoolExecutor(2) as pool:
            budget = pool.submit(run, "ask", "--session", session, f"actually the budget is ${round_number}k a month")
            ttft = pool.submit(run, "ask", "--session", session, f"it must answer within {round_number} seconds")
            assert budget.result().returncode == 0 and ttft.result().returncode == 0
        requirements = ask("just recommend", "--session", session)["requirements"]
        assert requirements["budget_usd_month"] == round_number * 1000
        assert requirements["max_ttft_ms"] == round_number * 1000


def test_a_session_held_too_long_by_another_process_is_refused_in_one_line(isolated_dirs, session, monkeypatch):
    from agent.session_store import session_lock

    with session_lock(isolated_dirs / "data" / "locks", session, wait_s=0):
        holder = sqlite3.connect(isolated_dirs / "data" / "sessions.sqlite")  # the database stays usable
        holder.close()
        monkeypatch.setenv("TRADEOFF_SESSION_LOCK_WAIT_S", "0.5")
        out = run("ask", "--session", session, "actually the budget is 9k")
    assert out.returncode == 3, out.stderr
    assert "another window" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_an_index_path_that_is_a_file_is_rebuilt(isolated_dirs):
    from knowledge.store import KnowledgeStore

    path = isolated_dirs / "data" / "index" / "chroma"
    path.parent.mkdir(parents=True)
    path.write_text("not a folder")
    store = KnowledgeStore(path)
    assert store.notice is not None and "rebuilt" in store.notice
    assert path.is_dir() and list(path.parent.glob("chroma.corrupt-*"))


def test_an_index_folder_that_is_a_file_is_moved_aside_and_search_works(isolated_dirs):
    (isolated_dirs / "data" / "index").write_text("not a folder")
    out = run("search", "when does self-hosting pay off", "--k", "1")
    assert out.returncode == 0, out.stderr
    assert out.stderr.startswith("note: the knowledge index") and "rebuilt" in out.stderr
    assert list((isolated_dirs / "data").glob("index.corrupt-*")) and (isolated_dirs / "data" / "index").is_dir()
