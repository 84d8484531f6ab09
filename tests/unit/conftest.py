"""Fixtures the unit tier shares."""

from __future__ import annotations

import pytest

from agent.advisor.context import AdvisorTools
from agent.advisor.sessions import Advisor
from tests.conftest import TODAY


@pytest.fixture
def advisor(catalog, tmp_path):
    """The offline advisor on the real catalog, its sessions in a fresh SQLite file."""
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


@pytest.fixture
def knowing_advisor(catalog, tmp_path):
    """The advisor as `tradeoff ask` builds it: the course searched with BM25 (no embedding model)."""
    from knowledge.base import KnowledgeBase
    from knowledge.lexical import terms

    knowledge = KnowledgeBase(tmp_path / "index")
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()
