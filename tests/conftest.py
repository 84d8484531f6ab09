"""Shared fixtures: every test gets its own config/data/log dirs; the real catalog is loaded once."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Where PYTHONDONTWRITEBYTECODE is set (as on the CI machines), pytest rewrote the asserts of every test
# module again in each process, the controller and each xdist worker: ~2.5 s of a 6 s collection. The
# rewritten modules are cached in tests/**/__pycache__ (ignored by git), as the project's own are by setup.
sys.dont_write_bytecode = False

from tests.cli_inprocess import Ran, run_cli  # noqa: E402

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


TESTS = Path(__file__).parent
SLOW_TIERS = frozenset({"integration", "snapshots"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Integration tests (Chroma, the embedding model, llama.cpp, fault servers, SIGKILL, the console
    script) and the snapshot renders are slow: `pytest -m "not slow"` runs the unit and functional tiers."""
    for item in items:
        if SLOW_TIERS & set(item.path.parts):
            item.add_marker(pytest.mark.slow)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Under exactly `-m "not slow"` the slow tiers are not even imported (each pytest process, and
    each xdist worker, would import them only to deselect every test)."""
    tier = collection_path.parent == TESTS and collection_path.name in SLOW_TIERS
    if tier and config.option.markexpr == "not slow":
        return True
    return None


def pytest_configure(config: pytest.Config) -> None:
    """Young collections every 20,000 allocations, not 700: the suite allocates millions of short-lived
    objects over a heap of loaded libraries, and the default spent ~6 s of the unit tier's CPU in
    the collector (measured: 5,300 collections, 4-5 s of them full passes; 400 and 0.3 s after)."""
    gc.set_threshold(20_000, 20, 20)


HEAVY = ("torch", "sentence_transformers", "chromadb")


@pytest.fixture(autouse=True)
def fast_tiers_import_no_heavy_library(request: pytest.FixtureRequest) -> Iterator[None]:
    """A unit or functional test that pulls in torch, sentence-transformers or Chroma is named here:
    the fast tiers are meant to run without them (they cost seconds and belong to tests/integration)."""
    if SLOW_TIERS & set(request.path.parts):
        yield
        return
    before = {name for name in HEAVY if name in sys.modules}
    yield
    loaded = sorted({name for name in HEAVY if name in sys.modules} - before)
    assert not loaded, f"{request.node.nodeid} imported {', '.join(loaded)}"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Ran]:
    """`run_cli` with per-test environment overrides, undone after the test."""

    def run(*args: str, env: dict[str, str] | None = None) -> Ran:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        return run_cli(*args)

    return run
