"""Assemble the advisor from settings: catalog, knowledge base (BM25 now, dense when loaded)."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from agent.advisor.context import AdvisorTools
from agent.advisor.recommendation import load_user_catalog
from agent.advisor.sessions import Advisor
from agent.settings import Settings


def make_tools(settings: Settings, knowledge: Any = None, today: dt.date | None = None) -> AdvisorTools:
    from knowledge.lexical import terms

    tools = AdvisorTools(catalog=load_user_catalog(settings), today=today or dt.date.today(), terms=terms)
    if settings.advisor_model:
        from agent.advisor.llm import LLMBrain
        from agent.advisor.llm_write import write_answer

        brain = LLMBrain(settings.advisor_model, settings.advisor_api_base)
        tools.llm_extract, tools.llm_write = brain.extract, functools.partial(write_answer, brain)
    if knowledge is not None:
        tools.search = lambda query, k: knowledge.search(query, k=k)
        tools.classify_task = _prototype_classifier(knowledge)
    return tools


def _prototype_classifier(knowledge: Any) -> Any:
    """Classify by prototype once the knowledge base's embedder has loaded; until then, rules only."""
    from agent.advisor.task_prototypes import PrototypeClassifier

    built: list[PrototypeClassifier] = []

    def classify(message: str) -> str | None:
        if knowledge.embedder is None:
            return None
        if not built:
            built.append(PrototypeClassifier(knowledge.embedder.encode))
        return built[0](message)

    return classify


def make_advisor(settings: Settings, knowledge: Any = None, today: dt.date | None = None) -> Advisor:
    return Advisor(make_tools(settings, knowledge, today), settings.sessions_path)
