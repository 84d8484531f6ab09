"""Hostile input to every subcommand, through `tui.cli.main` in-process: exit 2, one line on stderr
naming what is wrong, no traceback, and nothing non-finite ever printed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.cli_inprocess import Ran

HUGE = "9" * 400


def assert_refused(out: Ran, needle: str = "") -> None:
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2, (out.returncode, out.stderr[-2000:])
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr and "internal error" not in out.stderr
    assert needle in lines[0], lines[0]


COST = ["cost", "--model", "gpt-4.1", "--input-tokens", "100", "--output-tokens", "10"]
TRIAL = ["trial", "--models", "openai/a,openai/b", "--prompt", "hi"]

# (argv, a word the one-line message must contain)
HOSTILE: list[tuple[list[str], str]] = [
    *[(["recommend", flag, HUGE], flag) for flag in ("--input-tokens", "--output-tokens", "--min-context", "--top",
                                                      "--budget-usd-month", "--max-ttft-ms", "--requests-per-day",
                                                      "--reasoning-tokens", "--operations-usd-month")],
    *[(["recommend", flag, value], flag) for flag in ("--budget-usd-month", "--requests-per-day", "--max-ttft-ms")
      for value in ("nan", "inf", "-1", "1e400", "½", "")],
    (["recommend", "--max-ttft-ms", "0"], "--max-ttft-ms"),
    (["recommend", "--cache-hit-rate", HUGE], "--cache-hit-rate"),
    (["recommend", "--max-response-ms", HUGE + "s"], "--max-response-ms"),
    (["recommend", "--region", "\x1b[31mmars"], "--region"),
    (["recommend", "--region", "mars", "--privacy", "region-locked"], "two-letter code"),
    (["recommend", "--task", "hacking"], "--task"),
    ([*COST, "--requests-per-day", "9" * 40 + "b"], "--requests-per-day"),
    (["cost", "--model", "gpt-4.1", "--requests-per-day", "1", "--input-tokens", "-5", "--output-tokens", "1"],
     "--input-tokens"),
    (["catalog", "show", "\x1b]0;title\x07"], "not in the catalog"),
    (["search", "x", "--k", HUGE], "--k"),
    (["search", "x", "--k", "0"], "--k"),
    (["search", "x", "--chapter", HUGE], "--chapter"),
    (["search", "   "], "QUERY"),
    (["ask", "   "], "MESSAGE"),
    (["ask", "hi", "--session", ""], "--session"),
    (["ask", "hi", "--session", "../../etc"], "--session"),
    (["ask", "hi", "--session", "nosuchsession"], "--session"),
    ([*TRIAL, "--runs", HUGE], "--runs"),
    ([*TRIAL, "--runs", "0"], "--runs"),
    ([*TRIAL, "--max-tokens", "0"], "--max-tokens"),
    ([*TRIAL, "--max-tokens", HUGE], "--max-tokens"),
    ([*TRIAL, "--timeout", "0"], "--timeout"),
    ([*TRIAL, "--timeout", "nan"], "--timeout"),
    ([*TRIAL, "--price", "openai/a=nan,inf"], "--price"),
    ([*TRIAL, "--price", "openai/a=-1,-1"], "--price"),
    ([*TRIAL, "--price", "=1,2"], "--price"),
    ([*TRIAL, "--api-base", "javascript:alert(1)"], "--api-base"),
    (["trial", "--models", "a\x1b[2J,b", "--prompt", "hi"], "--models"),
    (["trial", "--models", "openai/a", "--prompt", "hi"], "--models"),
    (["eval", "--tests", "t.jsonl", "--concurrency", HUGE], "--concurrency"),
    (["eval", "--tests", "t.jsonl", "--concurrency", "0"], "--concurrency"),
    (["local", "serve", "--port", HUGE], "--port"),
    (["local", "serve", "--port", "80"], "--port"),
    (["export", "--session", "", "--format", "md"], "--session"),
    (["export", "--format", "pdf"], "--format"),
    (["recheck", "/nonexistent.json"], "RECORD"),
    (["import", "/"], "RECORD"),
    (["ingest", "/nonexistent/notes.md"], "PATH"),
    (["--session", "\x1b[2J"], "--session"),
    # found by a stranger on 2026-12-04: each said something wrong or nothing at all
    (["recommend", "--requests-per-day", "1e300"], "above 0 and up to 10,000,000,000"),
    (["recommend", "--cache-hit-rate", "-0.1"], "below zero"),
    (["recommend", "--languages", "klingon"], "unknown language 'klingon'"),
    (["recommend", "--exclude-makers", "klingon"], "unknown model maker 'klingon'"),
    (["recommend", "--record", ""], "--record: give a file path"),
    (["export", "--format", "md", "--router", "cascade"], "--router needs --routing"),
]


@pytest.mark.parametrize(("argv", "needle"), HOSTILE, ids=[" ".join(a)[:60] for a, _ in HOSTILE])
def test_hostile_values_exit_2_with_one_line(argv, needle, cli):
    assert_refused(cli(*argv), needle)


def _eval_file(name: str, content: bytes | None) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if content is None:
            path.mkdir()
        else:
            path.write_bytes(content)
        return path

    return make


EVAL_FILES = {
    "empty jsonl": _eval_file("t.jsonl", b""),
    "header-only csv": _eval_file("t.csv", b"id,prompt,expected\n"),
    "csv without a prompt column": _eval_file("t.csv", b"id,question\n1,hi\n"),
    "malformed yaml": _eval_file("t.yaml", b"prompts: [unclosed\ntests: {"),
    "yaml tests not a list": _eval_file("t.yaml", b"prompts: ['x']\ntests: 5\n"),
    "bad regex": _eval_file("t.jsonl", json.dumps({"prompt": "x", "assert": [{"type": "regex", "value": "(["}]})
                            .encode()),
    "non-utf8": _eval_file("t.jsonl", b'{"prompt": "\xff\xfe"}\n'),
    "max-latency abc": _eval_file("t.jsonl", json.dumps({"prompt": "x", "assert": [{"type": "max-latency",
                                                                                   "value": "abc"}]}).encode()),
    "max-cost nan": _eval_file("t.jsonl", b'{"prompt": "x", "assert": [{"type": "max-cost", "value": NaN}]}\n'),
    "a line that is an array": _eval_file("t.jsonl", b'["prompt", "x"]\n'),
    "an invalid json-schema": _eval_file("t.jsonl", json.dumps({"prompt": "x", "assert": [{"type": "json-schema",
                                                                                          "value": {"type": 5}}]})
                                         .encode()),
    "a directory": _eval_file("t.jsonl", None),
}


@pytest.mark.parametrize("case", sorted(EVAL_FILES))
def test_unusable_eval_test_files_are_explained(tmp_path, case, cli):
    path = EVAL_FILES[case](tmp_path)
    assert_refused(cli("eval", "--models", "openai/a,openai/b", "--tests", str(path)), "--tests")


def test_numbers_in_range_still_work(cli):
    out = cli(*COST, "--requests-per-day", "10b", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["monthly_cost_usd"] > 0
    assert_refused(cli(*COST, "--requests-per-day", "10.1b"), "above 0 and up to 10,000,000,000")


@pytest.mark.parametrize(
    ("env", "config", "needle"),
    [
        ({"TRADEOFF_SPEND_CAP_USD": "inf"}, None, "TRADEOFF_SPEND_CAP_USD"),
        ({"TRADEOFF_SPEND_CAP_USD": "abc"}, None, "TRADEOFF_SPEND_CAP_USD"),
        ({"TRADEOFF_SPEND_CAP_USD": "nan"}, None, "TRADEOFF_SPEND_CAP_USD"),
        ({"TRADEOFF_TRIAL_MAX_TOKENS": HUGE}, None, "TRADEOFF_TRIAL_MAX_TOKENS"),
        ({"TRADEOFF_TRIAL_API_BASE": "javascript:alert(1)"}, None, "TRADEOFF_TRIAL_API_BASE"),
        ({"TRADEOFF_ADVISOR_MODEL": "gpt\x1b]0;pwned\x07"}, None, "TRADEOFF_ADVISOR_MODEL"),
        ({"TRADEOFF_LOCAL_PORT": "65535"}, None, "TRADEOFF_LOCAL_PORT"),
        ({}, b"spend_cap_usd = [\n", "config.toml"),
        ({}, b"spend_cap_usd = nan\n", "config.toml"),
        ({}, b"local_port = 99999\n", "config.toml"),
        ({}, b"\xff\xfe", "config.toml"),
    ],
)
def test_a_bad_setting_is_one_line_naming_where_it_came_from(isolated_dirs, env, config, needle, cli):
    if config is not None:
        (isolated_dirs / "config" / "config.toml").write_bytes(config)
    for command in (["recommend"], ["sessions"], [*TRIAL, "--yes"]):
        assert_refused(cli(*command, env=env), needle)


@pytest.mark.parametrize(
    "overrides",
    [
        b"models: [unclosed\n",
        b"\xff\xfe",
        b"models:\n  - id: gpt-4.1\n    ttft_ms: .nan\n",
        b"models:\n  - id: gpt-4.1\n    quality: {chat: fast}\n",
        b"models:\n  - id: \"evil\\e]0;title\\a\"\n    provider: openai\n    prices: {input: 0.1, output: 0.1}\n",
        b"measured:\n  gpt-4.1: {ttft_ms: .inf}\n",
    ],
)
def test_a_bad_models_yaml_is_one_line(isolated_dirs, overrides, cli):
    (isolated_dirs / "config" / "models.yaml").write_bytes(overrides)
    for command in (["recommend"], [*COST, "--requests-per-day", "1"], ["catalog"]):
        assert_refused(cli(*command), "models.yaml")


def test_models_yaml_that_is_a_directory_is_one_line(isolated_dirs, cli):
    (isolated_dirs / "config" / "models.yaml").mkdir()
    assert_refused(cli("recommend"), "models.yaml")


def test_no_infinity_or_nan_reaches_json_output(cli):
    out = cli("recommend", "--budget-usd-month", "1b", "--requests-per-day", "10b", "--max-ttft-ms", "3600000",
              "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    json.loads(out.stdout, parse_constant=lambda name: pytest.fail(f"{name} in --json output"))


def test_an_unexpected_error_is_one_line_and_its_traceback_is_logged(isolated_dirs, cli):
    # A sessions path that is a directory is no bad input of the user's: a real failure, logged.
    (isolated_dirs / "data" / "sessions.sqlite").mkdir(parents=True)
    out = cli("sessions")
    assert out.returncode == 1 and len(out.stderr.strip().splitlines()) == 1
    assert "internal error" in out.stderr and "Traceback" not in out.stderr
    assert "Traceback" in (isolated_dirs / "log" / "tradeoff.log").read_text()


JSON_HOSTILE: list[list[str]] = [
    ["recommend", "--budget-usd-month", HUGE, "--json"],
    ["recommend", "--requirements", "/", "--json"],
    [*COST, "--requests-per-day", "nan", "--json"],
    ["catalog", "show", "no-such-model", "--json"],
    ["search", "x", "--k", "-1", "--json"],
    ["ask", "", "--json"],
    [*TRIAL, "--price", "openai/a=inf,1", "--json"],
    ["eval", "--tests", "/", "--json"],
    ["recheck", "/", "--json"],
    ["sessions", "--json", "--bogus"],
    ["ingest", "/nonexistent", "--json"],
]


@pytest.mark.parametrize("argv", JSON_HOSTILE, ids=[" ".join(a)[:50] for a in JSON_HOSTILE])
def test_hostile_values_with_json_print_nothing_half_made(argv, cli):
    out = cli(*argv)
    assert_refused(out)
    assert out.stdout == ""  # never half a JSON document on stdout


@pytest.mark.parametrize(
    "argv",
    [["recommend", "--json"], [*COST, "--requests-per-day", "10b", "--json"], ["catalog", "--all", "--json"],
     ["sessions", "--json"]],
)  # fmt: skip
def test_json_output_is_strict_json(argv, cli):
    out = cli(*argv)
    assert out.returncode == 0, out.stderr
    json.loads(out.stdout, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))


# 1,000 levels already exhaust PyYAML's recursion (600 do); 5,000 took ~3 s to unwind for the same refusal.
@pytest.mark.parametrize(("name", "text"), [("deep.yaml", "[" * 1000 + "]" * 1000), ("deep.json", "[" * 100_000)],
                         ids=["yaml", "json"])
def test_a_deeply_nested_requirements_file_is_one_line(tmp_path, name, text, cli):
    path = tmp_path / name
    path.write_text(text)
    assert_refused(cli("recommend", "--requirements", str(path)), "--requirements")


@pytest.mark.parametrize("variable", ["TRADEOFF_DATA_DIR", "TRADEOFF_LOG_DIR", "TRADEOFF_CONFIG_DIR"])
def test_a_folder_setting_that_names_a_file_is_one_line(tmp_path, variable, cli):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert_refused(cli("sessions", env={variable: str(blocker / "tradeoff")}), variable)


def _numeric_options() -> list[tuple[list[str], str]]:
    """Every (subcommand path, option) whose value goes through the number validator, found in the
    real parser, so a command added later is covered without editing this list."""
    import argparse

    from tui.cli import build_parser

    found: list[tuple[list[str], str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, [*path, name])
            elif getattr(action.type, "__name__", "") in ("number", "whole number") and action.option_strings:
                found.append((path, action.option_strings[0]))

    walk(build_parser(), [])
    return found


NUMERIC = _numeric_options()


@pytest.mark.parametrize(("path", "option"), NUMERIC, ids=[" ".join([*p, o]) for p, o in NUMERIC])
def test_every_numeric_option_refuses_a_400_digit_value(path, option, cli):
    assert_refused(cli(*path, option, HUGE), option)


NUMBER_LIKE = r"\A\$?[0-9][0-9,_]{0,420}(\.[0-9]{0,5})?\s?(k|m|b|bn|million)?\Z"


@given(st.one_of(st.text(max_size=300), st.from_regex(NUMBER_LIKE)))
def test_the_number_validator_gives_a_finite_value_in_range_or_refuses(text):
    import argparse
    import math

    from tui.cli.common import number

    for parse, low, high in ((number(0, 1e10), 0, 1e10), (number(1, 100, whole=True), 1, 100),
                             (number(0, 3600, above=True), 0, 3600)):  # fmt: skip
        try:
            value = parse(text)
        except argparse.ArgumentTypeError as exc:
            assert "\n" not in str(exc)
            continue
        assert math.isfinite(value) and low <= value <= high
