"""The headless contract of SPEC §7 for recommend, cost and catalog, through `tui.cli.main` in-process."""

from __future__ import annotations

import json

import pytest


def test_recommend_json_follows_the_contract(cli):
    out = cli(
        "recommend",
        "--task",
        "chat",
        "--requests-per-day",
        "100k",
        "--budget-usd-month",
        "$3,000",
        "--max-ttft-ms",
        "1000",
        "--needs",
        "tools,json",
        "--top",
        "4",
        "--json",
    )
    assert out.returncode == 0, out.stderr
    payload = json.loads(out.stdout)
    assert set(payload) >= {"requirements", "ranked", "fallback", "eliminated", "pareto", "citations"}
    assert payload["requirements"]["requests_per_day"] == 100_000
    assert payload["requirements"]["budget_usd_month"] == 3_000
    assert 1 <= len(payload["ranked"]) <= 4
    for item in payload["ranked"]:
        assert set(item) >= {
            "model",
            "provider",
            "score",
            "subscores",
            "monthly_cost_usd",
            "within_budget",
            "ttft_ms",
            "open_weights",
            "max_input_tokens",
            "capabilities",
            "reasons",
        }
        assert {"tools", "json"} <= set(item["capabilities"])
        assert item["ttft_ms"] <= 1000
        assert item["within_budget"] == (item["monthly_cost_usd"] <= 3000)
    assert all({"model", "reasons"} <= set(e) for e in payload["eliminated"])
    assert {c["id"] for c in payload["citations"]} >= {"course/1.2", "course/3.3", "course/3.5"}


def test_recommend_reads_a_requirements_file_and_flags_override_it(tmp_path, cli):
    path = tmp_path / "req.yaml"
    path.write_text("task: coding\nrequests_per_day: 2000\nbudget_usd_month: 100\n")
    payload = json.loads(cli("recommend", "--requirements", str(path), "--budget-usd-month", "900", "--json").stdout)
    assert payload["requirements"]["task"] == "coding"
    assert payload["requirements"]["budget_usd_month"] == 900


def test_recommend_human_output_is_a_table_with_reasons(cli):
    out = cli("recommend", "--task", "classification", "--requests-per-day", "1M", "--top", "3")
    assert out.returncode == 0
    assert "score" in out.stdout and "$/month" in out.stdout
    assert "quality:" in out.stdout and "Fallback" in out.stdout


def test_recommend_writes_a_record_and_refuses_to_overwrite(tmp_path, cli):
    target = tmp_path / "decision.md"
    assert cli("recommend", "--task", "coding", "--record", str(target)).returncode == 0
    assert target.read_text().startswith("# Model choice for coding")
    again = cli("recommend", "--task", "coding", "--record", str(target))
    assert again.returncode == 2 and "--force" in again.stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["recommend", "--requests-per-day", "lots"], "--requests-per-day"),
        (["recommend", "--task", "poetry"], "--task"),
        (["recommend", "--needs", "vision,telepathy"], "--needs"),
        (["recommend", "--cache-hit-rate", "2"], "--cache-hit-rate"),
        (["recommend", "--privacy", "region-locked"], "--region"),
        (["recommend", "--requirements", "/nonexistent.yaml"], "--requirements"),
        (
            [
                "cost",
                "--model",
                "no-such-model",
                "--requests-per-day",
                "1",
                "--input-tokens",
                "1",
                "--output-tokens",
                "1",
            ],
            "--model",
        ),
        (["cost", "--model", "gpt-4.1"], "required"),
        (["catalog", "show"], "show needs a model id"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_option(args, needle, cli):
    out = cli(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert needle in lines[0]
    assert "Traceback" not in out.stderr


def test_bad_requirement_values_name_the_field(tmp_path, cli):
    path = tmp_path / "req.json"
    path.write_text(json.dumps({"task": "coding", "budget_usd_month": -4}))
    out = cli("recommend", "--requirements", str(path))
    assert out.returncode == 2
    assert "budget_usd_month" in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_a_broken_overrides_file_is_reported_not_crashed(isolated_dirs, cli):
    config = isolated_dirs / "config"
    (config / "models.yaml").write_text("models:\n  - id: gpt-4.1\n    ttft_ms: fast\n")
    out = cli("recommend", env={"TRADEOFF_CONFIG_DIR": str(config)})
    assert out.returncode == 2
    assert "models.yaml" in out.stderr and "ttft_ms" in out.stderr


def test_cost_json_matches_the_breakdown(cli):
    out = cli(
        "cost",
        "--model",
        "gpt-4.1",
        "--requests-per-day",
        "10k",
        "--input-tokens",
        "1000",
        "--output-tokens",
        "200",
        "--json",
    )
    payload = json.loads(out.stdout)
    assert payload["model"] == "gpt-4.1"
    assert payload["monthly_cost_usd"] == pytest.approx(300_000 * (1000 * 2e-06 + 200 * 8e-06))
    assert payload["per_request_usd"] == pytest.approx(1000 * 2e-06 + 200 * 8e-06)
    breakdown = payload["breakdown"]
    assert breakdown["input_usd"] + breakdown["output_usd"] == pytest.approx(payload["monthly_cost_usd"])


def test_catalog_filters_by_provider_and_capability(cli):
    payload = json.loads(cli("catalog", "--provider", "anthropic", "--needs", "vision", "--json").stdout)
    assert payload["count"] > 0
    assert all(m["provider"] == "anthropic" and "vision" in m["capabilities"] for m in payload["models"])
    everything = json.loads(cli("catalog", "--all", "--json").stdout)
    assert everything["count"] > 3000


def test_catalog_show_gives_sources_for_figures(cli):
    payload = json.loads(cli("catalog", "show", "claude-sonnet-4-6", "--json").stdout)
    assert payload["quality_source"] == "tradeoff-quality-2026-11"
    assert payload["input_usd_per_mtok"] == pytest.approx(3.0)
    assert payload["benchmarks_as_of"] == "2026-07-01"
    evidence = payload["quality_evidence"]
    assert set(evidence) == set(payload["quality"])
    for figure in evidence.values():
        assert {"value", "source", "url", "as_of", "kind", "interval"} <= set(figure)
        assert figure["interval"][0] <= figure["value"] <= figure["interval"][1]
    coding = evidence["coding"]
    assert coding["kind"] == "benchmark" and coding["url"].startswith("https://github.com/LiveBench/")
    assert coding["figures"][0]["leaderboard_name"].startswith("claude-sonnet-4-6")
    assert evidence["classification"]["kind"] == "estimate"


def test_catalog_show_text_names_benchmark_figure_date_and_estimates(cli):
    out = cli("catalog", "show", "gpt-4.1").stdout
    assert "benchmark snapshot as of 2026-07-01" in out
    assert "LMArena text, style control, coding: 1453.5 (95% 1446.8-1460.2) as 'gpt-4.1-2025-04-14'" in out
    assert "Aider polyglot, polyglot pass rate: 52.4" in out
    assert "classification 86 [76-96] estimate: editorial estimate" in out
    newer = cli("catalog", "show", "gpt-5.6").stdout
    assert "benchmark:" not in newer
    assert "on no leaderboard in the snapshot" in newer


def test_catalog_refresh_offline_says_so_plainly(cli):
    out = cli("catalog", "refresh", env={"TRADEOFF_PRICE_MAP_URL": "http://127.0.0.1:9/prices.json"})
    assert out.returncode == 1
    assert "offline or unreachable" in out.stdout
    assert "Traceback" not in out.stderr


def test_an_eu_lock_eliminates_models_not_served_in_the_eu_and_takes_either_flag_spelling(cli):
    out = cli("recommend", "--task", "chat", "--requests-per-day", "50k", "--privacy", "region-locked",
              "--regions", "eu", "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    reasons = {item["model"]: item["reasons"] for item in report["eliminated"]}
    assert "not served in eu; gemini lists us" in reasons["gemini/gemini-2.5-flash"]
    assert all(item["model"] not in reasons for item in report["ranked"])
