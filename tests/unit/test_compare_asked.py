"""A comparison answers the criterion the question asks first ("is gemini cheaper than claude?" opens with
the two bills), and a family name means the family's best-ranked model for this user."""

from __future__ import annotations

import pytest

from agent.advisor.intents import classify
from agent.advisor.verdict import compare
from catalog.display import milliseconds, money
from catalog.requirements import Requirements
from catalog.scoring import rank
from tests.conftest import TODAY

WORK = {"task": "summarization", "requests_per_day": 4_000, "input_tokens": 1_040, "output_tokens": 130}


@pytest.fixture(scope="module")
def ranking(catalog):
    return rank(catalog, Requirements(**WORK), TODAY)


def _best(ranking, word):
    return next(item for item in ranking.ranked if word in item.model)


def test_a_family_name_means_its_best_ranked_model(catalog, ranking):
    answer = compare(["gemini", "claude"], ranking, catalog)
    assert f"| model | {_best(ranking, 'gemini').model} | {_best(ranking, 'claude').model} |" in answer


def test_an_exact_name_is_that_model_not_its_family(catalog, ranking):
    assert "| model | gpt-4.1 |" in compare(["gpt-4.1", "claude"], ranking, catalog)


def test_a_question_about_cost_opens_with_the_two_bills(catalog, ranking):
    gemini, claude = _best(ranking, "gemini"), _best(ranking, "claude")
    cheap, dear = sorted((gemini, claude), key=lambda item: item.monthly_cost_usd)
    answer = compare(["gemini", "claude"], ranking, catalog, "is gemini cheaper than claude for us?")
    assert (f"On cost, **{cheap.model} is cheaper** for your workload: {money(cheap.monthly_cost_usd)}/month "
            f"against {money(dear.monthly_cost_usd)} for {dear.model}.") in answer  # fmt: skip
    assert answer.index("On cost") < answer.index("**Verdict:")


def test_a_question_about_speed_opens_with_the_first_tokens(catalog, ranking):
    answer = compare(["gpt-4.1", "claude sonnet"], ranking, catalog, "which is faster, gpt-4.1 or claude sonnet?")
    claude = _best(ranking, "claude-sonnet")
    assert "On speed, **" in answer and milliseconds(claude.ttft_ms) in answer.split("**Verdict:")[0]


def test_a_plain_comparison_has_no_criterion_line(catalog, ranking):
    assert "On cost" not in compare(["gemini", "claude"], ranking, catalog, "compare gemini and claude")


@pytest.mark.parametrize("text", ["which is faster, gpt-4.1 or claude sonnet?",
                                  "which one is cheaper: gemini flash or deepseek?"])  # fmt: skip
def test_which_is_faster_a_or_b_is_a_comparison(text):
    assert classify(text).kind == "compare"


def test_a_family_name_keeps_to_its_full_size_line_unless_a_smaller_one_is_named(catalog, ranking):
    flash = compare(["gemini flash", "claude"], ranking, catalog).splitlines()[2]
    assert "flash-lite" not in flash and "gemini" in flash
    assert "flash-lite" in compare(["gemini flash lite", "claude"], ranking, catalog).splitlines()[2]
