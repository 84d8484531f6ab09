"""Decision records: golden Markdown, JSON round-trip into a session, a LiteLLM Router that loads
the exported config, recheck verdicts against modified catalogs, and no secret anywhere."""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml

from agent.advisor.nodes import AdvisorTools
from agent.advisor.sessions import Advisor
from agent.record.decision import RECORD_SCHEMA_VERSION, DecisionRecord, build_record, litellm_config
from agent.record.markdown import render_markdown
from agent.record.recheck import recheck
from catalog.build import build_catalog
from catalog.sources import bundled_price_map_path, read_json_map, read_overlay
from knowledge.lexical import terms
from tests.cli_inprocess import run_cli
from tests.conftest import TODAY

GOLDEN = Path(__file__).parents[1] / "golden" / "record.md"
FIXED_SESSION = [
    "Customer support chatbot for our shop, 50k chats a day, answers within 1 second, $2,000 a month, not sensitive",
]


@pytest.fixture
def advisor(catalog, tmp_path):
    tools = AdvisorTools(catalog=catalog, today=TODAY, terms=terms)
    advisor = Advisor(tools, tmp_path / "sessions.sqlite")
    yield advisor
    advisor.close()


@pytest.fixture
def record(advisor, catalog) -> DecisionRecord:
    result = advisor.turn(FIXED_SESSION[0])
    advisor.record_trial(result.session, [{"model": "local/smollm2-135m", "run": 1, "ttft_ms": 812.0,
                                            "tokens_per_s": 48.5, "output_tokens": 40, "cost_usd": 0.0}])  # fmt: skip
    advisor.record_vote(result.session, {"models": ["a", "b"], "winner": "a", "vote": "A"})
    return build_record(advisor.state(result.session), catalog, TODAY, session="golden")


def test_markdown_matches_the_golden_file(record):
    text = render_markdown(record)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text()
    for heading in ("## Context and problem statement", "## Decision drivers", "### How the requirements came about",
                    "## Considered options", "### What the quality figures rest on", "## Decision outcome",
                    "### Consequences", "## Eliminated models", "## Cost projection", "## Trial evidence",
                    "## Fallback chain", "## Re-evaluation", "## Citations"):  # fmt: skip
        assert heading in text


def test_json_round_trips_and_loads_back_into_a_session(record, advisor):
    again = DecisionRecord.model_validate_json(record.model_dump_json())
    assert again == record and again.schema_version == RECORD_SCHEMA_VERSION
    imported = advisor.import_record(again)
    state = advisor.state(imported.session)
    assert state.requirements == {k: v for k, v in record.requirements.items() if k in record.stated}
    assert state.trials == record.trials and state.votes == record.votes
    assert state.ranking["ranked"][0]["model"] == record.chosen
    assert state.messages[0].content == FIXED_SESSION[0]


def test_the_router_config_loads_in_litellm(record, catalog, monkeypatch):
    import litellm

    config = yaml.safe_load(yaml.safe_dump(litellm_config(record, catalog)))
    for item in config["model_list"]:
        key = item["litellm_params"].get("api_key", "")
        if key.startswith("os.environ/"):
            monkeypatch.setenv(key.split("/", 1)[1], "placeholder-for-the-test")
    router = litellm.Router(model_list=config["model_list"], **config["router_settings"])
    assert router.model_list[0]["model_name"] == "primary"
    assert router.fallbacks == [{"primary": [item["model_name"] for item in config["model_list"][1:]]}]
    assert router.num_retries == 2


def modified_catalog(change):
    price_map = copy.deepcopy(read_json_map(bundled_price_map_path()))
    change(price_map)
    return build_catalog(price_map, read_overlay(), version="modified map")


def test_recheck_is_still_good_on_the_same_catalog(record, catalog):
    assert recheck(record, catalog, TODAY)["verdict"] == "still-good"


def test_recheck_says_review_when_a_price_moves(record):
    def dearer(price_map):
        price_map[record.fallback_chain[1]]["output_cost_per_token"] *= 1.5

    result = recheck(record, modified_catalog(dearer), TODAY)
    assert result["verdict"] == "review"
    assert any("output price changed" in f["message"] for f in result["findings"])


def test_recheck_says_act_when_the_choice_is_deprecated(record):
    def retire(price_map):
        price_map[record.chosen]["deprecation_date"] = "2026-11-01"

    result = recheck(record, modified_catalog(retire), TODAY)
    assert result["verdict"] == "act" and any("deprecated" in f["message"] for f in result["findings"])


def test_recheck_says_act_when_a_model_now_dominates(record):
    def bargain(price_map):
        for key in ("gemini/gemini-2.5-flash-lite",):
            price_map[key]["input_cost_per_token"] /= 100
            price_map[key]["output_cost_per_token"] /= 100

    result = recheck(record, modified_catalog(bargain), TODAY)
    assert result["verdict"] in ("act", "review")
    assert any("gemini-2.5-flash-lite" in f["message"] for f in result["findings"])


def test_recheck_command_exits_1_on_act(record, tmp_path):
    path = tmp_path / "record.json"
    stale = record.model_copy(update={"chosen": "no-longer-a-model"})
    path.write_text(stale.model_dump_json())
    out = run_cli("recheck", str(path))
    assert out.returncode == 1 and out.stdout.startswith("ACT")
