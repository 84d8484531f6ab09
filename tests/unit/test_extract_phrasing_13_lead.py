"""Classes of phrasing from set 31's misses (read late on 2026-12-04, a development set from then) that
the lead wrote rules for, each on variants of our own with near-misses; the helpers' classes are in the
other test_extract_phrasing_13_*.py files."""

from __future__ import annotations

import pytest

from agent.advisor.rules.extract import extract


def _fields(text: str) -> dict:
    return extract(text).fields


@pytest.mark.parametrize(
    ("text", "per_day"),
    [
        ("Roughly 2 million comments per day; we can pay at most $0.0002 a comment.", 2_000_000),
        ("about 40k listings a day, and we budget 0.01 cents a listing", 40_000),
        ("5 thousand reviews per day at under $0.001 a review", 5_000),
    ],
)
def test_a_price_per_item_is_no_count_per_occasion(text, per_day):
    assert _fields(text)["requests_per_day"] == pytest.approx(per_day, rel=0.01)


def test_a_rare_occasion_still_multiplies_its_count():
    fields = _fields("about 3,000 questions per consultation and there's about one consultation a month")
    assert fields["requests_per_day"] == pytest.approx(100, rel=0.01)


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Small charity (12 staff, $900k annual budget). For this we could do maybe $80/month.", 80),
        ("We're a school district (3,000 employees; $40M operating budget) and can put $500 a month into this.", 500),
        ("Community group of 25 volunteers, $60k yearly budget. Chatbot spend: $30 a month tops.", 30),
    ],
)
def test_the_organisations_whole_budget_beside_its_headcount_is_no_project_budget(text, budget):
    assert _fields(text)["budget_usd_month"] == budget


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        ("Team of 5, $60k annual budget for the model API.", 5000),
        ("Our annual budget is $24k.", 2000),
        ("We're 40 people; the annual budget for this assistant is $12k", 1000),
    ],
)
def test_an_annual_budget_for_the_project_is_still_read(text, budget):
    assert _fields(text)["budget_usd_month"] == pytest.approx(budget, rel=0.01)


@pytest.mark.parametrize(("text", "per_day"), [("5 trillion requests a day", 5e12), ("a trillion calls a day", 1e12)])
def test_a_trillion_is_read_whole_so_the_bound_can_refuse_it(text, per_day):
    assert _fields(text)["requests_per_day"] == per_day


@pytest.mark.parametrize(("said", "why"), [("chatbot, 5 trillion requests a day", "at most 10,000,000,000"),
                                           ("chatbot, 0 requests a day", "must be above 0")])  # fmt: skip
def test_the_advisor_refuses_a_volume_out_of_range_aloud(knowing_advisor, said, why):
    turn = knowing_advisor.turn(said, None)
    assert "I can't use requests/day" in turn.answer and why in turn.answer
    assert "requests_per_day" not in turn.as_json()["requirements"]


def test_the_cli_refuses_zero_requests_a_day():
    from tests.cli_inprocess import run_cli

    ran = run_cli("recommend", "--requests-per-day", "0")
    assert ran.returncode == 2 and "above 0" in ran.stderr


def test_a_number_word_elsewhere_leaves_the_evidence_figures_whole():
    found = extract("We have two teams; together about 2k tickets a day")
    assert found.fields["requests_per_day"] == 2000 and "2k tickets a day" in found.evidence["requests_per_day"]
