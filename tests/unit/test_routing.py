"""`tradeoff route` on a fixed eval-results file whose figures were computed by hand, and the
`plan` economics on the course's own example numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.record.litellm_config import tier_for_prompt
from agent.trials.routing import Cell, EvalResults, RoutingError, Test, read_results, request_time_check, route
from catalog import plans
from tui.cli import main

RESULTS = Path(__file__).parents[1] / "data" / "route_results.json"
CHEAP, STRONG = "cheap/model-small", "strong/model-large"
PRICES = {CHEAP: (1e-6, 2e-6), STRONG: (10e-6, 20e-6)}  # 100 in + 50 out tokens: $0.0002 and $0.002 a request


@pytest.fixture
def report():
    return route(read_results(json.loads(RESULTS.read_text())), [CHEAP, STRONG], PRICES.get, 10_000)


def test_each_router_matches_the_hand_computed_figures(report):
    strong, cheap = report.router(f"{STRONG} alone"), report.router(f"{CHEAP} alone")
    assert (strong.passed, strong.cost_per_1k_usd, strong.saving_vs_strong) == (7, pytest.approx(2.0), 0.0)
    assert (cheap.passed, cheap.cost_per_1k_usd) == (5, pytest.approx(0.2))
    assert cheap.saving_vs_strong == pytest.approx(0.9)
    # Oracle: t1-t5 and t8 (nobody passes) on the cheap model, t6 and t7 on the strong one.
    oracle = report.router("oracle")
    assert oracle.passed == 7 and not oracle.realisable
    assert oracle.cost_per_1k_usd == pytest.approx((6 * 0.0002 + 2 * 0.002) / 8 * 1000)  # $0.65
    assert oracle.share == {CHEAP: 0.75, STRONG: 0.25}
    # Cascade: the JSON checks fail on t6 and t8 and the length check on t7: three escalations.
    cascade = report.router("cascade")
    assert cascade.passed == 7 and cascade.calls_per_request == pytest.approx(11 / 8)
    assert cascade.cost_per_1k_usd == pytest.approx((8 * 0.0002 + 3 * 0.002) / 8 * 1000)  # $0.95
    assert cascade.saving_vs_strong == pytest.approx(0.525)
    assert cascade.monthly_usd == pytest.approx(0.00095 * 10_000 * 30)  # $285
    assert cascade.share == {CHEAP: 0.625, STRONG: 0.375}
    assert cascade.called == {CHEAP: 1.0, STRONG: 0.375}
    # Latency: 200 ms cheap, 1,000 ms strong; an escalation pays both.
    assert cascade.added_latency_ms == pytest.approx((5 * 200 + 3 * 1200) / 8 - 1000)
    assert cascade.wilson == pytest.approx((0.529, 0.978), abs=1e-3)


def test_the_cheapest_router_keeping_95pct_of_strong_quality_is_recommended(report):
    assert report.recommended == "cascade"  # the heuristic's held-out half is too small to be chosen
    assert report.conclusion.startswith("Use the cascade: it saves 52%")


def test_the_heuristic_is_fitted_on_one_half_and_reported_on_the_other(report):
    heuristic = report.router("heuristic")
    assert heuristic.tests == 4 and "held-out 4 of 8" in heuristic.evaluated_on
    assert report.curve[0].strong_share == 0 and report.curve[-1].strong_share == 1
    assert report.curve[-1].saving_vs_strong == pytest.approx(0.0)
    strong_rate = report.curve[-1].pass_rate
    reached = [p.saving_vs_strong for p in report.curve if p.pass_rate >= 0.95 * strong_rate]
    assert report.saving_at_95pct == max(reached)


def test_request_time_checks_use_only_reference_free_assertions():
    asserts = [{"type": "is-json"}, {"type": "contains", "value": "QED"}]
    assert request_time_check(asserts, '{"a": 1}', None) == (True, "checks passed")  # `contains` needs the reference
    assert request_time_check(asserts, "nope", None) == (False, "not JSON")
    assert request_time_check([{"type": "max-length", "value": 3}], "four", None)[0] is False
    assert request_time_check([], "", "timeout") == (False, "error")


def test_the_cli_prints_the_table_and_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    prices = ["--price", f"{CHEAP}=1,2", "--price", f"{STRONG}=10,20"]
    assert main(["route", "--results", str(RESULTS), *prices, "--requests-per-day", "10k"]) == 0
    text = capsys.readouterr().out
    assert "cascade" in text and "RouteLLM's figure of merit" in text and "$285" in text
    assert main(["route", "--results", str(RESULTS), *prices, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["recommended"] == "cascade" and payload["requests_per_day_origin"].startswith("assumed")
    assert {r["name"] for r in payload["routers"]} >= {"oracle", "cascade", "heuristic"}


def test_bad_route_input_is_one_line(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    assert main(["route", "--results", str(tmp_path / "none.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["route", "--results", str(RESULTS), "--models", f"{CHEAP},other/model"]) == 2
    assert "other/model is not in these results" in capsys.readouterr().err
    assert main(["route", "--results", str(RESULTS)]) == 0  # no price: the eval's own recorded costs ($0 here)
    out = capsys.readouterr().out
    assert "Every model costs $0 here" in out and "no router that keeps 95% of its pass rate costs less" in out
    data = json.loads(RESULTS.read_text())
    for row in data["matrix"].values():
        for cell in row.values():
            cell["cost_usd"] = None
    unpriced = tmp_path / "unpriced.json"
    unpriced.write_text(json.dumps(data))
    assert main(["route", "--results", str(unpriced)]) == 2
    assert "no price for cheap/model-small; give one with --price" in capsys.readouterr().err
    with pytest.raises(RoutingError, match="no tests"):
        read_results({"models": ["a"], "matrix": {"a": {}}})


def test_plan_finetune_on_the_course_example():
    # Module 2.2.3: $8,000 a month on a frontier model, a $30,000 project, $3,000 a month after.
    plan = plans.finetune(8_000, 3_000, investment_usd=30_000)
    assert plan.figures["payback_months"] == pytest.approx(6.0)
    assert plan.conclusion.startswith("Fine-tuning pays back in 6.0 months")
    with_volume = plans.finetune(8_000, 3_000, 40_000, investment_usd=30_000)
    # $5,000 a month over 1.2M requests; a 12-month payback needs $2,500 a month: half the volume.
    assert with_volume.figures["min_requests_per_day"] == pytest.approx(20_000)
    assert "not worth it below 20,000 requests/day" in with_volume.conclusion


def test_plan_finetune_defaults_are_the_course_ranges():
    plan = plans.finetune(8_000, 3_000)
    assert plan.figures["investment_usd"] == 12_500 + 4 * 5_500
    lines = [a.line() for a in plan.assumptions]
    assert any("$5K-$20K" in line for line in lines) and any("3-5" in line for line in lines)
    assert any("20-40%" in line for line in lines)
    assert plans.finetune(3_000, 3_500).conclusion.startswith("Fine-tuning never pays back")


def test_plan_distill_and_tco_draw_a_conclusion():
    plan = plans.distill(0.01, 10_000)  # 30x cheaper: $0.000333 a request
    assert plan.figures["break_even_requests"] == pytest.approx(34_500 / (0.01 - 0.01 / 30))
    assert "Distillation pays back in" in plan.conclusion
    assert plan.figures["payback_months"] == pytest.approx(34_500 / (0.01 - 0.01 / 30) / 300_000)
    owned = plans.tco(1_000)
    assert owned.figures["monthly_usd"] == 3_000 and "engineering is the largest part" in owned.conclusion


def test_plan_cli_text_and_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    args = ["plan", "finetune", "--current-usd-month", "8000", "--tuned-usd-month", "3000", "--investment-usd", "30k"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.strip().endswith("(payback past 12 months).") and "module/2.2.3" in out
    assert main([*args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["figures"]["payback_months"] == pytest.approx(6.0)
    assert main(["plan", "selfhost", "--model", "gpt-4.1", "--requests-per-day", "40k"]) == 0
    out = capsys.readouterr().out
    assert "GPU rental" in out and "it only pays above" in out
    assert main(["plan", "distill", "--model", "gpt-4.1", "--requests-per-day", "40k", "--json"]) == 0
    assert "pays back" in json.loads(capsys.readouterr().out)["conclusion"]
    assert main(["plan", "finetune"]) == 2
    assert "--current-usd-month" in capsys.readouterr().err


def test_export_writes_the_heuristic_rule_and_refuses_the_oracle(report, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    routing = tmp_path / "route.json"
    routing.write_text(json.dumps(report.as_json()))
    assert main(["export", "--format", "litellm", "--routing", str(routing), "--router", "heuristic"]) == 0
    config = yaml.safe_load(capsys.readouterr().out)
    step = config["tradeoff_routing"]
    assert step["router"] == "heuristic" and set(step["rule"]) >= {"threshold", "weights", "long_above_tokens"}
    assert all("api_key" not in m["litellm_params"] for m in config["model_list"])  # no known provider: no key
    assert tier_for_prompt(step, "Say hello.") in ("tier-1", "tier-2")
    assert main(["export", "--format", "litellm", "--routing", str(routing), "--router", "oracle"]) == 2
    assert "cannot be deployed" in capsys.readouterr().err
    # md and json put the measured routing in a session's record (tests/test_record_routing.py): a session is needed
    assert main(["export", "--format", "md", "--routing", str(routing)]) == 2
    assert "there are no sessions yet" in capsys.readouterr().err


def test_route_and_plan_take_the_volume_from_a_session(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path))
    assert main(["ask", "support chatbot, 40k chats a day, under 1 second", "--json"]) == 0
    session = json.loads(capsys.readouterr().out)["session"]
    prices = ["--price", f"{CHEAP}=1,2", "--price", f"{STRONG}=10,20"]
    assert main(["route", "--results", str(RESULTS), *prices, "--session", session, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["requests_per_day"] == 40_000 and payload["requests_per_day_origin"] == f"session {session}"
    assert main(["plan", "finetune", "--model", "gpt-4.1", "--tuned-model", "gpt-4.1-mini", "--session", session]) == 0
    assert f"gpt-4.1 at 40,000 requests/day (session {session})" in capsys.readouterr().out



@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(1, 500), st.integers(1, 500)), min_size=1,
                max_size=30))  # fmt: skip
def test_router_invariants_hold_on_any_matrix(rows):
    tests = tuple(Test(f"t{i}", "x" * (i * 7 + 1), ({"type": "is-json"},) if i % 3 else ()) for i in range(len(rows)))
    cells = {CHEAP: {}, STRONG: {}}
    for test, (cheap_ok, strong_ok, tokens_in, tokens_out) in zip(tests, rows, strict=True):
        cells[CHEAP][test.id] = Cell(cheap_ok, '{"a": 1}' if cheap_ok else "no", None, 100.0, tokens_in, tokens_out)
        cells[STRONG][test.id] = Cell(strong_ok, "{}", None, 900.0, tokens_in, tokens_out)
    report = route(EvalResults((CHEAP, STRONG), tests, cells), [CHEAP, STRONG], PRICES.get, 1_000)
    alone = [report.router(f"{m} alone") for m in (CHEAP, STRONG)]
    oracle = report.router("oracle")
    assert oracle.passed >= max(r.passed for r in alone)  # the oracle is an upper bound
    assert oracle.cost_per_1k_usd <= report.router(f"{STRONG} alone").cost_per_1k_usd + 1e-12
    for router in report.routers:
        assert router.cost_per_1k_usd >= 0 and router.monthly_usd >= 0
        assert sum(router.share.values()) == pytest.approx(1.0)
        low, high = router.wilson
        assert low >= 0 and high <= 1 and low - 1e-12 <= router.pass_rate <= high + 1e-12  # float slack at 0
    cascade = report.router("cascade")
    assert cascade.called[CHEAP] == 1.0 and 1 <= cascade.calls_per_request <= 2
