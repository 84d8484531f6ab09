"""Ranking invariants (hypothesis) and the course's scenarios, checked as properties."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalog.requirements import Priorities, Requirements
from catalog.scoring import hard_constraint_failures, rank
from tests.conftest import TODAY

requirements = st.builds(
    Requirements,
    task=st.sampled_from(["chat", "coding", "reasoning", "classification", "extraction", "vision", "rag"]),
    requests_per_day=st.floats(min_value=1, max_value=5e6),
    input_tokens=st.integers(min_value=10, max_value=150_000),
    output_tokens=st.integers(min_value=1, max_value=4_000),
    max_ttft_ms=st.none() | st.floats(min_value=200, max_value=10_000),
    budget_usd_month=st.none() | st.floats(min_value=10, max_value=100_000),
    needs=st.lists(st.sampled_from(["vision", "tools", "json", "reasoning", "video"]), max_size=2),
    privacy=st.sampled_from(["none", "no-training", "self-hosted"]),
    compliance=st.lists(st.sampled_from(["hipaa", "soc2", "gdpr"]), max_size=1),
    open_weights=st.booleans(),
    priorities=st.sampled_from([Priorities.preset(p) for p in ("balanced", "cost", "quality", "latency")]),
    cache_hit_rate=st.floats(min_value=0, max_value=1),
)
property_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@property_settings
@given(requirements)
def test_eliminated_models_never_appear_in_the_ranking(catalog, req):
    result = rank(catalog, req, TODAY)
    ranked = {item.canonical for item in result.ranked}
    assert not ranked & {e.model for e in result.eliminated}
    for item in result.ranked:
        assert hard_constraint_failures(catalog.get(item.model), req, catalog, TODAY) == []


@property_settings
@given(requirements)
def test_within_budget_is_never_true_above_the_budget(catalog, req):
    for item in rank(catalog, req, TODAY).ranked:
        if req.budget_usd_month is not None and item.monthly_cost_usd > req.budget_usd_month:
            assert not item.within_budget


@property_settings
@given(requirements)
def test_fallback_meets_every_hard_constraint_and_comes_from_another_model_maker(catalog, req):
    result = rank(catalog, req, TODAY)
    if result.fallback is not None:
        entry = catalog.get(result.fallback)
        assert hard_constraint_failures(entry, req, catalog, TODAY) == []
        assert entry.maker != catalog.get(result.ranked[0].model).maker
    if result.failover_route is not None:  # the same model on another host, a different thing
        route = catalog.get(result.failover_route)
        assert route.canonical == result.ranked[0].canonical and route.provider != result.ranked[0].provider
        assert hard_constraint_failures(route, req, catalog, TODAY) == []


@property_settings
@given(requirements)
def test_ranking_is_deterministic(catalog, req):
    assert rank(catalog, req, TODAY) == rank(catalog, req, TODAY)


def test_every_elimination_carries_reasons(catalog):
    result = rank(catalog, Requirements(task="vision", needs=["video"], max_ttft_ms=800), TODAY)
    assert result.eliminated
    assert all(e.reasons for e in result.eliminated)


def test_ranked_models_carry_a_reason_per_criterion(catalog):
    for item in rank(catalog, Requirements(task="coding", budget_usd_month=500), TODAY).ranked:
        assert [line.split(":")[0] for line in item.reasons] == ["quality", "cost", "latency", "fit"]


def test_pareto_models_are_not_dominated(catalog):
    result = rank(catalog, Requirements(task="chat"), TODAY)
    by_model = {item.model: item for item in result.ranked}
    for name in result.pareto:
        model = by_model[name]
        for other in result.ranked:
            strictly_better = (
                other.monthly_cost_usd < model.monthly_cost_usd
                and other.quality > model.quality
                and (other.ttft_ms or 1e9) < (model.ttft_ms or 1e9)
            )
            assert not strictly_better


# --- Scenarios from the course's use-case table and decision tree -----------------------------


def test_customer_support_chatbot_gets_fast_affordable_models(catalog):
    req = Requirements(
        task="chat",
        requests_per_day=100_000,
        input_tokens=600,
        output_tokens=200,
        max_ttft_ms=1_000,
        budget_usd_month=5_000,
    )
    result = rank(catalog, req, TODAY, top=5)
    assert result.ranked
    for item in result.ranked:
        assert item.ttft_ms <= 1_000
        assert item.within_budget
    assert result.fallback is not None


def test_code_assistant_favours_strong_coders_under_quality_priority(catalog):
    req = Requirements(
        task="coding",
        requests_per_day=5_000,
        input_tokens=3_000,
        output_tokens=600,
        priorities=Priorities.preset("quality"),
    )
    top = rank(catalog, req, TODAY, top=3).ranked
    assert all(item.quality >= 90 for item in top)


def test_legal_documents_that_cannot_leave_the_premises_rank_only_self_hosted_models(catalog):
    req = Requirements(
        task="document-analysis",
        privacy="self-hosted",
        min_context=100_000,
        requests_per_day=2_000,
        input_tokens=60_000,
        output_tokens=1_000,
    )
    result = rank(catalog, req, TODAY)
    assert result.ranked
    for item in result.ranked:
        assert item.provider in ("self-hosted", "local")
        assert item.open_weights
        assert item.max_input_tokens >= 100_000


def test_video_moderation_requires_native_video(catalog):
    result = rank(catalog, Requirements(task="vision", needs=["video"], requests_per_day=10_000), TODAY)
    assert result.ranked
    assert all("video" in item.capabilities for item in result.ranked)
    assert all(catalog.get(item.model).family.startswith("Gemini") for item in result.ranked)


def test_high_volume_classification_picks_cheap_tiers(catalog):
    req = Requirements(
        task="classification",
        requests_per_day=2_000_000,
        input_tokens=300,
        output_tokens=5,
        priorities=Priorities.preset("cost"),
    )
    top = rank(catalog, req, TODAY, top=3).ranked
    assert {item.tier for item in top} <= {"small", "mid", "open"}
    frontier_cost = min(item.monthly_cost_usd for item in rank(catalog, req, TODAY).ranked if item.tier == "frontier")
    assert all(item.monthly_cost_usd * 4 < frontier_cost for item in top)


def test_hipaa_eliminates_providers_without_a_baa(catalog):
    result = rank(catalog, Requirements(task="chat", compliance=["hipaa"]), TODAY)
    for item in result.ranked:
        assert catalog.policy_for(item.provider).hipaa_baa


def test_eu_residency_keeps_only_routes_served_in_the_eu(catalog):
    result = rank(catalog, Requirements(task="rag", compliance=["eu-residency"]), TODAY)
    assert result.ranked
    for item in result.ranked:
        entry = catalog.get(item.model)
        regions = set(entry.regions) or set(catalog.policy_for(entry.provider).regions)
        assert regions & {"eu", "any"}


def test_no_training_excludes_providers_that_train_on_api_data(catalog):
    result = rank(catalog, Requirements(task="coding", privacy="no-training"), TODAY)
    assert all(not catalog.policy_for(item.provider).trains_on_api_data for item in result.ranked)
    req = Requirements(task="coding", privacy="no-training")
    reasons = hard_constraint_failures(catalog.get("deepseek/deepseek-v4-flash"), req, catalog, TODAY)
    assert any("may train on API data" in r for r in reasons)


def test_deprecated_models_are_eliminated_with_their_date(catalog):
    result = rank(catalog, Requirements(task="reasoning"), TODAY)
    o1 = next(e for e in result.eliminated if e.model == "o1")
    assert any("deprecated on 2026-10-23" in r for r in o1.reasons)


def test_tight_budget_flags_expensive_models_and_ranks_affordable_first(catalog):
    result = rank(catalog, Requirements(task="reasoning", requests_per_day=20_000, budget_usd_month=200), TODAY)
    flags = [item.within_budget for item in result.ranked]
    assert flags == sorted(flags, reverse=True)
    assert not all(flags)


def test_impossible_requirements_eliminate_everything_with_reasons(catalog):
    req = Requirements(task="vision", needs=["video", "audio"], privacy="self-hosted")
    result = rank(catalog, req, TODAY)
    assert result.ranked == ()
    assert result.fallback is None
    assert result.eliminated
