"""A plan whose change costs more than today says so in words and signs money as people write it."""

from __future__ import annotations

from catalog.plans import finetune


def test_a_dearer_tuned_model_costs_more_a_month_and_never_pays_back():
    plan = finetune(1_000, 6_000, investment_usd=20_000)
    assert plan.arithmetic[0] == "monthly savings = $1,000 - $6,000 = -$5,000"
    assert "it costs $5,000 a month more than today" in plan.conclusion and "$-" not in plan.conclusion


def test_an_even_bill_saves_nothing():
    assert "it saves nothing a month;" in finetune(1_000, 1_000).conclusion


def test_a_cheaper_tuned_model_pays_back_in_months():
    plan = finetune(6_000, 1_000, investment_usd=20_000)
    assert plan.figures["payback_months"] == 4 and "pays back in 4.0 months" in plan.conclusion
