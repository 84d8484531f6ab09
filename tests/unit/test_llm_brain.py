"""The LLM brain through LiteLLM: exact extraction with mock_response, and falling back offline."""

from __future__ import annotations

import functools
import json

import pytest

from agent.advisor.llm import LLMBrain, LLMUnavailable
from agent.advisor.llm_write import write_answer
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


# --- the brain writes the answer --------------------------------------------------------------------

FACTS = {"shortlist": [{"model": "gpt-4.1-mini", "monthly_cost_usd": 1020.0, "ttft_ms": 400.0}]}
DRAFT = "**gpt-4.1-mini**: $1,020/month, TTFT 400 ms [course/3.3]"


def test_the_written_answer_streams_in_pieces_with_the_tools_figures():
    reply = "Pick gpt-4.1-mini: $1,020/month, first words in 400 ms [course/3.3]."
    pieces = list(write_answer(brain(reply), "which model?", FACTS, DRAFT))
    assert len(pieces) > 5 and "".join(pieces) == reply


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        ("It costs $900/month.", r"figure the tools did not compute \(900\)"),
        ("Only $3 a month!", r"figure the tools did not compute \(3\)"),
        ("It saves 7% a month.", r"figure the tools did not compute \(7\)"),
        ("Pick it \x1b[2J now", "control characters"),
        ("right-to-left \u202e trick", "control characters"),
        ("word " * 1_000, "ran past 4,000 characters"),
        ("  \n ", "empty answer"),
        ("litellm.RateLimitError", "RateLimitError"),
    ],
    ids=["invented-cost", "invented-price", "invented-share", "escape", "bidi", "too-long", "empty", "rate-limit"],
)
def test_a_written_answer_that_is_not_the_tools_is_refused(reply, message):
    with pytest.raises(LLMUnavailable, match=message):
        list(write_answer(brain(reply), "which model?", FACTS, DRAFT))


def test_a_figure_is_held_back_until_it_is_complete():
    from agent.advisor.llm_write import AnswerCheck, figures

    check = AnswerCheck(figures(DRAFT))
    assert check.feed("costs $1") == "costs $"  # "1" may still become "1,020"
    assert check.feed(",0") == ""
    assert check.feed("20/month") == "1,020/month"
    with pytest.raises(LLMUnavailable):
        check.feed(" or $1,021 ")


def writer_advisor(catalog, tmp_path, reply):
    tools = AdvisorTools(
        catalog=catalog, today=TODAY, terms=terms, llm_write=functools.partial(write_answer, brain(reply))
    )
    return Advisor(tools, tmp_path / "w.sqlite")


SUPPORT = "customer support chatbot, 50k chats a day, budget $1,000/month, not sensitive, answers within 2 seconds"


def test_the_written_answer_streams_through_the_graph_and_is_kept(catalog, tmp_path):
    advisor = writer_advisor(catalog, tmp_path, "For 50,000 chats a day, take the first pick of the shortlist.")
    chunks: list[str] = []
    try:
        result = advisor.turn(SUPPORT, None, chunks.append)
        assert result.answer == "For 50,000 chats a day, take the first pick of the shortlist."
        assert len(chunks) > 5 and "".join(chunks) == result.answer
        assert result.state.messages[-1].content == result.answer and result.state.ranking  # the numbers stay
    finally:
        advisor.close()


def test_an_invented_figure_falls_back_to_the_offline_answer_and_says_so_once(catalog, tmp_path):
    advisor = writer_advisor(catalog, tmp_path, "The best pick costs $12 a month.")
    chunks: list[str] = []
    try:
        first = advisor.turn(SUPPORT, None, chunks.append)
        assert "did not compute (12)" in first.answer and "offline advisor" in first.answer
        assert "withdrawn" in first.answer  # "The best pick costs $" was already on screen
        assert "My pick" in first.answer and first.answer.endswith(first.state.messages[-1].content.split("\n")[-1])
        assert "".join(chunks).endswith(first.answer)
        second = advisor.turn("actually the budget is 5k", first.session)
        assert "offline advisor" not in second.answer and "My pick" in second.answer
    finally:
        advisor.close()
