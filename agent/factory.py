"""Assemble the advisor from settings: catalog, knowledge base (BM25 now, dense when loaded)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from agent.advisor import Advisor
from agent.nodes import AdvisorTools
from agent.recommendation import load_user_catalog
from agent.settings import Settings


def make_tools(settings: Settings, knowledge: Any = None, today: dt.date | None = None) -> AdvisorTools:
    from knowledge.lexical import terms

    tools = AdvisorTools(catalog=load_user_catalog(settings), today=today or dt.date.today(), terms=terms)
    if knowledge is not None:
        tools.search = lambda query, k: knowledge.search(query, k=k)
    return tools


def make_advisor(settings: Settings, knowledge: Any = None, today: dt.date | None = None) -> Advisor:
    return Advisor(make_tools(settings, knowledge, today), settings.sessions_path)
