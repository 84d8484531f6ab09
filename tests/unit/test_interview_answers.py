"""Interview answers as people type them, found by a stranger's use on 2026-12-04: a bare figure to the
volume question, a choice by number with words after it, a figure that cannot be used, money in euros."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract

SHOP = "support chatbot for our shop"


def _asked_volume(advisor):
    first = advisor.turn(SHOP, None)
    assert first.as_json()["question"]["field"] == "requests_per_day"
    return first


@pytest.mark.parametrize(("reply", "per_day"), [("2500", 2500), ("maybe 2-3k?", 2500), ("~4k", 4000),
                                                ("1,200", 1200), ("about 5k", 5000)])
def test_a_bare_figure_answers_the_volume_question(knowing_advisor, reply, per_day):
    first = _asked_volume(knowing_advisor)
    after = knowing_advisor.turn(reply, first.session)
    assert after.as_json()["requirements"]["requests_per_day"] == per_day
    assert "assumed" not in after.answer and after.as_json()["question"]["field"] != "requests_per_day"


@pytest.mark.parametrize("reply", ["-500", "99999999999999"])
def test_a_figure_that_cannot_be_used_is_said_back_and_the_question_stays(knowing_advisor, reply):
    first = _asked_volume(knowing_advisor)
    after = knowing_advisor.turn(reply, first.session)
    assert "I can't use requests/day" in after.answer and "I assumed" not in after.answer
    assert after.as_json()["question"]["field"] == "requests_per_day"
    assert "requests_per_day" not in after.as_json()["requirements"]


def test_a_choice_by_number_with_words_after_it_is_the_choice_and_the_words_are_read(knowing_advisor):
    result = knowing_advisor.turn("Legal contract analysis tool, 400 contracts a day", None)
    while result.as_json()["question"]["field"] != "privacy":
        result = knowing_advisor.turn("skip", result.session)
    choices = result.state.next_question.choices
    eu = next(i for i, c in enumerate(choices, 1) if str(c.value).endswith(":eu"))
    after = knowing_advisor.turn(f"{eu}, we're in Germany. Answers must stream within 2 seconds", result.session)
    requirements = after.as_json()["requirements"]
    assert requirements["privacy"] == "region-locked" and requirements["regions"] == ["eu"]
    assert requirements["max_ttft_ms"] == 2000 or requirements.get("max_response_ms") == 2000
    assert "could not read" not in after.answer


@pytest.mark.parametrize(("reply", "per_day"), [("2,000 a day", 2000), ("1.5k", 1500)])
def test_a_figure_with_a_comma_or_point_is_no_choice_by_number(knowing_advisor, reply, per_day):
    first = _asked_volume(knowing_advisor)  # choice 2 is 10,000 a day, choice 1 is 1,000
    assert knowing_advisor.turn(reply, first.session).as_json()["requirements"]["requests_per_day"] == per_day


def test_a_budget_in_euros_is_said_to_be_read_at_par_in_the_chat(knowing_advisor):
    result = knowing_advisor.turn("support chatbot, 2k chats a day, budget is €300/month", None)
    assert "I read €300/month as $300 a month" in result.answer
    assert result.as_json()["requirements"]["budget_usd_month"] == 300


@pytest.mark.parametrize("text", ["we're a dev-tools startup building a code review bot",
                                  "our internal tools team wants a chatbot", "we build developer tools"])
def test_tools_the_company_makes_or_a_team_named_after_them_are_no_tool_calls(text):
    assert "tools" not in extract(text).fields.get("needs", [])


@pytest.mark.parametrize("text", ["it must call our tools via function calling",
                                  "an agent that uses internal tools like Jira"])
def test_tools_the_model_calls_are_still_a_need(text):
    assert "tools" in extract(text).fields["needs"]


def test_a_choice_label_then_a_remark_is_that_choice_and_the_remark_sets_no_priority(knowing_advisor):
    result = knowing_advisor.turn("support chatbot for our shop, 3k chats a day", None)
    assert result.as_json()["question"]["field"] == "budget_usd_month"
    after = knowing_advisor.turn("no fixed budget really, but cheap is nice", result.session)
    assert after.as_json()["question"]["field"] != "budget_usd_month" and "could not read" not in after.answer
    assert "priorities" not in after.as_json()["requirements"]


@pytest.mark.parametrize("text", ["cheap is nice", "cheap would be a bonus"])
def test_cheap_wished_for_is_no_cost_first_priority(text):
    assert "priority" not in extract(text).fields


@pytest.mark.parametrize("text", ["as cheap as possible", "cheapest thing that works"])
def test_cheap_asked_for_is_cost_first(text):
    assert extract(text).fields["priority"] == "cost"


@pytest.mark.parametrize("reply", ["option 3", "3, and it must be in the EU"])
def test_a_choice_by_number_with_words_is_recorded_as_answered_not_skipped(knowing_advisor, reply):
    from agent.record.conversation import summarise

    result = knowing_advisor.turn("Legal contract analysis tool, 400 contracts a day", None)
    while result.as_json()["question"]["field"] != "privacy":
        result = knowing_advisor.turn("skip", result.session)
    after = knowing_advisor.turn(reply, result.session)
    answered = [a for a in summarise(after.state.messages).answers if a.field == "privacy"]
    assert answered and not answered[-1].skipped


@pytest.mark.parametrize(("reply", "budget"), [("2-3k", 2500), ("two grand", 2000), ("900 a month", 900)])
def test_a_budget_answer_reads_as_a_stated_budget_does(reply, budget):
    from agent.advisor.answer_reading import read_as_answer

    assert read_as_answer("budget_usd_month", reply).fields["budget_usd_month"] == budget  # "2-3k" read $3,000


@pytest.mark.parametrize(("question", "model"), [("is Claude better?", "Claude"),
                                                 ("would gemini flash be better for this?", "gemini flash")])
def test_is_a_model_better_is_judged_against_the_pick(question, model):
    from agent.advisor.intents import classify

    assert classify(question).kind == "judge" and classify(question).subject == [model]


def _asked(advisor, field, opening="support chatbot for our shop, 2k chats a day, $400 a month"):
    turn = advisor.turn(opening, None)
    while turn.as_json()["question"] and turn.as_json()["question"]["field"] != field:
        turn = advisor.turn("skip", turn.session)
    assert turn.as_json()["question"]["field"] == field
    return turn


@pytest.mark.parametrize("reply", ["whatever's cheapest honestly", "no idea - the cheapest that works"])
def test_a_declined_question_keeps_what_else_the_reply_says(knowing_advisor, reply):
    first = _asked(knowing_advisor, "budget_usd_month", "support chatbot for our shop, 2k chats a day")
    after = knowing_advisor.turn(reply, first.session)
    assert "Skipped" in after.answer and "cost first" in after.answer
    assert after.as_json()["requirements"]["priorities"]["cost"] > 0.5


def test_a_declined_question_answered_all_the_same_is_read_as_the_answer(knowing_advisor):
    first = _asked(knowing_advisor, "privacy")
    after = knowing_advisor.turn("not sure, but the data has to stay in the EU", first.session)
    requirements = after.as_json()["requirements"]
    assert requirements["privacy"] == "region-locked" and requirements["regions"] == ["eu"]
    assert "Skipped" not in after.answer


@pytest.mark.parametrize("reply", ["200-300 a month", "three to five hundred a month"])
def test_a_budget_range_answers_the_budget_and_leaves_the_volume(knowing_advisor, reply):
    first = knowing_advisor.turn("support chatbot for our shop, 2k chats a day", None)
    assert first.as_json()["question"]["field"] == "budget_usd_month"
    requirements = knowing_advisor.turn(reply, first.session).as_json()["requirements"]
    assert requirements["requests_per_day"] == 2000 and requirements["budget_usd_month"] in (250, 400)
