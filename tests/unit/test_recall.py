"""Questions about the session's own requirements are answered from them, with where each came from and
how to change it; they change nothing (a stranger asked "what is the budget you have for me?" and got
"the course has no one-line definition of 'budget you have'")."""

from __future__ import annotations

import pytest

from agent.advisor.intents import classify

JOB = "we're a dev shop, support bot that calls our order API, 2k chats a day, budget is €300/month"


@pytest.mark.parametrize(
    ("question", "field"),
    [
        ("what is the budget you have for me?", "budget_usd_month"),
        ("what's the volume you're using?", "requests_per_day"),
        ("why did you add tools? I never said that", "needs"),
        ("what needs do you have for me?", "needs"),
        ("which regions do you have for us?", "regions"),
        ("what latency did you assume?", "max_ttft_ms"),
    ],
)
def test_a_question_about_a_requirement_of_this_session_is_recall(question, field):
    intent = classify(question)
    assert intent.kind == "recall" and intent.subject == [field]


@pytest.mark.parametrize("question", ["what is TTFT?", "what is a good budget for a chatbot?", "why not GPT-4o?"])
def test_other_questions_are_not_recall(question):
    assert classify(question).kind != "recall"


def test_recall_answers_with_the_value_its_words_and_how_to_change_it(knowing_advisor):
    first = knowing_advisor.turn(JOB, None)
    budget = knowing_advisor.turn("what is the budget you have for me?", first.session)
    assert "Monthly budget: **$300/month**" in budget.answer and "message 1" in budget.answer
    assert budget.as_json()["requirements"] == first.as_json()["requirements"]
    assert "Back to my question" in budget.answer  # the interview question still waits
    why = knowing_advisor.turn("why did you add tools? I never said that", first.session)
    assert "**tools**" in why.answer and "calls our order API" in why.answer and 'Say "drop tools"' in why.answer
    unset = knowing_advisor.turn("what latency did you assume?", first.session)
    assert "No time-to-first-token limit is set" in unset.answer


def test_the_movement_line_names_models_as_the_list_shows_them():
    from agent.advisor.answers import movement

    before = [("deepseek-v4-flash", "deepseek/deepseek-v4-flash"), ("claude-sonnet-4-6", "claude-sonnet-4-6")]
    now = [("claude-sonnet-4-6", "claude-sonnet-4-6"), ("deepseek-v4-flash", "azure_ai/deepseek-v4-flash")]
    line = movement(before, now)
    assert "azure_ai/deepseek-v4-flash moved #1 → #2" in line and "deepseek/deepseek" not in line
    assert movement(before, before) == "The top of the shortlist did not change."


@pytest.mark.parametrize(
    ("question", "field"),
    [("what volume are you assuming?", "requests_per_day"), ("where did the 500 budget come from?", "budget_usd_month"),
     ("what's my budget?", "budget_usd_month"), ("what budget are you assuming?", "budget_usd_month"),
     ("why is tools required?", "needs"), ("what do you think I need?", "all"),
     ("what are my requirements so far?", "all")],
)
def test_recall_in_other_words(question, field):
    intent = classify(question)
    assert intent.kind == "recall" and intent.subject == [field]


def test_everything_so_far_marks_what_was_inferred(knowing_advisor):
    first = knowing_advisor.turn(JOB, None)
    held = knowing_advisor.turn("what are my requirements so far?", first.session)
    assert held.answer.startswith("So far: ") and "2,000 requests/day" in held.answer
    assert held.as_json()["requirements"] == first.as_json()["requirements"]
