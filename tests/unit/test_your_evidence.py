"""Your own evidence from every front end: votes kept with TUI sessions and in votes.jsonl reach
the leaderboard and the ranking; saved eval pass rates reach the leaderboard."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from agent.advisor.nodes import AdvisorTools
from agent.advisor.recommendation import load_user_catalog
from agent.advisor.sessions import Advisor
from agent.settings import Settings
from agent.trials.evidence import SessionTrialLog, read_eval_results, your_votes
from agent.trials.leaderboard import leaderboard, pass_rates
from agent.trials.stats import tallied_votes, wilson_interval
from catalog.requirements import Requirements
from catalog.scoring import rank
from tests.cli_inprocess import run_cli

TODAY = dt.date(2026, 12, 1)
MINI, FULL = "openai/gpt-4.1-mini", "gpt-4.1"


@pytest.fixture
def cast(isolated_dirs, catalog):
    """12 votes through a TUI session (the trial screen's log) and 8 before any session (votes.jsonl)."""
    settings = Settings()
    advisor = Advisor(AdvisorTools(catalog=catalog, today=TODAY), settings.sessions_path)
    session = advisor.turn("a coding assistant for our team").session
    in_session = SessionTrialLog(advisor, lambda: session, settings.data_dir)
    before_session = SessionTrialLog(advisor, lambda: None, settings.data_dir)
    for winner in [MINI] * 10 + [FULL] * 2:
        in_session.add_vote({"models": [MINI, FULL], "winner": winner, "vote": "A"})
    for winner in [MINI] * 5 + [FULL] * 2 + [None]:
        before_session.add_vote({"models": [MINI, FULL], "winner": winner, "vote": "A"})
    advisor.close()
    return settings, session


def test_votes_from_sessions_and_the_votes_file_are_all_read(cast):
    settings, session = cast
    found = your_votes(settings.data_dir / "votes.jsonl", settings.sessions_path)
    assert len(found.votes) == 20
    assert found.sources == [f"8 from {settings.data_dir / 'votes.jsonl'}", "12 from your sessions"]
    only = your_votes(settings.data_dir / "votes.jsonl", settings.sessions_path, session=session)
    assert len(only.votes) == 12


def test_session_votes_rank_the_model_you_preferred_as_measured_by_you(cast, catalog):
    settings, _ = cast
    yours = load_user_catalog(settings)
    before = {r.canonical: r for r in rank(catalog, Requirements(task="coding"), TODAY).ranked}
    after = {r.canonical: r for r in rank(yours, Requirements(task="coding"), TODAY).ranked}
    assert after["gpt-4.1-mini"].quality > after["gpt-4.1"].quality  # 15.5 of 20 for mini
    assert before["gpt-4.1-mini"].quality < before["gpt-4.1"].quality  # the benchmarks say otherwise
    reason = next(r for r in after["gpt-4.1-mini"].reasons if r.startswith("quality"))
    assert "measured by you" in reason and "over 20 blind votes" in reason


def test_the_leaderboard_command_reads_every_vote_and_the_eval_results(cast, tmp_path):
    results = {"pass_rates": {MINI: {"passed": 7, "total": 8}, FULL: {"passed": 5, "total": 8}}}
    more = {"pass_rates": {MINI: {"passed": 2, "total": 4}}}
    (tmp_path / "a.json").write_text(json.dumps(results))
    (tmp_path / "b.json").write_text(json.dumps(more))
    out = run_cli("leaderboard", "--json", "--results", str(tmp_path / "a.json"), "--results", str(tmp_path / "b.json"))
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert payload["votes"] == 20
    assert [s["model"] for s in payload["standings"]] == [MINI, FULL]
    assert payload["votes_to_separate_top_two"] is not None or "no longer overlap" in payload["separation"]
    rates = {r["model"]: r for r in payload["pass_rates"]}
    assert (rates[MINI]["passed"], rates[MINI]["total"]) == (9, 12)  # pooled over both files
    assert rates[MINI]["interval"] == pytest.approx(list(wilson_interval(9, 12)))
    text = run_cli("leaderboard", "--results", str(tmp_path / "a.json"))
    assert "Eval pass rates, measured by you" in text.stdout and "7/8 passed" in text.stdout


def test_a_file_that_is_not_saved_eval_results_is_one_line(isolated_dirs, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"models": []}))
    out = run_cli("leaderboard", "--results", str(bad))
    assert out.returncode != 0
    assert out.stderr.strip().count("\n") == 0 and "pass_rates" in out.stderr and "Traceback" not in out.stderr


def test_saved_eval_results_read_back_as_counts_from_their_matrix(tmp_path):
    source = Path(__file__).parents[1] / "data" / "route_results.json"
    payload = json.loads(source.read_text())
    counts = read_eval_results(source)
    for model, cells in payload["matrix"].items():
        assert counts[model] == (sum(cell["passed"] for cell in cells.values()), len(payload["tests"]))
    board = leaderboard(tallied_votes([]), evals=[counts])
    assert [r.model for r in board.pass_rates] == [r.model for r in pass_rates([counts])]
    assert board.pass_rates[0].rate > board.pass_rates[-1].rate


def test_models_never_compared_are_not_ranked_against_each_other_as_if_they_were():
    """Votes pooled from every front end can hold pairs that never met: the leaderboard says so."""
    from agent.trials.stats import Vote

    votes = [Vote(("a", "b"), "a")] * 7 + [Vote(("a", "b"), "b")] * 3
    votes += [Vote(("c", "d"), "c")] * 8 + [Vote(("c", "d"), "d")] * 2
    board = leaderboard(votes, samples=100)
    first, second = (s.model for s in board.standings[:2])
    assert {first, second} == {"a", "c"}
    assert board.votes_to_separate_top_two is None
    assert board.separation == f"{first} and {second} have never been compared head to head: vote between them"
    assert "2 groups of models never compared" in board.method and "(a, b; c, d)" in board.method
    linked = leaderboard([*votes, Vote(("b", "c"), "b")], samples=100)
    assert "groups" not in linked.method
