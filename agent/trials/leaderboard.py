"""Your own leaderboard from blind votes: Bradley-Terry ratings on LMArena's scale with bootstrap
95% intervals, and how many more votes would separate the top two; beside them, your eval pass
rates (`tradeoff eval --save`) with Wilson intervals, pooled over the files given.

As LMArena computes them: a tie counts half a win to each side; ratings are 1000 + 400 log10 of
the Bradley-Terry strength (geometric mean 1000); intervals are the 2.5th and 97.5th percentiles
over votes resampled with replacement. A model that won (or lost) every comparison has no finite
maximum-likelihood rating, so every pair meets once more as a tie in the fit (a stated prior).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from agent.trials.stats import Vote, pairwise_wins, wilson_interval
from catalog.measured import MeasuredRating

SCALE, BASE, ANCHOR = 400.0, 10.0, 1000.0
PRIOR_TIES = 1.0  # per pair, only when some model is undefeated or winless
BOOTSTRAP_SAMPLES = 1000


@dataclass(frozen=True)
class Standing:
    model: str
    rating: float
    interval: tuple[float, float]
    wins: float
    comparisons: int


@dataclass(frozen=True)
class PassRate:
    """A model's eval tests: passed of run, pooled over every results file, with a 95% Wilson interval."""

    model: str
    passed: int
    total: int
    interval: tuple[float, float]

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass(frozen=True)
class Leaderboard:
    standings: tuple[Standing, ...]
    votes: int
    votes_to_separate_top_two: int | None
    separation: str
    method: str
    pass_rates: tuple[PassRate, ...] = ()


def pass_rates(results: Sequence[Mapping[str, tuple[int, int]]]) -> tuple[PassRate, ...]:
    """Each model's passed/run counts summed over the eval results, best rate first."""
    pooled: dict[str, list[int]] = {}
    for counts in results:
        for model, (passed, total) in counts.items():
            tally = pooled.setdefault(model, [0, 0])
            tally[0] += passed
            tally[1] += total
    rates = [
        PassRate(model, passed, total, wilson_interval(passed, total)) for model, (passed, total) in pooled.items()
    ]
    return tuple(sorted(rates, key=lambda r: (-r.rate, -r.total, r.model)))


def _pairwise(votes: Sequence[Vote]) -> dict[tuple[str, str], float]:
    """Wins of a over b, a tie giving each side half a win; a vote among k models is k-1 pairs per model."""
    return pairwise_wins(votes, tie_split=False)


def _needs_prior(models: list[str], wins: dict[tuple[str, str], float]) -> bool:
    for m in models:
        won = sum(w for (a, _), w in wins.items() if a == m)
        lost = sum(w for (_, b), w in wins.items() if b == m)
        if won == 0 or lost == 0:
            return True
    return False


def ratings(votes: Sequence[Vote], iterations: int = 500) -> dict[str, float]:
    """Bradley-Terry maximum likelihood (Hunter's MM algorithm) on the Elo scale."""
    models = sorted({m for vote in votes for m in vote.models})
    if len(models) < 2:
        return dict.fromkeys(models, ANCHOR)
    wins = _pairwise(votes)
    if _needs_prior(models, wins):
        for a in models:
            for b in models:
                if a != b:
                    wins[(a, b)] = wins.get((a, b), 0.0) + PRIOR_TIES / 2
    won = {m: sum(w for (a, _), w in wins.items() if a == m) for m in models}
    games = {(a, b): wins.get((a, b), 0.0) + wins.get((b, a), 0.0) for a in models for b in models if a != b}
    strength = dict.fromkeys(models, 1.0)
    for _ in range(iterations):
        updated = {}
        for m in models:
            denominator = sum(games[(m, o)] / (strength[m] + strength[o]) for o in models if o != m)
            updated[m] = won[m] / denominator if denominator else strength[m]
        mean_log = sum(math.log(v) for v in updated.values()) / len(models)
        updated = {m: v / math.exp(mean_log) for m, v in updated.items()}
        converged = max(abs(updated[m] - strength[m]) / strength[m] for m in models) < 1e-10
        strength = updated
        if converged:
            break
    return {m: ANCHOR + SCALE * math.log(s, BASE) for m, s in strength.items()}


def bootstrap(votes: Sequence[Vote], samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> dict[str, tuple[float, float]]:
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(samples):
        resample = [votes[rng.randrange(len(votes))] for _ in votes]
        for model, value in ratings(resample, iterations=200).items():
            draws.setdefault(model, []).append(value)
    intervals = {}
    for model, values in draws.items():
        values.sort()
        intervals[model] = (values[int(0.025 * (len(values) - 1))], values[math.ceil(0.975 * (len(values) - 1))])
    return intervals


def votes_to_separate(a_wins: float, games: float) -> int | None:
    """More head-to-head votes, at the observed win rate, until the 95% interval of the rating gap
    (normal approximation on the log-odds) excludes zero; None at an even record."""
    if games == 0:
        return None
    rate = min(max(a_wins / games, 0.5 / games), 1 - 0.5 / games)
    log_odds = math.log(rate / (1 - rate))
    if abs(log_odds) < 1e-9:
        return None
    needed = (1.96 / abs(log_odds)) ** 2 / (rate * (1 - rate))
    return max(0, math.ceil(needed - games))


def leaderboard(
    votes: Sequence[Vote],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = 0,
    evals: Sequence[Mapping[str, tuple[int, int]]] = (),
) -> Leaderboard:
    rated = ratings(votes)
    intervals = bootstrap(votes, samples, seed) if len(rated) >= 2 else dict.fromkeys(rated, (ANCHOR, ANCHOR))
    wins = _pairwise(votes)
    standings = sorted(
        (Standing(m, round(r, 1), (round(intervals[m][0], 1), round(intervals[m][1], 1)),
                  sum(w for (a, _), w in wins.items() if a == m),
                  sum(1 for v in votes if m in v.models)) for m, r in rated.items()),
        key=lambda s: (-s.rating, s.model),
    )  # fmt: skip
    needed, separation = None, "fewer than two models have votes"
    if len(standings) >= 2:
        first, second = standings[0].model, standings[1].model
        a_wins, b_wins = wins.get((first, second), 0.0), wins.get((second, first), 0.0)
        needed = votes_to_separate(a_wins, a_wins + b_wins)
        if a_wins + b_wins == 0:
            separation = f"{first} and {second} have never been compared head to head: vote between them"
        elif standings[1].interval[1] < standings[0].interval[0]:
            separation = f"{first} is ahead of {second}: their 95% intervals no longer overlap"
        elif needed is None:
            separation = f"{first} and {second} are even head to head; more votes may not separate them"
        else:
            separation = (f"about {needed} more {first}-vs-{second} votes at the current rate "
                          f"({a_wins:g}-{b_wins:g}) to separate them")  # fmt: skip
    method = (f"Bradley-Terry, Elo scale ({ANCHOR:g} + {SCALE:g} log10 strength), ties half a win, "
              f"{samples} bootstrap resamples for 95% intervals")  # fmt: skip
    groups = _groups(list(rated), wins)
    if len(groups) > 1:
        listed = "; ".join(", ".join(group) for group in groups)
        method += (f"; {len(groups)} groups of models never compared with each other, even through others "
                   f"({listed}): ratings across groups are not comparable")  # fmt: skip
    return Leaderboard(tuple(standings), len(votes), needed, separation, method, pass_rates(evals))


def _groups(models: list[str], wins: Mapping[tuple[str, str], float]) -> list[list[str]]:
    """Models linked by comparisons, directly or through others (the Bradley-Terry fit's connected parts)."""
    group = {m: m for m in models}

    def root(m: str) -> str:
        while group[m] != m:
            m = group[m]
        return m

    for a, b in wins:
        group[root(a)] = root(b)
    parts: dict[str, list[str]] = {}
    for m in sorted(models):
        parts.setdefault(root(m), []).append(m)
    return sorted(parts.values())


def measured_ratings(votes: Sequence[Vote], samples: int = 200) -> dict[str, MeasuredRating]:
    """Your standings as the catalog's ranking takes them (fewer resamples: this runs per ranking load)."""
    board = leaderboard(votes, samples=samples)
    group_of = {model: group[0] for group in _groups([s.model for s in board.standings], _pairwise(votes))
                for model in group}  # fmt: skip
    return {s.model: MeasuredRating(s.rating, s.interval[0], s.interval[1], s.comparisons, group_of[s.model])
            for s in board.standings}  # fmt: skip
