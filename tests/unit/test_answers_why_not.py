"""'why not X?' names, in a sentence, the hard constraint that eliminated X or the criterion that
ranked it below the top pick, with the ranking's own figures; never a list of subscore deltas."""

from __future__ import annotations

import pytest

from agent.advisor.why_not import deciding_criteria, explain
from catalog.display import money
from catalog.requirements import Priorities, Requirements
from catalog.scoring import rank
from tests.conftest import TODAY

CHAT = {"task": "chat", "requests_per_day": 20_000, "input_tokens": 1_500, "output_tokens": 300}


def ranking_for(catalog, **fields):
    return rank(catalog, Requirements(**(CHAT | fields)), TODAY)


def test_a_hosted_model_is_out_because_you_need_self_hosting(catalog):
    ranking = ranking_for(catalog, privacy="self-hosted")
    assert "claude-sonnet-4-5" in {e.model for e in ranking.eliminated}
    answer = explain("claude sonnet 4.5", ranking, catalog)
    assert answer == ("**claude-sonnet-4-5** is out because it is only offered as a hosted API (not self-hostable), "
                      "and you need self-hosting.")  # fmt: skip


def test_a_slow_model_is_out_because_of_the_latency_target_with_its_own_figure(catalog):
    ranking = ranking_for(catalog, max_ttft_ms=400)
    out = next(e for e in ranking.eliminated if e.model == "claude-opus-4-6")
    assert out.reasons[0].startswith("TTFT ~")
    answer = explain("claude opus 4.6", ranking, catalog)
    ttft = out.reasons[0].split("~")[1].split(" ms")[0]
    assert answer.startswith("**claude-opus-4-6** is out because its time to first token, about ")
    assert f"about {ttft} ms for your 1,500-token prompt, is over your 400 ms target" in answer


def test_an_over_budget_model_is_placed_by_the_budget(catalog):
    ranking = ranking_for(catalog, budget_usd_month=2_000)
    position, item = next((i, r) for i, r in enumerate(ranking.ranked, 1) if r.model == "gpt-4.1")
    assert not item.within_budget
    answer = explain("gpt-4.1", ranking, catalog)
    assert answer.startswith(f"**gpt-4.1** ranks #{position}")
    assert f"it costs {money(item.monthly_cost_usd)}/month, over your $2,000 budget" in answer
    assert money(ranking.ranked[0].monthly_cost_usd) in answer


def test_the_deciding_criterion_is_named_with_both_figures_and_what_it_outweighs(catalog):
    ranking = ranking_for(catalog, priorities=Priorities.preset("cost"))
    top = ranking.ranked[0]
    weights = Priorities.preset("cost").normalised()
    # A model the cost gap decides against although it answers better: the GPT-4.1 example.
    position, item = next(
        (i, r) for i, r in enumerate(ranking.ranked, 1)
        if i > 1 and r.quality > top.quality + 1 and max(
            weights, key=lambda k: weights[k] * (top.subscores[k] - r.subscores[k])) == "cost"
    )  # fmt: skip
    answer = explain(item.model, ranking, catalog)
    assert answer.startswith(f"**{item.model}** ranks #{position}")
    assert (
        f"it costs {money(item.monthly_cost_usd)}/month against {money(top.monthly_cost_usd)} for the top pick"
        in answer
    )
    assert (
        f"which outweighs its {item.quality - top.quality:.0f}-point quality lead at your cost-first priority" in answer
    )
    assert "subscores" not in answer and "+" not in answer


def test_the_criteria_are_ordered_by_their_share_of_the_score_gap(catalog):
    ranking = ranking_for(catalog)
    top, other = ranking.ranked[0], ranking.ranked[5]
    criteria = deciding_criteria(top, other, ranking.requirements)
    shares = [share for _, share in criteria]
    assert shares == sorted(shares, reverse=True)
    # The shares add up to the score gap: each is weight x subscore difference.
    # subscores are shown to 0.1 and scores to 0.01, so the sum can be off by a rounding step
    assert sum(shares) == pytest.approx(top.score - other.score, abs=0.1)


def test_the_top_pick_says_so_and_why_it_beats_the_runner_up(catalog):
    ranking = ranking_for(catalog)
    top = ranking.ranked[0]
    answer = explain(top.model, ranking, catalog)
    assert answer.startswith(f"**{top.model}** is my top pick (score {top.score:.1f}): ")
    assert ranking.ranked[1].model in answer


def test_an_unknown_name_gets_one_clear_line(catalog):
    assert explain("flux capacitor 9000", ranking_for(catalog), catalog).startswith(
        "I do not know a model called “flux capacitor 9000”"
    )


def test_when_nothing_fits_the_budget_the_cheaper_model_is_said_to_come_first(catalog):
    ranking = ranking_for(catalog, budget_usd_month=1)
    assert ranking.budget is not None  # nothing fits: the ranking orders by cost
    item = ranking.ranked[3]
    answer = explain(item.model, ranking, catalog)
    assert "nothing fits your $1.00 budget, so the cheaper comes first" in answer
    assert (
        f"it costs {money(item.monthly_cost_usd)}/month against {money(ranking.ranked[0].monthly_cost_usd)}" in answer
    )
