"""The functional tier drives the real app without torch: the embedder and Chroma are exercised in
tests/integration, and an app left to load them spends seconds in every test's teardown."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def bm25_only_search(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADEOFF_LOAD_EMBEDDINGS", "false")
