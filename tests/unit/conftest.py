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
