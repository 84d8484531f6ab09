"""Your blind votes rank ahead of public benchmarks, which rank ahead of estimates."""

from __future__ import annotations

import datetime as dt
import json
import statistics

import pytest

from catalog.measured import MIN_VOTES, QUALITY_PER_ELO, MeasuredRating, with_measured_quality
from catalog.requirements import Requirements
from catalog.scoring import TASK_PROFILES, rank, task_quality
from tests.cli_inprocess import run_cli

TODAY = dt.date(2026, 11, 29)
MINI, FULL = "gpt-4.1-mini", "gpt-4.1"


def _votes(mini_wins: int, full_wins: int) -> dict[str, MeasuredRating]:
    gap = 400 * __import__("math").log10(mini_wins / full_wins)
    return {MINI: MeasuredRating(1000 + gap / 2, 950, 1100, mini_wins + full_wins),
            FULL: MeasuredRating(1000 - gap / 2, 900, 1050, mini_wins + full_wins)}  # fmt: skip


def test_your_votes_reorder_the_models_you_rated(catalog):
    before = {r.canonical: r for r in rank(catalog, Requirements(task="coding"), TODAY).ranked}
    assert before[FULL].quality > before[MINI].quality  # the benchmarks put gpt-4.1 ahead
    measured = with_measured_quality(catalog, _votes(15, 5))
    after = rank(measured, Requirements(task="coding"), TODAY)
    rows = {r.canonical: r for r in after.ranked}
    assert rows[MINI].quality > rows[FULL].quality
    assert rows[MINI].reasons[0].startswith("quality: ")
    assert "measured by you: rating" in rows[MINI].reasons[0] and "before your votes: coding" in rows[MINI].reasons[0]


def test_the_mean_over_rated_models_is_kept_and_the_gap_follows_the_rule(catalog):
    ratings = _votes(15, 5)
    measured = with_measured_quality(catalog, ratings)
    for task in TASK_PROFILES:
        old = [task_quality(catalog.get(m), task) for m in (MINI, FULL)]
        new = [task_quality(measured.get(m), task) for m in (MINI, FULL)]
        if all(0 < q < 100 for q in new):
            assert statistics.fmean(new) == pytest.approx(statistics.fmean(old))
            expected_gap = QUALITY_PER_ELO * (ratings[MINI].rating - ratings[FULL].rating)
            assert new[0] - new[1] == pytest.approx(expected_gap)


def test_every_route_of_a_rated_model_takes_your_votes(catalog):
    measured = with_measured_quality(catalog, _votes(15, 5))
    assert task_quality(measured.get("azure/gpt-4.1-mini"), "coding") == task_quality(measured.get(MINI), "coding")


def test_too_few_votes_or_one_model_change_nothing(catalog):
    few = {m: MeasuredRating(r.rating, r.low, r.high, MIN_VOTES - 1) for m, r in _votes(6, 2).items()}
    assert with_measured_quality(catalog, few) is catalog
    assert with_measured_quality(catalog, {MINI: _votes(15, 5)[MINI]}) is catalog
    unknown = {"acme/not-a-model": MeasuredRating(1200, 1100, 1300, 30), MINI: _votes(15, 5)[MINI]}
    assert with_measured_quality(catalog, unknown) is catalog


def test_recommend_reads_your_votes_file(isolated_dirs):
    votes = [{"models": ["openai/gpt-4.1-mini", "gpt-4.1"], "winner": "openai/gpt-4.1-mini"}] * 15
    votes += [{"models": ["openai/gpt-4.1-mini", "gpt-4.1"], "winner": "gpt-4.1"}] * 5
    (isolated_dirs / "data" / "votes.jsonl").write_text("".join(json.dumps(v) + "\n" for v in votes) + "{torn\n")
    out = run_cli("recommend", "--task", "coding", "--json")
    assert out.returncode == 0, out.stderr
    rows = {r["model"]: r for r in json.loads(out.stdout)["ranked"]}
    mini = next(r for m, r in rows.items() if m.endswith("gpt-4.1-mini"))
    assert any("measured by you" in reason for reason in mini["reasons"])


def test_models_never_compared_with_each_other_move_only_within_their_own_group(catalog):
    """gpt-4.1-mini vs gpt-4.1 and the two local models never met: the local models' ratings say
    nothing about gpt-4.1-mini, so its quality is what its own pair's votes give."""
    from agent.trials.leaderboard import measured_ratings
    from agent.trials.stats import Vote

    smol, gemma = "local/smollm2-135m", "local/gemma3-270m"
    pair = [Vote(("openai/gpt-4.1-mini", FULL), "openai/gpt-4.1-mini")] * 15 + [
        Vote(("openai/gpt-4.1-mini", FULL), FULL)
    ] * 5
    local = [Vote((smol, gemma), gemma)] * 9 + [Vote((smol, gemma), smol)] * 3
    alone = with_measured_quality(catalog, measured_ratings(pair))
    both = with_measured_quality(catalog, measured_ratings(pair + local))
    assert measured_ratings(pair + local)[FULL].group != measured_ratings(pair + local)[smol].group
    for task in TASK_PROFILES:
        # Equal up to the ratings being rounded to 0.1 (x 0.15 quality per point).
        assert task_quality(both.get(MINI), task) == pytest.approx(task_quality(alone.get(MINI), task), abs=0.05)
    assert task_quality(both.get("openai/gemma3-270m"), "chat") > task_quality(both.get("openai/smollm2-135m"), "chat")
    assert task_quality(both.get("openai/gemma3-270m"), "chat") < 40  # moved among the local models, not to gpt-4.1's
