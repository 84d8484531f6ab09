"""The LLM brain through LiteLLM: exact extraction with mock_response, and falling back offline."""

from __future__ import annotations

import json

import pytest

from agent.advisor.llm import LLMBrain, LLMUnavailable
from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor
from knowledge.lexical import terms
from tests.conftest import TODAY


def brain(reply):
    return LLMBrain("gpt-4.1-mini", mock_response=reply)


def test_structured_output_becomes_requirement_fields():
    reply = json.dumps({"task": "coding", "requests_per_day": 5000, "max_ttft_ms": 800, "needs": ["tools"]})
    assert brain(reply).extract("anything", {}) == {
        "task": "coding", "requests_per_day": 5000.0, "max_ttft_ms": 800.0, "needs": ["tools"]}  # fmt: skip


def test_json_wrapped_in_prose_is_still_read():
    assert brain('Sure! {"budget_usd_month": 900} hope that helps').extract("x", {}) == {"budget_usd_month": 900.0}


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("not json at all", "no JSON object"),
        ('{"task": "poetry"}', "invalid value for task"),
        ("litellm.RateLimitError", "RateLimitError"),
        ("litellm.InternalServerError", "InternalServerError"),
    ],
)
def test_failures_raise_llm_unavailable(reply, message):
    with pytest.raises(LLMUnavailable, match=message):
        brain(reply).extract("x", {})


def test_a_missing_key_fails_over_cleanly(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(LLMUnavailable, match=r"gpt-4\.1-mini failed"):
        LLMBrain("gpt-4.1-mini", timeout=2).extract("x", {})


def advisor_with(catalog, tmp_path, llm):
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, llm_extract=llm)
    return Advisor(tools, tmp_path / "s.sqlite")


def test_llm_fields_drive_the_turn(catalog, tmp_path):
    # $8,000 a month: at 1M requests a day the cheapest classifier costs ~$2,500 (an $800 budget fits none).
    reply = json.dumps({"task": "classification", "requests_per_day": 1_000_000, "budget_usd_month": 8_000,
                        "max_ttft_ms": 1000, "privacy": "none"})  # fmt: skip
    advisor = advisor_with(catalog, tmp_path, brain(reply).extract)
    result = advisor.turn("we sort a lot of tickets")
    assert result.as_json()["requirements"]["task"] == "classification"
    assert result.state.ranking and "My pick" in result.answer


def test_llm_failure_falls_back_offline_and_says_so_once(catalog, tmp_path):
    advisor = advisor_with(catalog, tmp_path, brain("litellm.RateLimitError").extract)
    first = advisor.turn("customer support chatbot, 50k chats a day, budget $1,000/month, not sensitive")
    assert "offline advisor" in first.answer
    assert first.as_json()["requirements"]["task"] == "chat"  # the rules still understood it
    second = advisor.turn("actually the budget is 5k", first.session)
    assert "offline advisor" not in second.answer


@pytest.mark.parametrize(
    ("reply", "field"),
    [
        ('{"budget_usd_month": NaN}', "budget_usd_month"),
        ('{"budget_usd_month": 1e400}', "budget_usd_month"),
        ('{"requests_per_day": -5}', "requests_per_day"),
        ('{"min_context": 1e23}', "min_context"),
        ('{"min_context": 100000000000000000000000}', "min_context"),
        ('{"regions": ["\\u001b[31mmars"]}', "regions"),
        ('{"languages": ["german\\u202e"]}', "languages"),
        ('{"size_notes": {"documents": "40 pages\\u0007"}}', "size_notes"),
        ('{"size_notes": {"evil\\u001b]0;x": "note"}}', "size_notes"),
    ],
)
def test_the_brain_is_validated_like_user_input(reply, field):
    with pytest.raises(LLMUnavailable, match=f"invalid value for {field}"):
        brain(reply).extract("x", {})


def test_a_hostile_brain_value_falls_back_to_the_offline_turn(catalog, tmp_path):
    advisor = advisor_with(catalog, tmp_path, brain('{"min_context": 1e23, "task": "chat"}').extract)
    result = advisor.turn("a support chatbot with 50k chats a day")
    assert "offline advisor" in result.answer and result.state.requirements["requests_per_day"] == 50_000


def test_a_hanging_endpoint_meets_the_deadline_and_the_offline_turn_answers(catalog, tmp_path):
    import socket
    import time

    from agent.advisor.llm import DEADLINE_S

    assert DEADLINE_S <= 10
    hanging = socket.socket()
    hanging.bind(("127.0.0.1", 0))
    hanging.listen()  # accepts connections, never answers
    try:
        url = f"http://127.0.0.1:{hanging.getsockname()[1]}/v1"
        llm = LLMBrain("openai/hangs", api_base=url, timeout=1.5)
        advisor = advisor_with(catalog, tmp_path, llm.extract)
        started = time.monotonic()
        result = advisor.turn("a support chatbot with 50k chats a day")
        assert time.monotonic() - started < 4
        assert "did not answer within 1.5 s" in result.answer or "failed" in result.answer
        assert result.state.requirements["requests_per_day"] == 50_000
    finally:
        hanging.close()
