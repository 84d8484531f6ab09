"""Cost tools against LiteLLM's own arithmetic, the course's rules of thumb, and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.cost import (
    distillation_break_even,
    fine_tuning_roi,
    monthly_cost,
    request_cost,
    routing_savings,
    self_host_break_even,
    total_cost_of_ownership,
)

MODELS_TO_CHECK = [
    "gpt-4.1",
    "gpt-4.1-mini",
    "gpt-4o-mini",
    "claude-sonnet-4-6",
    "claude-haiku-4-5",
    "gemini/gemini-2.5-flash",
    "gemini/gemini-2.5-pro",
    "mistral/mistral-large-latest",
    "deepinfra/Qwen/Qwen3-Coder-480B-A35B-Instruct",
    "gpt-5.4",
]


@pytest.mark.parametrize("model_id", MODELS_TO_CHECK)
def test_request_cost_matches_litellm_cost_per_token(catalog, model_id: str) -> None:
    import litellm

    entry = catalog.get(model_id)
    assert not entry.prices.has_off_peak_pricing, "litellm prices these by time of day"
    prompt_tokens, completion_tokens = 1_234, 567
    prompt_usd, completion_usd = litellm.cost_per_token(
        model=model_id, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens
    )
    ours = request_cost(entry.prices, prompt_tokens, completion_tokens)
    assert ours == pytest.approx(prompt_usd + completion_usd, rel=1e-9)


def test_monthly_cost_is_thirty_days_of_requests(catalog) -> None:
    entry = catalog.get("gpt-4.1")
    result = monthly_cost(entry, 1_000, 1_000, 500)
    per_request = 1_000 * 2e-06 + 500 * 8e-06
    assert result.per_request_usd == pytest.approx(per_request)
    assert result.monthly_cost_usd == pytest.approx(per_request * 30_000)
    assert result.input_usd + result.cached_input_usd + result.output_usd == pytest.approx(result.monthly_cost_usd)


def test_batch_share_uses_the_maps_batch_prices(catalog) -> None:
    entry = catalog.get("gpt-4.1")
    full = monthly_cost(entry, 1_000, 1_000, 500).monthly_cost_usd
    all_batch = monthly_cost(entry, 1_000, 1_000, 500, batch_share=1.0).monthly_cost_usd
    # The course: batch APIs save 50%; gpt-4.1's batch prices are exactly half.
    assert all_batch == pytest.approx(full * 0.5)


def test_off_peak_pricing_is_quoted_at_list_price_and_said(catalog) -> None:
    entry = catalog.get("deepseek/deepseek-v4-flash")
    result = monthly_cost(entry, 1_000, 1_000, 100)
    assert result.per_request_usd == pytest.approx(1_000 * 3e-07 + 100 * 1.2e-06)
    assert any("off-peak" in line for line in result.assumptions)


def test_cache_without_a_cache_price_is_not_applied_and_says_so(catalog) -> None:
    entry = next(e for e in catalog.chat_models() if e.rated and e.prices.known and e.prices.cache_read is None)
    with_cache = monthly_cost(entry, 1_000, 1_000, 100, cache_hit_rate=0.9)
    assert with_cache.monthly_cost_usd == pytest.approx(monthly_cost(entry, 1_000, 1_000, 100).monthly_cost_usd)
    assert any("cache hit rate not applied" in line for line in with_cache.assumptions)


rated_priced = st.sampled_from(MODELS_TO_CHECK)
# allow_subnormal=False: a volume of 5e-324 times a price underflows to 0, which no request rate is
volumes = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_subnormal=False)
tokens = st.integers(min_value=0, max_value=200_000)
fractions = st.floats(min_value=0, max_value=1, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(rated_priced, volumes, volumes, tokens, tokens, fractions, fractions)
def test_cost_is_never_negative_and_monotone_in_volume(catalog, model_id, a, b, inp, out, hit, batch):
    entry = catalog.get(model_id)
    low, high = sorted((a, b))
    cost_low = monthly_cost(entry, low, inp, out, hit, batch).monthly_cost_usd
    cost_high = monthly_cost(entry, high, inp, out, hit, batch).monthly_cost_usd
    assert 0 <= cost_low <= cost_high * (1 + 1e-12) + 1e-12


@settings(max_examples=200, deadline=None)
@given(rated_priced, volumes, tokens, tokens, tokens, fractions)
def test_cost_is_monotone_in_tokens(catalog, model_id, volume, inp, extra, out, hit):
    entry = catalog.get(model_id)
    base = monthly_cost(entry, volume, inp, out, hit).monthly_cost_usd
    more_in = monthly_cost(entry, volume, inp + extra, out, hit).monthly_cost_usd
    more_out = monthly_cost(entry, volume, inp, out + extra, hit).monthly_cost_usd
    assert base <= more_in * (1 + 1e-12) + 1e-12
    assert base <= more_out * (1 + 1e-12) + 1e-12


@settings(max_examples=200, deadline=None)
@given(rated_priced, volumes, tokens, tokens, fractions, fractions)
def test_caching_pays_exactly_above_its_break_even_hit_rate(catalog, model_id, volume, inp, out, hit, batch):
    """Free cache writes (OpenAI, Gemini): caching never costs more. Priced writes (Anthropic, 1.25x
    input): the misses are written, so caching pays only above h* = (write - input) / (write - read)."""
    entry = catalog.get(model_id)
    without = monthly_cost(entry, volume, inp, out, 0.0, batch).monthly_cost_usd
    with_cache = monthly_cost(entry, volume, inp, out, hit, batch).monthly_cost_usd
    prices = entry.prices
    if prices.cache_write is None or prices.cache_read is None or prices.tiers:
        assert with_cache <= without * (1 + 1e-12) + 1e-12
        return
    break_even = (prices.cache_write - prices.input) / (prices.cache_write - prices.cache_read)
    if batch == 0 and hit > break_even + 1e-9:
        assert with_cache <= without * (1 + 1e-12) + 1e-12
    elif batch == 0 and 0 < hit < break_even - 1e-9 and inp > 0 and volume > 0:
        assert with_cache > without


def test_routing_seventy_percent_to_a_cheap_tier_saves_sixty_to_eighty_percent(catalog) -> None:
    """Module 2.2: a router sending ~70% of traffic to a cheap tier saves 60-80%."""
    frontier, cheap = catalog.get("gpt-5.4"), catalog.get("gpt-5.4-nano")
    result = routing_savings(frontier, [(cheap, 0.7), (frontier, 0.3)], 10_000, 800, 300)
    assert 0.6 <= result.savings_fraction <= 0.8
    assert result.savings_usd == pytest.approx(result.baseline_monthly_usd - result.routed_monthly_usd)


def test_routing_shares_must_add_up(catalog) -> None:
    with pytest.raises(ValueError, match="add up to 1"):
        routing_savings(catalog.get("gpt-4.1"), [(catalog.get("gpt-4.1-mini"), 0.5)], 100, 10, 10)


def test_fine_tuning_payback_months() -> None:
    # Module 2.2's formula: investment / monthly savings.
    result = fine_tuning_roi(30_000, current_monthly_usd=8_000, projected_monthly_usd=3_000)
    assert result.payback_months == pytest.approx(6.0)
    assert fine_tuning_roi(30_000, 1_000, 2_000).payback_months is None


def test_distillation_break_even_counts_requests() -> None:
    result = distillation_break_even(20_000, large_per_request_usd=0.01, small_per_request_usd=0.0005)
    assert result.break_even_requests_per_month == pytest.approx(20_000 / 0.0095)


def test_self_hosting_breaks_even_where_gpus_and_operations_meet_api_cost(catalog) -> None:
    hosted = catalog.get("hosted_vllm/Llama-3.3-70B-Instruct")
    api = catalog.get("gpt-4.1")
    result = self_host_break_even(hosted, api, 1_000, 300, operations_usd_month=2_000)
    gpus = 2 * 2.5 * 730
    per_request = 1_000 * 2e-06 + 300 * 8e-06
    # One replica: 2,000 tokens/s decode, 16,000 prefill; 0.0625 + 0.15 s a request at a 2x peak, 70% busy.
    capacity = 0.7 * 30 * 86_400 / ((1_000 / 16_000 + 300 / 2_000) * 2)
    assert result.gpu_usd_per_replica_month == pytest.approx(gpus)
    assert result.replica_capacity_requests_per_month == pytest.approx(capacity)
    assert (gpus + 2_000) / per_request <= capacity  # so one replica is enough at break-even
    assert result.break_even_requests_per_month == pytest.approx((gpus + 2_000) / per_request)


def test_self_hosting_never_breaks_even_when_a_replica_costs_more_than_its_traffic_on_the_api(catalog) -> None:
    # Eight H100s ($14,600/month) serve ~10M short requests a month; on Flash-Lite those cost ~$1,700.
    hosted = catalog.get("hosted_vllm/Llama-4-Maverick-17B-128E-Instruct-FP8")
    api = catalog.get("gemini/gemini-2.5-flash-lite")
    result = self_host_break_even(hosted, api, 500, 300, requests_per_month=30_000_000)
    assert result.break_even_requests_per_month is None
    assert result.conclusion.startswith(f"Self-hosting {hosted.id} never costs less")


def test_the_self_hosting_verdict_compares_at_the_users_volume(catalog) -> None:
    hosted = catalog.get("hosted_vllm/Llama-3.3-70B-Instruct")
    api = catalog.get("gpt-4.1")
    small = self_host_break_even(hosted, api, 1_000, 300, requests_per_month=30_000)
    assert small.conclusion.startswith("Not worth it at your volume")
    big = self_host_break_even(hosted, api, 1_000, 300, requests_per_month=30_000_000)
    assert big.conclusion.startswith("At your volume self-hosting")
    assert big.self_hosted_monthly_usd < big.api_monthly_usd


def test_self_hosted_cost_scales_in_whole_replicas(catalog) -> None:
    hosted = catalog.get("hosted_vllm/Llama-3.3-70B-Instruct")
    small = monthly_cost(hosted, 1_000, 500, 300)
    huge = monthly_cost(hosted, 10_000_000, 500, 300)
    assert small.infrastructure_usd == pytest.approx(2 * 2.5 * 730)
    assert huge.infrastructure_usd > small.infrastructure_usd
    assert huge.infrastructure_usd % (2 * 2.5 * 730) == pytest.approx(0, abs=1e-6)


def test_total_cost_of_ownership_adds_its_parts() -> None:
    result = total_cost_of_ownership(1_000, engineering_hours_month=10, hourly_rate_usd=120, maintenance_usd_month=50)
    assert result.monthly_usd == pytest.approx(1_000 + 1_200 + 50)
    with pytest.raises(ValueError):
        total_cost_of_ownership(-1)
