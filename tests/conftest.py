"""Shared fixtures: every test gets its own config/data/log dirs; the real catalog is loaded once."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli_inprocess import Ran, run_cli

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("CONFIG", "DATA", "LOG"):
        path = tmp_path / name.lower()
        path.mkdir()
        monkeypatch.setenv(f"TRADEOFF_{name}_DIR", str(path))
    return tmp_path


@pytest.fixture(scope="session")
def catalog():
    from catalog.sources import load_catalog

    return load_catalog()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Integration tests (Chroma, the embedding model, llama.cpp, fault servers, SIGKILL, the console
    script) and the snapshot renders are slow: `pytest -m "not slow"` runs the unit and functional tiers."""
    for item in items:
        if {"integration", "snapshots"} & set(item.path.parts):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """`run_cli` with per-test environment overrides, undone after the test."""

    def run(*args: str, env: dict[str, str] | None = None) -> Ran:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        return run_cli(*args)

    return run
