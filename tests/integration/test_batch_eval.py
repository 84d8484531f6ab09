"""Batch trials: test-set formats, assertions, the response cache, statistics and the swapped judge."""

from __future__ import annotations

import asyncio
import json

import pytest

from agent.trials.batch import ResponseCache, TestSetError, judge_top_two, load_tests, run_batch
from agent.trials.engine import TrialEngine
from tests import fault_server


@pytest.fixture(scope="module")
def endpoint():
    server, url = fault_server.start()
    yield url
    server.shutdown()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_the_three_formats_load(tmp_path):
    jsonl = write(
        tmp_path, "t.jsonl", json.dumps({"id": "a", "prompt": "hi", "assert": [{"type": "contains", "value": "x"}]})
    )
    csv = write(tmp_path, "t.csv", "id,prompt,expected\nb,hello,world\n")
    yaml = write(
        tmp_path, "t.yaml",
        "prompts: ['Say {{word}}']\nproviders: ['litellm:openai/x']\ntests:\n  - description: w\n"
        "    vars: {word: hello}\n    assert: [{type: equals, value: 'hello'}]\n",
    )  # fmt: skip
    assert load_tests(jsonl)[0][0].asserts == [{"type": "contains", "value": "x"}]
    assert load_tests(csv)[0][0].asserts == [{"type": "contains", "value": "world"}]
    cases, providers = load_tests(yaml)
    assert cases[0].prompt == "Say hello" and providers == ["openai/x"]


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.jsonl", "{nope", "not valid JSON"),
        ("bad.jsonl", json.dumps({"prompt": ""}), "has no 'prompt'"),
        ("bad.jsonl", json.dumps({"prompt": "x", "assert": [{"type": "smells-nice"}]}), "unknown assertion"),
        ("bad.yaml", "prompts: []\ntests: []\n", "needs 'prompts' and 'tests'"),
        ("bad.txt", "x", "use .jsonl, .csv"),
    ],
)
def test_bad_test_files_are_explained(tmp_path, name, text, message):
    with pytest.raises(TestSetError, match=message):
        load_tests(write(tmp_path, name, text))


def test_matrix_assertions_cache_and_statistics(tmp_path, endpoint):
    tests = [
        {"id": "has-alpha", "prompt": "x", "assert": [{"type": "contains", "value": "alpha"}]},
        {"id": "regex", "prompt": "y", "assert": [{"type": "regex", "value": "^alpha .* epsilon$"}]},
        {"id": "json", "prompt": "z", "assert": [{"type": "is-json"}]},
        {"id": "fast", "prompt": "w", "assert": [{"type": "max-latency", "value": 10000}]},
    ]
    path = write(tmp_path, "t.jsonl", "\n".join(json.dumps(t) for t in tests))
    cases, _ = load_tests(path)
    cache = ResponseCache(tmp_path / "cache.sqlite")
    models = ["openai/healthy", "openai/server-error"]
    first = asyncio.run(run_batch(cases, models, TrialEngine(), cache, concurrency=2, api_base=endpoint))
    rates = first.pass_rates()
    assert rates["openai/healthy"]["passed"] == 3  # not JSON
    assert rates["openai/server-error"]["passed"] == 0
    assert first.matrix["openai/healthy"]["json"]["reasons"] == ["not JSON"]
    top = first.top_two_test()
    assert (top["a"], top["only_a"], top["only_b"]) == ("openai/healthy", 3, 0)
    assert top["p_value"] == pytest.approx(0.25)
    again = asyncio.run(run_batch(cases, models, TrialEngine(), cache, concurrency=2, api_base=endpoint))
    assert again.cached == 4  # the healthy answers were cached; failed ones are asked again
    assert again.matrix["openai/healthy"] == {
        k: {**v, "cached": True} for k, v in first.matrix["openai/healthy"].items()
    }


def test_the_judge_swaps_positions_and_is_labelled(tmp_path, endpoint):
    path = write(tmp_path, "t.jsonl", json.dumps({"id": "a", "prompt": "x"}))
    cases, _ = load_tests(path)
    result = asyncio.run(run_batch(cases, ["openai/healthy", "openai/rate-limited-once"], TrialEngine(), None,
                                   api_base=endpoint))  # fmt: skip
    # A judge that always prefers the first slot shows position bias: the swap exposes it.
    verdict = asyncio.run(judge_top_two(cases, result, "gpt-4.1-mini", "accuracy", mock_response="1"))
    assert verdict["tally"]["inconsistent"] == 1 and "judge" in verdict["label"]


def test_the_judge_compares_mcnemars_top_two_and_skips_a_model_that_failed_everything(tmp_path, endpoint):
    tests = [{"id": f"t{i}", "prompt": "x", "assert": [{"type": "contains", "value": "alpha"}]} for i in range(2)]
    cases, _ = load_tests(write(tmp_path, "t.jsonl", "\n".join(json.dumps(t) for t in tests)))
    # Tied pass rates: the pair is the one McNemar's test names (ties broken by name), not list order.
    models = ["openai/rate-limited-once", "openai/healthy", "openai/server-error"]
    result = asyncio.run(run_batch(cases, models, TrialEngine(), None, api_base=endpoint))
    top = result.top_two_test()
    verdict = asyncio.run(judge_top_two(cases, result, "gpt-4.1-mini", "accuracy", mock_response="tie"))
    assert (verdict["a"], verdict["b"]) == (top["a"], top["b"]) == ("openai/healthy", "openai/rate-limited-once")
    assert verdict["tally"]["tie"] == 2
    # When one of the two failed every test there is nothing to judge: no judge call is made.
    failing = asyncio.run(run_batch(cases, ["openai/healthy", "openai/server-error"], TrialEngine(), None,
                                    api_base=endpoint))  # fmt: skip
    skipped = asyncio.run(judge_top_two(cases, failing, "no-such/judge", "accuracy"))
    assert skipped["tally"] == {} and "openai/server-error failed every test" in skipped["skipped"]
