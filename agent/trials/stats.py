"""Statistics for trials and votes: Wilson intervals, exact paired tests, Bradley-Terry with a
bootstrap. Pure functions (scipy for the binomial distribution)."""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scipy.stats import binom

Z95 = 1.959963984540054


def wilson_interval(successes: int, trials: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion; (0, 1) when there are no trials."""
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def exact_binomial_p(k: int, n: int) -> float:
    """Two-sided exact p-value of k successes in n fair coin flips."""
    if n == 0:
        return 1.0
    tail = binom.cdf(min(k, n - k), n, 0.5)
    return float(min(1.0, 2 * tail))


def mcnemar_exact(only_a: int, only_b: int) -> float:
    """Exact McNemar test on paired pass/fail results: cases only A passed vs only B passed."""
    return exact_binomial_p(only_a, only_a + only_b)


def sign_test(differences: Sequence[float]) -> float:
    """Two-sided sign test on paired score differences (ties dropped)."""
    positive = sum(1 for d in differences if d > 0)
    negative = sum(1 for d in differences if d < 0)
    return exact_binomial_p(positive, positive + negative)


@dataclass(frozen=True)
class Vote:
    """One blind comparison: the winner (None for a tie or all bad) among the models shown."""

    models: tuple[str, ...]
    winner: str | None


def tallied_votes(votes: Sequence[Mapping[str, object]]) -> list[Vote]:
    """Stored votes as comparisons: a model that failed in that run neither won nor lost, so it
    is left out; a vote with fewer than two models left (or won by a failed one) counts for nothing."""
    tallied = []
    for vote in votes:
        failed = set(vote.get("failed") or ())  # type: ignore[call-overload]
        models = tuple(m for m in vote.get("models") or () if m not in failed)  # type: ignore[attr-defined]
        winner = vote.get("winner")
        if len(models) >= 2 and (winner is None or winner in models):
            tallied.append(Vote(models, winner if isinstance(winner, str) else None))
    return tallied


def pairwise_wins(votes: Sequence[Vote], tie_split: bool) -> dict[tuple[str, str], float]:
    """Wins of a over b per vote; a tie gives each pair half a win, or half a win shared among the
    k-1 pairs of a model when `tie_split` (so a tie weighs one vote per model whatever k is)."""
    wins: dict[tuple[str, str], float] = {}
    for vote in votes:
        tie = 0.5 / (len(vote.models) - 1) if tie_split and len(vote.models) > 1 else 0.5
        for a in vote.models:
            for b in vote.models:
                if a == b:
                    continue
                if vote.winner == a:
                    wins[(a, b)] = wins.get((a, b), 0.0) + 1.0
                elif vote.winner is None:
                    wins[(a, b)] = wins.get((a, b), 0.0) + tie
    return wins


def bradley_terry(votes: Sequence[Vote], iterations: int = 200) -> dict[str, float]:
    """Strengths (summing to 1) from pairwise wins, by the standard MM algorithm; ties add half a win each."""
    models = sorted({m for vote in votes for m in vote.models})
    wins = pairwise_wins(votes, tie_split=True)
    strength = {m: 1.0 / len(models) for m in models} if models else {}
    for _ in range(iterations):
        updated = {}
        for m in models:
            won = sum(w for (a, _), w in wins.items() if a == m) + 0.01  # a small prior keeps 0-win models finite
            games = sum(
                (wins.get((m, o), 0.0) + wins.get((o, m), 0.0)) / (strength[m] + strength[o]) for o in models if o != m
            )
            updated[m] = won / games if games else strength[m]
        total = sum(updated.values())
        strength = {m: v / total for m, v in updated.items()}
    return strength


def bootstrap_intervals(votes: Sequence[Vote], samples: int = 500, seed: int = 7) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of Bradley-Terry strengths over resampled votes."""
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(samples):
        resample = [votes[rng.randrange(len(votes))] for _ in votes]
        for model, value in bradley_terry(resample, iterations=60).items():
            draws.setdefault(model, []).append(value)
    intervals = {}
    for model, values in draws.items():
        values.sort()
        intervals[model] = (values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1])
    return intervals


def votes_still_needed(wins: int, decided: int, target_half_width: float = 0.15) -> int:
    """How many more decided votes until the Wilson interval on the win rate is this narrow."""
    for extra in range(0, 1000):
        n = decided + extra
        rate = wins / decided if decided else 0.5
        low, high = wilson_interval(round(rate * n), n)
        if n and (high - low) / 2 <= target_half_width:
            return extra
    return 1000


BT_MIN_VOTES = 10


def win_rate_lines(votes: Sequence[Vote]) -> list[str]:
    """Per model: wins of decided votes with a Wilson interval; Bradley-Terry with bootstrap
    intervals once there are enough votes; otherwise how many more are needed."""
    models = sorted({m for vote in votes for m in vote.models})
    decided = [vote for vote in votes if vote.winner is not None]
    lines = []
    for model in models:
        shown = [v for v in decided if model in v.models]
        wins = sum(1 for v in shown if v.winner == model)
        low, high = wilson_interval(wins, len(shown))
        lines.append(f"{model}: won {wins}/{len(shown)} decided votes (95% Wilson {low:.2f}-{high:.2f})")
    if len(votes) >= BT_MIN_VOTES:
        strengths, intervals = bradley_terry(votes), bootstrap_intervals(votes, samples=200)
        lines += [f"Bradley-Terry {m}: {strengths[m]:.2f} (bootstrap {intervals[m][0]:.2f}-{intervals[m][1]:.2f})"
                  for m in models]  # fmt: skip
    elif votes:
        lines.append(f"{BT_MIN_VOTES - len(votes)} more votes before a Bradley-Terry estimate")
    if decided and models:
        leader = max(models, key=lambda m: sum(1 for v in decided if v.winner == m))
        wins = sum(1 for v in decided if v.winner == leader)
        needed = votes_still_needed(wins, sum(1 for v in decided if leader in v.models))
        lines.append(f"about {needed} more decided votes to pin {leader}'s win rate to ±0.15")
    return lines
