"""'compare A and B' is a compact table, then a verdict for this user's requirements that names one of
the two and the criterion that decides it."""

from __future__ import annotations

from agent.advisor.verdict import compare
from catalog.display import money
from catalog.requirements import Requirements
from catalog.scoring import rank
from tests.conftest import TODAY

CHAT = {"task": "chat", "requests_per_day": 20_000, "input_tokens": 1_500, "output_tokens": 300}


def ranking_for(catalog, **fields):
    return rank(catalog, Requirements(**(CHAT | fields)), TODAY)


def test_two_ranked_models_end_with_the_better_ranked_one_and_why(catalog):
    ranking = ranking_for(catalog, budget_usd_month=2_000)
    answer = compare(["gpt-4.1", "gpt-4.1 mini"], ranking, catalog)
    table, verdict = answer.rsplit("\n\n", 1)
    assert table.splitlines()[0] == "| | gpt-4.1 | gpt-4.1 mini |"
    assert "| model | gpt-4.1 | gpt-4.1-mini |" in table and "| $/month |" in table
    positions = {r.model: i for i, r in enumerate(ranking.ranked, 1)}
    assert positions["gpt-4.1-mini"] < positions["gpt-4.1"]
    assert verdict.startswith("**Verdict: gpt-4.1-mini** for your requirements")
    full = next(r for r in ranking.ranked if r.model == "gpt-4.1")
    assert f"gpt-4.1 costs {money(full.monthly_cost_usd)}/month, over your $2,000 budget" in verdict


def test_the_verdict_names_the_criterion_when_both_fit(catalog):
    ranking = ranking_for(catalog)
    first, second = ranking.ranked[0], ranking.ranked[3]
    verdict = compare([second.model, first.model], ranking, catalog).rsplit("\n\n", 1)[1]
    assert verdict.startswith(f"**Verdict: {first.model}** for your requirements (#1 against #4): ")
    assert verdict.rstrip(".").endswith("with balanced priorities")


def test_an_eliminated_model_loses_on_the_constraint_that_removed_it(catalog):
    ranking = ranking_for(catalog, privacy="self-hosted")
    top = ranking.ranked[0]
    answer = compare(["claude sonnet 4.5", top.model], ranking, catalog)
    assert "| why out | privacy/deployment requires self-hosting" in answer
    verdict = answer.rsplit("\n\n", 1)[1]
    assert verdict == (f"**Verdict: {top.model}** (#1) for your requirements: claude-sonnet-4-5 is out because it is "
                       "only offered as a hosted API (not self-hostable), and you need self-hosting.")  # fmt: skip


def test_when_neither_fits_the_verdict_says_so_and_points_at_the_top_pick(catalog):
    ranking = ranking_for(catalog, privacy="self-hosted")
    verdict = compare(["claude sonnet 4.5", "gpt-4.1"], ranking, catalog).rsplit("\n\n", 1)[1]
    assert verdict.startswith("**Verdict: neither** meets your requirements")
    assert verdict.endswith(f"Your top pick is {ranking.ranked[0].model}.")


def test_an_unknown_name_is_said_plainly(catalog):
    verdict = compare(["gpt-4.1", "flux capacitor"], ranking_for(catalog), catalog).rsplit("\n\n", 1)[1]
    assert verdict.startswith("I do not know a model called “flux capacitor”")


def test_words_after_a_model_name_are_not_part_of_it(catalog):
    """'compare mistral small and gpt-4.1-mini for this.' names gpt-4.1-mini, not 'gpt-4.1-mini for this.'"""
    from agent.advisor.intents import classify

    intent = classify("Compare mistral small and gpt-4.1-mini for this.")
    assert intent.kind == "compare"
    verdict = compare(intent.subject, ranking_for(catalog), catalog).rsplit("\n\n", 1)[1]
    assert verdict.startswith("**Verdict: ") and "I do not know" not in verdict
    assert "gpt-4.1-mini" in compare(intent.subject, ranking_for(catalog), catalog).splitlines()[2]
