"""Issue #16 end to end on real models: `tradeoff eval --save` of SmolLM2-135M and Gemma-3-270M
(llama.cpp on loopback), `tradeoff route` on those results, `tradeoff export --format litellm
--routing`, and the exported config loaded in LiteLLM's Router serving requests to both models."""

from __future__ import annotations

import asyncio
import json

import pytest
import yaml

from agent.record.litellm_config import escalating_completion
from agent.trials.local_servers import start_server
from tests.integration.test_trials_local import free_port_pair
from tui.cli import main

CHEAP, STRONG = "local/smollm2-135m", "local/gemma3-270m"
TESTS = [
    {"id": "colour", "prompt": "Name one colour. Answer with one word.", "tags": ["simple"],
     "assert": [{"type": "max-length", "value": 200}]},
    {"id": "json", "prompt": 'Reply with only this JSON: {"ok": true}', "tags": ["json"],
     "assert": [{"type": "is-json"}]},
    {"id": "digits", "prompt": "Write the year 2024 in digits.", "tags": ["simple"],
     "assert": [{"type": "regex", "value": "\\d"}]},
    {"id": "hello", "prompt": "Say hello.", "tags": ["simple"], "assert": [{"type": "icontains", "value": "hello"}]},
    {"id": "explain", "prompt": "Explain step by step why ice floats on water.", "tags": ["hard"],
     "assert": [{"type": "max-length", "value": 60}, {"type": "icontains", "value": "dens"}]},
    {"id": "list", "prompt": "List three fruits as a JSON array.", "tags": ["json"],
     "assert": [{"type": "json-schema", "value": {"type": "array"}}]},
]  # fmt: skip


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    base = free_port_pair()
    server = start_server(tmp_path_factory.mktemp("local"), base, wait_seconds=120)
    yield base
    server.stop()


@pytest.fixture
def env(tmp_path, monkeypatch, port):
    monkeypatch.setenv("TRADEOFF_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRADEOFF_LOCAL_PORT", str(port))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    return tmp_path


def test_eval_route_export_and_a_litellm_router_serving_both_models(env, capsys):
    tests = env / "tests.jsonl"
    tests.write_text("".join(json.dumps(t) + "\n" for t in TESTS))
    results = env / "eval.json"
    assert main(["eval", "--models", f"{CHEAP},{STRONG}", "--tests", str(tests), "--save", str(results),
                 "--max-tokens", "32", "--no-cache"]) == 0  # fmt: skip
    saved = json.loads(results.read_text())
    assert [c["id"] for c in saved["cases"]] == [t["id"] for t in TESTS]
    cells = [cell for row in saved["matrix"].values() for cell in row.values()]
    assert all(cell["error"] is None and cell["output_tokens"] and cell["input_tokens"] for cell in cells)
    capsys.readouterr()

    priced = ["--priced-as", f"{CHEAP}=gpt-4.1-nano", "--priced-as", f"{STRONG}=gpt-4.1"]
    assert main(["route", "--results", str(results), "--models", f"{CHEAP},{STRONG}", *priced,
                 "--requests-per-day", "20k", "--json"]) == 0  # fmt: skip
    route = json.loads(capsys.readouterr().out)
    names = {r["name"]: r for r in route["routers"]}
    assert {"oracle", "cascade", "heuristic", f"{STRONG} alone", f"{CHEAP} alone"} <= set(names)
    cheap, strong = names[f"{CHEAP} alone"], names[f"{STRONG} alone"]
    assert cheap["saving_vs_strong"] > 0.9  # gpt-4.1-nano is 20x cheaper than gpt-4.1 per token
    assert names["oracle"]["pass_rate"] >= max(cheap["pass_rate"], strong["pass_rate"])
    assert 1 <= names["cascade"]["calls_per_request"] <= 2
    assert route["curve"][0]["strong_share"] == 0 and route["curve"][-1]["strong_share"] == 1
    route_file = env / "route.json"
    route_file.write_text(json.dumps(route))

    config_file = env / "router.yaml"
    assert main(["export", "--format", "litellm", "--routing", str(route_file), "--router", "cascade",
                 "-o", str(config_file)]) == 0  # fmt: skip
    text = config_file.read_text()
    assert text.startswith("# LiteLLM Router config") and "escalating_completion" in text
    config = yaml.safe_load(text)
    assert [m["litellm_params"]["model"] for m in config["model_list"]] == ["openai/smollm2-135m",
                                                                           "openai/gemma3-270m"]  # fmt: skip
    assert config["router_settings"]["fallbacks"] == [{"tier-1": ["tier-2"]}]

    import litellm

    router = litellm.Router(model_list=config["model_list"], **config["router_settings"])
    messages = [{"role": "user", "content": "Say hello."}]
    step = config["tradeoff_routing"]
    # A check every answer passes: the cheap tier serves. One no answer passes: it escalates.
    every = [{"type": "max-length", "value": 10_000}]
    served, called = asyncio.run(escalating_completion(router, step, messages, every, max_tokens=8))
    assert called == ["tier-1"] and served.choices[0].message.content
    served, called = asyncio.run(escalating_completion(router, step, messages, [{"type": "max-length", "value": 0}],
                                                       max_tokens=8))  # fmt: skip
    assert called == ["tier-1", "tier-2"] and "gemma3-270m" in served.model

    # An error on the cheap tier falls back to the next one (the config's fallbacks).
    broken = json.loads(json.dumps(config["model_list"]))
    broken[0]["litellm_params"]["api_base"] = f"http://127.0.0.1:{free_port_pair()}/v1"
    fallback = litellm.Router(model_list=broken, **config["router_settings"])
    response = fallback.completion(model="tier-1", messages=messages, max_tokens=8)
    assert "gemma3-270m" in response.model

