"""Your leaderboard: Bradley-Terry ratings and bootstrap intervals against independent computations."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.optimize import minimize

from agent.trials.leaderboard import ANCHOR, leaderboard, ratings, votes_to_separate
from agent.trials.stats import Vote, tallied_votes
from tests.cli_inprocess import run_cli

SMOL, GEMMA = "local/smollm2-135m", "local/gemma3-270m"
# A 20-vote blind session between the two local models: 6 wins, 13 losses, 1 tie for SmolLM2.
SESSION = [Vote((SMOL, GEMMA), SMOL)] * 6 + [Vote((SMOL, GEMMA), GEMMA)] * 13 + [Vote((SMOL, GEMMA), None)]


def test_twenty_votes_give_the_closed_form_ratings():
    rated = ratings(SESSION)
    share = 13.5 / 20  # a tie is half a win each
    gap = 400 * math.log10(share / (1 - share))
    assert rated[GEMMA] == pytest.approx(ANCHOR + gap / 2, abs=1e-6)
    assert rated[SMOL] == pytest.approx(ANCHOR - gap / 2, abs=1e-6)


def test_bootstrap_intervals_match_an_independent_resampling():
    board = leaderboard(SESSION, samples=2000, seed=1)
    outcomes = np.array([1.0] * 13 + [0.0] * 6 + [0.5])  # Gemma's score per vote
    rng = np.random.default_rng(12345)
    draws = []
    for _ in range(4000):
        share = rng.choice(outcomes, size=len(outcomes), replace=True).mean()
        share = min(max(share, 0.5 / 21), 1 - 0.5 / 21)  # one tie of prior, as the module adds at a clean sweep
        draws.append(ANCHOR + 200 * math.log10(share / (1 - share)))
    low, high = np.percentile(draws, [2.5, 97.5])
    gemma = next(s for s in board.standings if s.model == GEMMA)
    # 20 votes give a discrete distribution (steps of half a win, ~18 Elo near the upper end):
    # two independent resamplings agree to within one step.
    assert gemma.interval[0] == pytest.approx(low, abs=20)
    assert gemma.interval[1] == pytest.approx(high, abs=20)
    assert gemma.interval[0] < gemma.rating < gemma.interval[1]


def test_three_models_match_a_direct_maximum_likelihood_fit():
    a, b, c = "a", "b", "c"
    votes = ([Vote((a, b), a)] * 7 + [Vote((a, b), b)] * 3 + [Vote((b, c), b)] * 6 + [Vote((b, c), c)] * 4
             + [Vote((a, c), a)] * 5 + [Vote((a, c), c)] * 2 + [Vote((a, b, c), c)] * 2)  # fmt: skip
    rated = ratings(votes)
    pairs = [(x, y, 1.0 if v.winner == x else 0.0) for v in votes for x in v.models for y in v.models
             if x != y and v.winner in (x, y)]  # fmt: skip
    names = [a, b, c]

    def nll(theta):
        t = dict(zip(names, [0.0, *theta], strict=True))
        return -sum(math.log(1 / (1 + math.exp(t[y] - t[x]))) for x, y, won in pairs if won)

    fit = minimize(nll, [0.0, 0.0], method="BFGS").x
    logits = dict(zip(names, [0.0, *fit], strict=True))
    for x in names:
        for y in names:
            expected = 400 / math.log(10) * (logits[x] - logits[y])
            assert rated[x] - rated[y] == pytest.approx(expected, abs=0.5)


def test_an_undefeated_model_gets_a_finite_rating():
    rated = ratings([Vote((SMOL, GEMMA), GEMMA)] * 5)
    assert all(math.isfinite(v) for v in rated.values())
    assert rated[GEMMA] > rated[SMOL]


def test_votes_to_separate_are_enough_at_the_same_rate():
    needed = votes_to_separate(13.5, 20)
    n = 20 + needed
    rate = 13.5 / 20
    assert abs(math.log(rate / (1 - rate))) > 1.96 / math.sqrt(n * rate * (1 - rate))
    n -= 1
    assert abs(math.log(rate / (1 - rate))) <= 1.96 / math.sqrt(n * rate * (1 - rate)) + 1e-9
    assert votes_to_separate(10, 20) is None


def test_the_top_two_and_what_separates_them():
    board = leaderboard(SESSION, samples=300)
    assert [s.model for s in board.standings] == [GEMMA, SMOL]
    assert board.votes == 20 and board.votes_to_separate_top_two == votes_to_separate(13.5, 20)
    assert f"{GEMMA}-vs-{SMOL}" in board.separation


def test_failed_runs_and_votes_from_file_reach_the_command(tmp_path):
    path = tmp_path / "votes.jsonl"
    rows = [{"models": [SMOL, GEMMA], "winner": v.winner} for v in SESSION]
    rows.append({"models": [SMOL, GEMMA], "winner": SMOL, "failed": [GEMMA]})  # counts for nothing
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert len(tallied_votes(rows)) == 20
    out = run_cli("leaderboard", "--votes", str(path), "--json")
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["votes"] == 20
    assert [s["model"] for s in payload["standings"]] == [GEMMA, SMOL]
    assert payload["standings"][0]["kind"] == "measured"
    assert payload["standings"][0]["rating"] == pytest.approx(ratings(SESSION)[GEMMA], abs=0.1)


def test_batches_kept_by_the_tui_join_your_leaderboard_and_a_damaged_one_is_left_out(tmp_path):
    from agent.trials.evidence import EVALS_FOLDER, keep_eval, saved_evals, your_leaderboard

    passed, failed = {"passed": True}, {"passed": False}
    matrix = {"local/gemma3-270m": {"t1": passed, "t2": passed, "t3": failed},
              "local/smollm2-135m": {"t1": failed, "t2": passed, "t3": failed}}  # fmt: skip
    keep_eval(tmp_path, {"matrix": matrix}, "20261201-101500-000001")
    keep_eval(tmp_path, {"matrix": {"local/gemma3-270m": {"t4": {"passed": True}}}}, "20261201-101600-000001")
    (tmp_path / EVALS_FOLDER / "eval-broken.json").write_text("{not json")
    assert saved_evals(tmp_path) == [{"local/gemma3-270m": (2, 3), "local/smollm2-135m": (1, 3)},
                                     {"local/gemma3-270m": (1, 1)}]  # fmt: skip
    rates = {r.model: (r.passed, r.total) for r in your_leaderboard(tmp_path, tmp_path / "none.sqlite").pass_rates}
    assert rates == {"local/gemma3-270m": (3, 4), "local/smollm2-135m": (1, 3)}
