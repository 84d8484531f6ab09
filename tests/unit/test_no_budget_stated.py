"""With no budget stated, no cost is shown "within budget": the claim would rest on nothing. With one,
each cost says which side of it it falls."""

from __future__ import annotations

from agent.advisor.state import AdvisorState, ChatMessage
from agent.advisor.view import shortlist_rows
from agent.record.decision import build_record
from agent.record.markdown import render_markdown
from tests.conftest import TODAY


def test_a_shortlist_without_a_budget_claims_none(advisor):
    answer = advisor.turn("Code review bot, 500 PRs a day, ~2,000 tokens each, nothing sensitive", None).answer
    shortlist = answer.split("**My pick")[0]
    assert "/month" in shortlist and "budget" not in shortlist


def test_a_shortlist_with_a_budget_says_which_side_each_cost_falls(advisor):
    answer = advisor.turn("Code review bot, 500 PRs a day, ~2,000 tokens each, nothing sensitive, $50 a month", None)
    lines = [line for line in answer.answer.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert lines and all("(within budget)" in line or "(over budget)" in line for line in lines), answer.answer


def test_the_rows_a_front_end_shows_know_no_budget_from_a_budget_met():
    ranked = [{"model": "openai/m", "score": 80.0, "monthly_cost_usd": 10.0, "within_budget": True}]
    assert shortlist_rows({"ranked": ranked, "eliminated": [], "fallback": None, "warnings": [],
                           "requirements": {"task": "chat"}})[0].within_budget is None  # fmt: skip
    assert shortlist_rows({"ranked": ranked, "eliminated": [], "fallback": None, "warnings": [],
                           "requirements": {"budget_usd_month": 20.0}})[0].within_budget is True  # fmt: skip


def test_the_record_says_no_budget_was_set(catalog):
    state = AdvisorState(messages=[ChatMessage(role="user", content="chat bot, 5k a day")],
                         requirements={"task": "chat", "requests_per_day": 5_000})  # fmt: skip
    options = render_markdown(build_record(state, catalog, TODAY)).split("## Considered options")[1].split("\n\n")[0]
    rows = [line for line in options.splitlines() if line.startswith("| 1 ")]
    assert rows and "| no budget set |" in rows[0]

