"""'What is X?' through the whole advisor on the real knowledge base: hybrid search (BM25 and the
packaged embedding model over an on-disk Chroma store), the graph's retrieve and answer nodes."""

from __future__ import annotations

import re

import pytest

from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor
from knowledge.base import KnowledgeBase
from knowledge.lexical import terms
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory) -> KnowledgeBase:
    base = KnowledgeBase(tmp_path_factory.mktemp("index"))
    base.load_dense()
    assert base.dense_ready
    return base


@pytest.fixture
def advisor(catalog, knowledge, tmp_path):
    tools = AdvisorTools(
        catalog=catalog, today=TODAY, terms=terms, search=lambda query, k: knowledge.search(query, k=k)
    )
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


@pytest.mark.parametrize(
    ("question", "subject", "doc"),
    [("What is TTFT?", "ttft", "course/3.3"), ("What is distillation?", "distillation", "module/2.2.3"),
     ("what's prompt caching?", "prompt caching", "course/5.4"), ("What is LoRA?", "lora", "module/2.2.3"),
     ("what is a batch API exactly?", "batch api", "course/5.5"),
     ("What does tokens/s mean?", "tokens per second", "course/3.3"),
     ("What is MoE?", "moe", "guide/open-source-models")],
)  # fmt: skip
def test_a_definition_comes_first_through_hybrid_search(advisor, question, subject, doc):
    session = advisor.turn("Customer support chatbot, 50k chats a day, budget $5,000 a month").session
    result = advisor.turn(question, session)
    first = result.answer.split("\n")[0]
    head = re.split(r"\s(?:is|are)\s", first, maxsplit=1)[0].lower()
    assert subject in head.replace("-", " ") and len(head.split()) <= 8, first
    assert first.endswith(f"[{doc}]")
    assert doc in {c["id"] for c in result.as_json()["citations"]}
    assert result.as_json()["requirements"].get("requests_per_day") == 50_000  # a question changes nothing
