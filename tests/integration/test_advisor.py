"""The offline advisor end to end: interview scripts, changes of mind, sessions and crash-resume."""

from __future__ import annotations

import functools
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent.advisor.llm import LLMUnavailable
from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor, SessionNotFound
from knowledge.base import KnowledgeBase
from knowledge.lexical import terms
from tests.conftest import TODAY

SCRIPTS = [
    json.loads(line) for line in (Path(__file__).parents[1] / "data" / "conversations.jsonl").read_text().splitlines()
]


@pytest.fixture(scope="module")
def knowledge(tmp_path_factory):
    return KnowledgeBase(tmp_path_factory.mktemp("index"))  # BM25 over the course; no model needed


@pytest.fixture
def advisor(catalog, knowledge, tmp_path):
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms,
                         search=lambda query, k: knowledge.search(query, k=k))  # fmt: skip
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


def converse(advisor, turns):
    session = None
    result = None
    for text in turns:
        result = advisor.turn(text, session)
        session = result.session
    return result


def test_there_are_at_least_ten_scripts():
    assert len(SCRIPTS) >= 10


@pytest.mark.parametrize("script", SCRIPTS, ids=[s["name"] for s in SCRIPTS])
def test_script_ends_in_a_recommendation(advisor, catalog, script):
    result = converse(advisor, script["turns"])
    payload = result.as_json()
    expect = dict(script["expect"])
    assert payload["ranked"], result.answer
    assert expect.pop("ranked")
    assert "My pick" in result.answer and payload["citations"]
    for key, value in expect.items():
        ranked = [catalog.get(r["model"]) for r in payload["ranked"]]
        if key == "all_ttft_below":
            assert all(r["ttft_ms"] <= value for r in payload["ranked"])
        elif key == "all_provider_in":
            assert {r["provider"] for r in payload["ranked"]} <= set(value)
        elif key == "top_tier_in":
            assert payload["ranked"][0]["tier"] in value
        elif key == "all_capability":
            assert all(value in r["capabilities"] for r in payload["ranked"])
        elif key == "all_hipaa":
            assert all(catalog.policy_for(e.provider).hipaa_baa for e in ranked)
        elif key == "all_region":
            assert all(value in (e.regions or catalog.policy_for(e.provider).regions) for e in ranked)
        elif isinstance(value, list):
            assert sorted(payload["requirements"][key]) == sorted(value)
        else:
            assert payload["requirements"][key] == pytest.approx(value)


INTERVIEWS = [
    json.loads(line)
    for line in (Path(__file__).parents[1] / "data" / "conversations_interview.jsonl").read_text().splitlines()
]


@pytest.mark.parametrize("script", INTERVIEWS, ids=[s["name"] for s in INTERVIEWS])
def test_interviews_with_questions_changes_of_mind_and_skips(advisor, script):
    """Side questions (turn numbers in "questions") change no requirement and keep the interview's
    question; the conversation still ends with what was said."""
    result = None
    for index, text in enumerate(script["turns"]):
        before = result.state if result else None
        result = advisor.turn(text, result.session if result else None)
        if index in script["questions"]:
            assert result.state.requirements == before.requirements, text
            assert result.state.history == before.history, text
            pending = before.next_question
            assert result.state.next_question == pending, text
            if pending is not None:
                assert f"Back to my question:\n**{pending.text}**" in result.answer
    requirements = result.state.requirements
    for field, value in script["expect"].items():
        assert requirements.get(field) == (sorted(value) if isinstance(value, list) else value), field
    assert not set(script.get("absent", [])) & set(requirements)
    assert bool(result.state.ranking) == script["ranked"] and result.state.next_question is None


def recommended(advisor, text="customer support chatbot, 50k chats a day, budget $1,000/month, not sensitive, "
                               "answers within 2 seconds"):  # fmt: skip
    result = advisor.turn(text)
    if result.state.next_question is not None:
        result = advisor.turn("just recommend", result.session)
    assert result.state.ranking, result.answer
    return result


def test_budget_change_reranks_and_says_what_moved(advisor):
    first = recommended(advisor)
    second = advisor.turn("actually the budget is 5k", first.session)
    assert second.as_json()["requirements"]["budget_usd_month"] == 5000
    assert "budget $5,000/month" in second.answer
    assert "Since last time" in second.answer


def test_what_if_shows_a_new_ranking_without_committing_it(advisor):
    first = recommended(advisor)
    result = advisor.turn("what if volume grows 10x", first.session)
    assert "500,000 requests/day" in result.answer
    assert result.as_json()["requirements"]["requests_per_day"] == 50_000
    assert result.state.ranking == first.state.ranking


def test_dropping_privacy_removes_it_and_reranks(advisor):
    first = advisor.turn("legal document analysis, 2k a day, nothing may leave our data center, skip questions")
    first = advisor.turn("just recommend", first.session) if first.state.next_question else first
    assert all(r["provider"] == "self-hosted" for r in first.as_json()["ranked"])
    dropped = advisor.turn("drop the privacy requirement", first.session)
    assert "privacy" not in dropped.as_json()["requirements"]
    assert any(r["provider"] != "self-hosted" for r in dropped.as_json()["ranked"])


def test_why_not_claude_explains_with_numbers(advisor):
    first = recommended(advisor)
    result = advisor.turn("why not Claude?", first.session)
    assert "claude" in result.answer.lower()
    assert "$" in result.answer or "eliminated" in result.answer
    assert result.state.ranking == first.state.ranking


def test_compare_two_models_side_by_side(advisor):
    first = recommended(advisor)
    result = advisor.turn("compare gpt-4.1 and gemini flash", first.session)
    assert "| model | gpt-4.1 | gemini/gemini-2.5-flash |" in result.answer
    assert "$/month" in result.answer


def test_a_knowledge_question_answers_from_the_course_and_leaves_the_ranking(advisor):
    first = recommended(advisor)
    result = advisor.turn("what is TTFT?", first.session)
    assert "[course/3.3]" in result.answer or "[guide/latency-requirements]" in result.answer
    assert {c["id"] for c in result.as_json()["citations"]} & {"course/3.3", "guide/latency-requirements"}
    assert result.state.ranking == first.state.ranking


def test_the_interview_offers_choices_and_stops_when_useful(advisor):
    result = advisor.turn("We need a customer support chatbot")
    question = result.as_json()["question"]
    assert question["field"] == "requests_per_day" and len(question["choices"]) >= 3
    asked = 1
    while result.state.next_question is not None:
        result = advisor.turn("skip", result.session)
        asked += 1
    assert asked <= 4 and result.state.ranking


def test_sessions_are_listed_and_an_unknown_one_is_refused(advisor):
    first = advisor.turn("coding assistant")
    assert first.session in [s.id for s in advisor.sessions()]
    with pytest.raises(SessionNotFound):
        advisor.turn("hi", "no-such-session")


def test_pasted_megabytes_are_refused_with_a_clear_message(advisor):
    with pytest.raises(ValueError, match="keep it under"):
        advisor.turn("x" * 1_000_000)


SLOW_TURN = """
import sys, time
from pathlib import Path
from agent.advisor.sessions import Advisor
from agent.advisor.llm import LLMUnavailable
from agent.advisor.nodes import AdvisorTools
from catalog.sources import load_catalog
from knowledge.lexical import terms
import datetime as dt

def slow_search(query, k):
    print("SEARCHING", flush=True)
    time.sleep(60)

tools = AdvisorTools(catalog=load_catalog(), today=dt.date(2026, 11, 22), terms=terms, search=slow_search)
advisor = Advisor(tools, Path(sys.argv[1]))
first = advisor.turn("customer support chatbot, 50k chats a day")
print("SESSION", first.session, flush=True)
advisor.turn("what is time to first token?", first.session)
"""


def test_a_turn_killed_mid_answer_resumes_on_reopen(catalog, knowledge, tmp_path):
    db = tmp_path / "sessions.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_TURN, str(db)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ})  # fmt: skip
    session = None
    deadline = time.monotonic() + 60
    for line in proc.stdout:
        if line.startswith("SESSION"):
            session = line.split()[1]
        if line.startswith("SEARCHING"):
            break
        assert time.monotonic() < deadline
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert session is not None

    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    advisor = Advisor(tools, db)
    before = advisor.state(session)
    assert before.last_user_message() == "what is time to first token?"  # nothing typed was lost
    assert advisor.finish_interrupted_turn(session)
    after = advisor.state(session)
    answer, question = after.messages[-2:]  # the answer, then the interview question still open
    assert answer.role == "assistant" and "[course/3.3]" in answer.content
    assert after.next_question is not None and after.next_question.text in question.content
    advisor.close()
    assert sqlite3.connect(db).execute("SELECT count(*) FROM tradeoff_sessions").fetchone()[0] == 1


def test_blind_votes_are_kept_with_the_session(advisor):
    first = advisor.turn("coding assistant")
    vote = {"models": ["a", "b"], "winner": "a", "vote": "A", "labels": {"a": "A", "b": "B"}}
    advisor.record_vote(first.session, vote)
    advisor.record_vote(first.session, {**vote, "winner": None, "vote": "tie"})
    assert [v["vote"] for v in advisor.state(first.session).votes] == ["A", "tie"]


def test_trial_runs_are_on_disk_at_once_and_a_later_turn_does_not_write_over_them(advisor, catalog, knowledge,
                                                                                   tmp_path):  # fmt: skip
    first = advisor.turn("coding assistant")
    advisor.record_trial(first.session, [{"model": "a", "run": 1, "ttft_ms": 12.5}])
    advisor.record_vote(first.session, {"models": ["a", "b"], "winner": "a", "vote": "A"})
    advisor.record_trial(first.session, [{"model": "b", "run": 1, "error": "server error (500)"}])
    advisor.turn("5k requests a day", first.session)  # a turn writes the graph's state afresh
    state = advisor.state(first.session)
    assert [(run["model"], run["run"]) for run in state.trials] == [("a", 1), ("b", 1)]
    assert [vote["winner"] for vote in state.votes] == ["a"]
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms, search=lambda q, k: knowledge.search(q, k=k))
    other = Advisor(tools, tmp_path / "sessions.sqlite")  # another reader sees it: committed, not cached
    try:
        assert other.state(first.session).trials == state.trials
    finally:
        other.close()


# --- the advisor model writing the answer: a fault server for faults, llama.cpp for the real thing ----

SUPPORT = "customer support chatbot, 50k chats a day, budget $1,000/month, not sensitive, answers within 2 seconds"


@pytest.fixture(scope="module")
def faults():
    from tests import fault_server

    server, url = fault_server.start()
    from agent.advisor.llm import LLMBrain
    from agent.advisor.llm_write import write_answer

    list(write_answer(LLMBrain("openai/warm-up", api_base=url), "q", {}, "d"))  # LiteLLM's first call loads the SDK
    yield url
    server.shutdown()


def writing_advisor(catalog, path, model, api_base, timeout=10.0):
    from agent.advisor.llm import LLMBrain
    from agent.advisor.llm_write import write_answer

    brain = LLMBrain(model, api_base=api_base, timeout=timeout)
    write = functools.partial(write_answer, brain)
    return Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms, llm_write=write), path)


def test_the_model_streams_its_answer_token_by_token(catalog, tmp_path, faults):
    advisor = writing_advisor(catalog, tmp_path / "s.sqlite", "openai/words", faults)
    chunks: list[str] = []
    try:
        result = advisor.turn(SUPPORT, None, chunks.append)
    finally:
        advisor.close()
    assert chunks == ["alpha ", "beta ", "gamma ", "delta ", "epsilon "]  # each token as it came
    assert result.answer == "alpha beta gamma delta epsilon " and result.state.ranking


@pytest.mark.parametrize(
    ("model", "reason"),
    [("openai/escapes", "control characters"), ("openai/server-error", "failed"),
     ("openai/flood", "ran past 4,000 characters")],
)  # fmt: skip
def test_a_failing_model_leaves_the_offline_answer_and_says_so(catalog, tmp_path, faults, model, reason):
    advisor = writing_advisor(catalog, tmp_path / "s.sqlite", model, faults)
    chunks: list[str] = []
    try:
        result = advisor.turn(SUPPORT, None, chunks.append)
    finally:
        advisor.close()
    assert "My pick" in result.answer and reason in result.answer and "offline advisor" in result.answer
    assert not any(ch in "".join(chunks) for ch in "\x1b\x07\u202e")  # nothing unchecked reached the screen


def test_a_model_that_stalls_meets_the_deadline(catalog, tmp_path, faults):
    advisor = writing_advisor(catalog, tmp_path / "s.sqlite", "openai/slow", faults, timeout=1.5)
    try:
        started = time.monotonic()
        result = advisor.turn(SUPPORT)
        assert time.monotonic() - started < 4.5  # the server sleeps 5 s before its first token
    finally:
        advisor.close()
    assert "My pick" in result.answer and "offline advisor" in result.answer


@pytest.fixture(scope="module")
def local_model(tmp_path_factory):
    from agent.trials.local_servers import start_server
    from tests.integration.test_trials_local import free_port_pair

    local = start_server(tmp_path_factory.mktemp("local"), free_port_pair(), wait_seconds=120, aliases=["smollm2-135m"])
    yield local
    local.stop()


def test_a_real_local_model_writes_the_answer_or_the_offline_one_stands(catalog, tmp_path, local_model):
    from agent.advisor.llm_write import AnswerCheck, figures
    from agent.advisor.writer import facts

    base = local_model.api_base("smollm2-135m")
    advisor = writing_advisor(catalog, tmp_path / "s.sqlite", "openai/smollm2-135m", base)
    chunks: list[str] = []
    try:
        offline = Advisor(AdvisorTools(catalog=catalog, today=TODAY, terms=terms), tmp_path / "offline.sqlite")
        draft = offline.turn(SUPPORT).answer
        offline.close()
        result = advisor.turn(SUPPORT, None, chunks.append)
    finally:
        advisor.close()
    assert len(chunks) > 3 and result.state.ranking
    if "offline advisor" in result.answer:
        assert result.answer.endswith(draft)
    else:  # what it wrote holds only figures the tools computed
        check = AnswerCheck(figures(f"{SUPPORT}\n{facts(result.state)}\n{draft}"))
        assert check.feed(result.answer) + check.finish() == result.answer == "".join(chunks)


def test_a_real_local_model_streams_tokens_and_shows_no_figure_the_tools_did_not_give(local_model):
    """SmolLM2 at 135M parameters invents freely: whatever it writes, each piece reaches the screen
    as a token arrives, and a figure not in the facts stops it before it is shown."""
    from agent.advisor.llm import LLMBrain
    from agent.advisor.llm_write import figures, write_answer

    brain = LLMBrain("openai/smollm2-135m", api_base=local_model.api_base("smollm2-135m"))
    facts = {"shortlist": [{"model": "gpt-4.1-mini", "monthly_cost_usd": 1020}]}
    draft = "**gpt-4.1-mini**: $1,020/month"
    pieces, error = [], None
    try:
        for piece in write_answer(brain, "Which model should we use?", facts, draft):
            pieces.append(piece)
    except LLMUnavailable as exc:
        error = str(exc)
    assert len(pieces) > 3 or error is not None
    known = figures(f"Which model should we use?\n{facts}\n{draft}")
    shown = [float(f.replace(",", "")) for f in re.findall(r"\d[\d,]*(?:\.\d+)?", "".join(pieces))]
    assert all(value <= 10 or value in known for value in shown), (pieces, error)
