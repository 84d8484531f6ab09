"""Trial statistics against SciPy on known cases."""

from __future__ import annotations

import pytest
from scipy.stats import binomtest

from agent.trials.results import TrialRun, summarise, tokens_per_second
from agent.trials.stats import (
    Vote,
    bootstrap_intervals,
    bradley_terry,
    mcnemar_exact,
    sign_test,
    votes_still_needed,
    wilson_interval,
)


@pytest.mark.parametrize(("k", "n"), [(0, 10), (7, 10), (10, 10), (55, 100), (1, 3)])
def test_wilson_matches_scipy(k, n):
    low, high = wilson_interval(k, n)
    expected = binomtest(k, n).proportion_ci(method="wilson")
    assert (low, high) == pytest.approx((expected.low, expected.high), abs=1e-9)


def test_exact_mcnemar_matches_a_binomial_test_on_discordant_pairs():
    # The course's example: 88 vs 83 passes, discordant pairs 9 and 4 -> p = 0.267, not significant.
    assert mcnemar_exact(9, 4) == pytest.approx(binomtest(9, 13, 0.5).pvalue)
    assert mcnemar_exact(9, 4) == pytest.approx(0.2668, abs=1e-4)
    assert mcnemar_exact(20, 2) < 0.001


def test_sign_test_drops_ties():
    assert sign_test([1, 2, -1, 0, 0, 3]) == pytest.approx(binomtest(3, 4, 0.5).pvalue)


def test_bradley_terry_recovers_the_win_rate_of_two_models():
    votes = [Vote(("a", "b"), "a")] * 7 + [Vote(("a", "b"), "b")] * 3
    strengths = bradley_terry(votes)
    assert strengths["a"] == pytest.approx(0.7, abs=0.01)
    intervals = bootstrap_intervals(votes, samples=200)
    assert intervals["a"][0] < 0.7 < intervals["a"][1]


def test_bradley_terry_ranks_three_models_consistently():
    votes = [Vote(("a", "b"), "a")] * 6 + [Vote(("b", "c"), "b")] * 6 + [Vote(("a", "c"), "a")] * 6
    votes += [Vote(("a", "b", "c"), None)] * 2
    strengths = bradley_terry(votes)
    assert strengths["a"] > strengths["b"] > strengths["c"]
    assert sum(strengths.values()) == pytest.approx(1.0)


def test_votes_still_needed_shrinks_as_votes_accumulate():
    assert votes_still_needed(3, 5) > votes_still_needed(30, 50) >= 0


def test_tokens_per_second_excludes_the_first_token_and_ttft():
    assert tokens_per_second(11, first_token_at=2.0, finished_at=4.0) == pytest.approx(5.0)
    assert tokens_per_second(1, 2.0, 4.0) is None


def test_summaries_report_median_and_spread_per_model():
    runs = [TrialRun(model="m", ttft_ms=t, tokens_per_s=10.0) for t in (100, 300, 200)]
    runs.append(TrialRun(model="m", error="timed out after 1 s"))
    (summary,) = summarise(runs)
    assert summary["runs"] == 4 and summary["errors"] == 1
    assert summary["ttft_ms"]["median"] == 200 and summary["ttft_ms"]["min"] == 100


def test_win_rate_lines_grow_from_wilson_to_bradley_terry():
    from agent.trials.stats import win_rate_lines

    few = win_rate_lines([Vote(("a", "b"), "a")] * 3)
    assert few[0].startswith("a: won 3/3") and any("more votes before a Bradley-Terry" in line for line in few)
    many = win_rate_lines([Vote(("a", "b"), "a")] * 8 + [Vote(("a", "b"), "b")] * 4)
    assert any(line.startswith("Bradley-Terry a: 0.67") for line in many)
    assert any("more decided votes" in line for line in many)


def test_a_model_that_failed_neither_wins_nor_loses_in_the_tallies():
    from agent.trials.stats import Vote, tallied_votes

    votes = [
        {"models": ["a", "b"], "winner": "a", "failed": ["c"]},  # as the TUI stores them now
        {"models": ["a", "b", "c"], "winner": "b", "failed": ["c"]},  # c failed in that run: left out
        {"models": ["a", "c"], "winner": "c", "failed": ["c"]},  # an old vote won by a failed model
        {"models": ["a", "b"], "winner": None},
    ]
    assert tallied_votes(votes) == [Vote(("a", "b"), "a"), Vote(("a", "b"), "b"), Vote(("a", "b"), None)]
