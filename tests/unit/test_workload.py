"""Numbers behind a ranking agree with what the user said and with the price map: long-prompt
tiers, hidden reasoning, TTFT that grows with the prompt, unknowns that never pass a hard
constraint, budgets nothing fits, fallbacks from another maker, licences, languages."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.cost import monthly_cost
from catalog.display import money
from catalog.entries import Prices, PriceTier
from catalog.latency import latency
from catalog.requirements import Requirements
from catalog.scoring import hard_constraint_failures, rank
from catalog.workload import billed_prices

TODAY = dt.date(2026, 11, 22)


def test_a_long_prompt_is_billed_whole_at_the_tier_the_map_gives(catalog):
    # Gemini 2.5 Pro above 200k tokens: $2.50 in / $15 out per M (map), for the whole request.
    entry = catalog.get("gemini/gemini-2.5-pro")
    bill = monthly_cost(entry, 100, 900_000, 1_000, reasoning_override=0)
    assert bill.prices is not None and bill.prices.tier_above_tokens == 200_000
    assert bill.monthly_cost_usd == pytest.approx(3_000 * (900_000 * 2.5e-6 + 1_000 * 15e-6))  # $6,795
    short = monthly_cost(entry, 100, 150_000, 1_000, reasoning_override=0)
    assert short.monthly_cost_usd == pytest.approx(3_000 * (150_000 * 1.25e-6 + 1_000 * 10e-6))


def test_gpt_5_4_switches_tier_above_272k_tokens(catalog):
    entry = catalog.get("gpt-5.4")
    assert billed_prices(entry.prices, 272_000).input == pytest.approx(2.5e-6)
    assert billed_prices(entry.prices, 272_001).input == pytest.approx(5e-6)


def test_range_tiers_from_tiered_pricing(catalog):
    entry = catalog.get("dashscope/qwen-flash")
    assert entry.prices.input == pytest.approx(5e-8)  # the map gives no flat price: the first range is the base
    assert billed_prices(entry.prices, 300_000).input == pytest.approx(2.5e-7)


def _tiered(base: float, up: float, threshold: int) -> Prices:
    tier = PriceTier(above_tokens=threshold, input=base * up, output=base * 4 * up)
    return Prices(input=base, output=base * 4, tiers=(tier,))


tier_prices = st.builds(_tiered, st.floats(1e-8, 1e-4), st.floats(1.0, 4.0), st.integers(1_000, 1_000_000))


@settings(max_examples=200, deadline=None)
@given(tier_prices)
def test_tiers_switch_exactly_at_their_threshold(prices):
    threshold = prices.tiers[0].above_tokens
    assert billed_prices(prices, threshold).input == prices.input
    assert billed_prices(prices, threshold + 1).input == prices.tiers[0].input


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["gemini/gemini-2.5-pro", "gpt-5.4", "gpt-4.1", "claude-sonnet-4-6", "o3",
                        "hosted_vllm/Llama-3.3-70B-Instruct", "dashscope/qwen-flash"]),
       st.floats(0, 1e6), st.floats(0, 1e6), st.integers(0, 1_000_000), st.integers(0, 1_000_000),
       st.integers(0, 10_000), st.integers(0, 10_000))  # fmt: skip
def test_cost_never_falls_when_volume_or_tokens_rise(catalog, model_id, volume, more_volume, inp, more_in, out, more):
    entry = catalog.get(model_id)
    base = monthly_cost(entry, volume, inp, out).monthly_cost_usd
    for bigger in (monthly_cost(entry, volume + more_volume, inp, out), monthly_cost(entry, volume, inp + more_in, out),
                   monthly_cost(entry, volume, inp, out + more)):  # fmt: skip
        assert bigger.monthly_cost_usd >= base * (1 - 1e-12)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["gemini/gemini-2.5-pro", "gpt-4.1-mini", "o3", "openai/smollm2-135m",
                        "hosted_vllm/mistral-small-latest"]),
       st.integers(0, 2_000_000), st.integers(0, 2_000_000))  # fmt: skip
def test_ttft_never_falls_when_the_prompt_grows(catalog, model_id, inp, more):
    entry = catalog.get(model_id)
    assert latency(entry, inp + more, 300).ttft_ms >= latency(entry, inp, 300).ttft_ms


def test_no_api_reads_half_a_million_tokens_within_a_second(catalog):
    req = Requirements(task="document-analysis", input_tokens=500_000, max_ttft_ms=1_000)
    result = rank(catalog, req, TODAY)
    assert result.ranked == ()
    gpt41 = next(e for e in result.eliminated if e.model == "gpt-4.1")
    assert any("TTFT" in reason and "500,000-token prompt" in reason for reason in gpt41.reasons)


def test_the_whole_answer_time_is_a_constraint(catalog):
    # 2,000 output tokens at ~85 tokens/s is ~24 s on gpt-4.1: over a 10 s target.
    req = Requirements(task="chat", output_tokens=2_000, max_response_ms=10_000)
    failures = hard_constraint_failures(catalog.get("gpt-4.1"), req, catalog, TODAY)
    assert any(reason.startswith("whole answer ~24") for reason in failures)


def test_an_unsized_classifier_answer_is_a_label_assumed_as_such_and_a_stated_size_wins(catalog):
    from catalog.workload import Workload

    req = Requirements(task="classification", requests_per_day=5_000, max_response_ms=1_000)
    assert req.output_tokens == 20 and "output_tokens" not in req.stated_fields()
    assert Workload.of(req).basis["output_tokens"] == "assumed default"
    assert "output tokens 20" in Workload.of(req).assumed()
    # At 300 output tokens no API finishes within a second; a label does, so the shortlist is not empty.
    assert rank(catalog, req, TODAY).ranked
    assert not rank(catalog, Requirements(task="chat", requests_per_day=5_000, max_response_ms=1_000), TODAY).ranked
    assert Requirements(task="classification", output_tokens=120).output_tokens == 120
    req.task = "chat"  # the unstated size follows the task it belongs to
    assert req.output_tokens == 300 and "output_tokens" not in req.stated_fields()


def test_hidden_reasoning_is_billed_as_output_and_delays_the_first_token(catalog):
    nano = catalog.get("gpt-5-nano")
    bill = monthly_cost(nano, 1_000, 200, 5)
    assert bill.reasoning_tokens == nano.reasoning_tokens > 0
    assert bill.reasoning_usd == pytest.approx(30_000 * nano.reasoning_tokens * nano.prices.output)
    assert any("hidden reasoning tokens" in line for line in bill.assumptions)
    timing = latency(nano, 200, 5, nano.reasoning_tokens)
    assert timing.thinking_ms == pytest.approx(nano.reasoning_tokens / nano.tokens_per_s * 1000)
    stated = monthly_cost(nano, 1_000, 200, 5, reasoning_override=100)
    assert stated.reasoning_tokens == 100
    assert monthly_cost(catalog.get("gpt-4.1"), 1_000, 200, 5).reasoning_tokens == 0  # it does not think


def test_an_unknown_context_never_passes_a_context_requirement(catalog):
    unknown = catalog.get("gpt-4.1").model_copy(update={"max_input_tokens": None})
    failures = hard_constraint_failures(unknown, Requirements(min_context=1_000), catalog, TODAY)
    assert any(reason.startswith("cannot verify context") for reason in failures)
    result = rank(catalog, Requirements(min_context=1_000_000), TODAY)
    for item in result.ranked:
        assert item.max_input_tokens is not None and item.max_input_tokens >= 1_000_000
    assert not any("gpt-5.4-nano" in model or "gpt-5-nano" in model for model in result.pareto)


def test_a_route_borrows_its_models_context_and_says_so(catalog):
    routes = [e for e in catalog.models if e.canonical == "gpt-5-nano" and e.id != "gpt-5-nano"]
    borrowed = [e for e in routes if "max_input_tokens" in e.inherited]
    assert borrowed, "some gpt-5-nano route has no context of its own in the map"
    for route in borrowed:
        assert route.max_input_tokens == catalog.get("gpt-5-nano").max_input_tokens
        assert route.inherited["max_input_tokens"].startswith("gpt-5-nano")


def test_when_nothing_fits_the_budget_the_closest_comes_first_with_what_would_fit(catalog):
    result = rank(catalog, Requirements(task="chat", requests_per_day=100_000, budget_usd_month=20), TODAY)
    assert result.budget is not None and result.budget.summary.startswith("No model")
    costs = [item.monthly_cost_usd for item in result.ranked]
    assert costs == sorted(costs)
    assert result.budget.cheapest_monthly_usd == pytest.approx(costs[0], abs=0.01)
    volume = next(option for option in result.budget.options if option.kind == "volume")
    assert volume.fits and f"{100_000 * 20 / costs[0]:,.0f} requests/day" in volume.detail
    assert {option.kind for option in result.budget.options} >= {"volume", "batch", "caching"}
    # no option that costs what the cheapest route, already over, costs or more (a routing mix, another model)
    assert all(option.monthly_cost_usd < costs[0] or option.kind == "volume" for option in result.budget.options)
    assert rank(catalog, Requirements(task="chat", budget_usd_month=100_000), TODAY).budget is None


def test_when_only_self_hosted_routes_remain_what_would_fit_is_never_empty(catalog):
    req = Requirements(task="chat", requests_per_day=2_000, budget_usd_month=500, privacy="region-locked",
                       regions=["ch"])  # fmt: skip
    result = rank(catalog, req, TODAY)
    assert result.budget is not None and catalog.get(result.budget.cheapest_model).is_self_hosted_route
    assert [option.kind for option in result.budget.options] == ["budget"]  # volume and batching cut nothing here
    option = result.budget.options[0]
    assert option.fits and option.monthly_cost_usd == pytest.approx(result.budget.cheapest_monthly_usd)
    assert money(option.monthly_cost_usd) in option.detail and "Eliminated" in option.detail
    assert ".00/month" not in result.budget.summary  # "$4,001/month", as money reads above $100


def test_the_fallback_comes_from_another_model_maker(catalog):
    result = rank(catalog, Requirements(task="classification", requests_per_day=10_000), TODAY)
    leader, fallback = result.ranked[0], catalog.get(result.fallback)
    assert fallback.maker != catalog.get(leader.model).maker


def test_self_hosting_only_still_has_a_fallback(catalog):
    result = rank(catalog, Requirements(task="chat", privacy="self-hosted"), TODAY)
    assert result.fallback is not None and result.fallback.startswith("hosted_vllm/")
    assert catalog.get(result.fallback).maker != catalog.get(result.ranked[0].model).maker


def test_self_hosting_is_sized_on_prefill_too_and_pays_for_operations(catalog):
    # 1M requests/day of 100k input tokens: ~2.3M prompt tokens/s at the peak, far beyond two GPUs.
    bill = monthly_cost(catalog.get("hosted_vllm/mistral-small-latest"), 1_000_000, 100_000, 100)
    assert bill.replicas > 200
    assert bill.operations_usd > 0 and any("operations" in line for line in bill.assumptions)


def test_a_non_production_licence_never_passes_an_open_weights_need(catalog):
    codestral = catalog.get("mistral/codestral-latest")
    failures = hard_constraint_failures(codestral, Requirements(task="coding", open_weights=True), catalog, TODAY)
    assert any(reason.startswith("licence forbids production use") for reason in failures)
    assert not any("licence" in r for r in hard_constraint_failures(codestral, Requirements(task="coding"),
                                                                     catalog, TODAY))  # fmt: skip


def test_stated_languages_weigh_multilingual_quality(catalog):
    plain = rank(catalog, Requirements(task="coding"), TODAY)
    german = rank(catalog, Requirements(task="coding", languages=["german", "french"]), TODAY)
    qualities = {r.model: r.quality for r in plain.ranked}
    for item in german.ranked:
        entry = catalog.get(item.model)
        if item.model in qualities:
            expected = 0.7 * qualities[item.model] + 0.3 * entry.quality_for_ranking()["multilingual"]
            assert item.quality == pytest.approx(expected, abs=0.11)
    assert "weighted for french, german" in german.ranked[0].reasons[0]


def test_recommend_json_carries_what_every_figure_was_computed_from():
    out = subprocess.run(
        [str(Path(sys.executable).parent / "tradeoff"), "recommend", "--task", "document-analysis",
         "--requests-per-day", "50", "--input-tokens", "600k", "--output-tokens", "400", "--json"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["workload"]["input_tokens"] == 600_000 and payload["workload"]["basis"]["input_tokens"] == "stated"
    for item in payload["ranked"]:
        costing, timing = item["costing"], item["latency"]
        prices = costing["prices_usd_per_token"]
        recomputed = costing["requests_per_month"] * (
            costing["input_tokens"] * prices["input"] + costing["output_tokens"] * prices["output"]
            + costing["reasoning_tokens"] * prices["reasoning"])  # fmt: skip
        assert recomputed == pytest.approx(item["monthly_cost_usd"], abs=0.01)
        assert timing["ttft_ms"] == pytest.approx(
            timing["base_ttft_ms"] + timing["prefill_ms"] + timing["thinking_ms"], abs=0.2)
        assert timing["prefill_ms"] == pytest.approx((600_000 - 1_000) / timing["prefill_tokens_per_s"] * 1000, abs=0.1)


def test_cost_explain_prints_the_arithmetic():
    out = subprocess.run(
        [str(Path(sys.executable).parent / "tradeoff"), "cost", "--model", "gpt-4.1", "--requests-per-day", "50",
         "--input-tokens", "600k", "--output-tokens", "300", "--explain"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "input = 1,500 x 600,000 tokens x $2/M = $1,800.00" in out.stdout
    assert "total = $1,803.60/month" in out.stdout


def _redone(line: str) -> tuple[float, float]:
    """(the product of a line's factors, the result it states): "300,000 x 60% uncached x 2,000 tokens x $2/M"."""
    factors, result = line.split(" = ", 1)[1].rsplit(" = ", 1)
    product = 1.0
    for factor in factors.split(" x "):
        figure = re.search(r"\$?([\d,.]+)(%|/M)?", factor)
        assert figure, factor
        value = float(figure.group(1).replace(",", ""))
        product *= value / 100 if figure.group(2) == "%" else value / 1e6 if figure.group(2) == "/M" else value
    return product, float(result.strip("$").replace(",", ""))


@pytest.mark.parametrize("shares", [["--cache-hit-rate", "40%"], ["--batch-share", "50%"],
                                    ["--cache-hit-rate", "30%", "--batch-share", "25%"]])
def test_each_line_of_the_arithmetic_multiplies_out_and_the_lines_add_up(shares):
    from tests.cli_inprocess import run_cli

    ran = run_cli("cost", "--model", "gpt-4.1", "--requests-per-day", "10000", "--input-tokens", "2000",
                  "--output-tokens", "300", *shares, "--explain")  # fmt: skip
    lines = [line.strip() for line in ran.stdout.split("Arithmetic:")[1].splitlines() if " x " in line]
    parts = [_redone(line) for line in lines]
    assert len(parts) >= 3 and all(product == pytest.approx(stated, abs=0.01) for product, stated in parts)
    total = float(re.search(r"total = \$([\d,.]+)/month", ran.stdout).group(1).replace(",", ""))
    assert sum(stated for _, stated in parts) == pytest.approx(total, abs=0.02)


def test_the_advisor_says_first_that_nothing_fits_the_budget(catalog, tmp_path):
    from agent.advisor.nodes import AdvisorTools
    from agent.advisor.sessions import Advisor

    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=lambda text: text.lower().split(),
                         search=lambda query, k: [])  # fmt: skip
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    try:
        first = advisor.turn("support chatbot, 100k chats a day, our budget is $20 a month")
        answer = advisor.turn("just recommend", first.session).answer
    finally:
        advisor.close()
    assert answer.startswith("**No model that meets your other constraints fits $20.00/month")
    assert "requests/day" in answer.split("Shortlist")[0]  # what would fit comes before the list
    assert "fallback** (another model maker)" in answer


def test_self_hosting_gets_a_verdict_against_the_best_api_option(catalog):
    result = rank(catalog, Requirements(task="chat", requests_per_day=1_000_000, open_weights=True), TODAY)
    verdict = result.self_hosting
    assert verdict is not None and verdict.conclusion.startswith(("Self-hosting", "At your volume", "Not worth it"))
    assert verdict.operations_usd_month > 0 and verdict.api_per_request_usd > 0


def test_every_shortlisted_model_gets_tier_advice_with_a_real_saving(catalog):
    result = rank(catalog, Requirements(task="coding", requests_per_day=20_000), TODAY, top=5)
    by_model = {item.model: item for item in rank(catalog, Requirements(task="coding", requests_per_day=20_000),
                                                  TODAY).ranked}  # fmt: skip
    advised = 0
    for item in result.ranked:
        assert item.tier_advice.startswith(f"tier: {item.tier}")
        if "would likely do" in item.tier_advice:
            advised += 1
            cheaper = by_model[item.tier_advice.split("for coding: ")[1].split(" ")[0]]
            assert cheaper.monthly_cost_usd < item.monthly_cost_usd and cheaper.quality >= item.quality - 5
            assert f"{1 - cheaper.monthly_cost_usd / item.monthly_cost_usd:.0%} less" in item.tier_advice
    assert advised >= 1
