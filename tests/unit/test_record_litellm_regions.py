"""The LiteLLM config a decision exports reaches each route's provider with its own credentials, and a
region-locked decision pins the clouds that take a region: a Bedrock or Vertex route left to its default
would run in the US whatever the lock said."""

from __future__ import annotations

import pytest
import yaml

from agent.advisor.state import AdvisorState, ChatMessage
from agent.record.decision import DecisionRecord, build_record, litellm_config
from agent.record.provider_params import provider_params
from tests.conftest import TODAY


def record_with(catalog, chain: list[str], requirements: dict) -> DecisionRecord:
    state = AdvisorState(messages=[ChatMessage(role="user", content="a chat bot")], requirements=requirements)
    return build_record(state, catalog, TODAY).model_copy(update={"fallback_chain": chain})


def params(config: dict) -> list[dict]:
    return [item["litellm_params"] for item in config["model_list"]]


@pytest.mark.parametrize(("bloc", "bedrock", "vertex"), [("eu", "eu-central-1", "europe-west4"),
                                                         ("us", "us-east-1", "us-central1")])  # fmt: skip
def test_a_lock_pins_bedrock_and_vertex_to_a_region_it_allows(catalog, bloc, bedrock, vertex):
    chain = ["bedrock/anthropic.claude-opus-4-7", "vertex_ai/claude-sonnet-4-6"]
    record = record_with(catalog, chain, {"task": "chat", "privacy": "region-locked", "regions": [bloc]})
    first, second = params(litellm_config(record, catalog))
    assert first["aws_region_name"] == bedrock and first["aws_access_key_id"] == "os.environ/AWS_ACCESS_KEY_ID"
    assert second["vertex_location"] == vertex and second["vertex_project"] == "os.environ/VERTEXAI_PROJECT"


def test_eu_residency_pins_the_eu_too():
    extra, note = provider_params("bedrock", ["eu", "us"])
    assert extra["aws_region_name"] == "eu-central-1" and note and "eu/us" in note  # the stricter of the two


def test_without_a_lock_the_region_is_the_environments():
    extra, note = provider_params("bedrock", [])
    assert extra["aws_region_name"] == "os.environ/AWS_REGION_NAME" and note is None


def test_each_provider_gets_its_own_key_and_no_value(catalog):
    chain = ["claude-sonnet-4-6", "azure/gpt-5.4-mini", "mistral/mistral-large-latest"]
    record = record_with(catalog, chain, {"task": "chat"})
    anthropic, azure, mistral = params(litellm_config(record, catalog))
    assert anthropic["api_key"] == "os.environ/ANTHROPIC_API_KEY"
    assert azure["api_key"] == "os.environ/AZURE_API_KEY" and azure["api_version"] == "os.environ/AZURE_API_VERSION"
    assert mistral["api_key"] == "os.environ/MISTRAL_API_KEY"


def test_an_eu_locked_config_loads_in_litellm_with_the_region_it_pins(catalog, monkeypatch):
    import litellm

    record = record_with(catalog, ["bedrock/anthropic.claude-opus-4-7", "vertex_ai/claude-sonnet-4-6"],
                         {"task": "chat", "privacy": "region-locked", "regions": ["eu"]})  # fmt: skip
    config = yaml.safe_load(yaml.safe_dump(litellm_config(record, catalog)))
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "VERTEXAI_PROJECT"):
        monkeypatch.setenv(name, "placeholder-for-the-test")
    router = litellm.Router(model_list=config["model_list"], **config["router_settings"])
    deployment = router.get_deployment(model_id=router.model_list[0]["model_info"]["id"])
    assert deployment.litellm_params.aws_region_name == "eu-central-1"
    assert "eu" in router.model_list[0]["model_info"]["tradeoff_region"]


def test_a_routing_configs_tiers_get_their_providers_credentials():
    from agent.record.litellm_config import routing_config

    route = {"tiers": ["cheap", "strong"], "routers": [{"name": "cascade", "rule": {"checks": []}}]}
    providers = {"cheap": "bedrock", "strong": "anthropic"}
    config = routing_config(route, "cascade", lambda model: ({"cheap": "bedrock/amazon.nova-micro-v1:0",
                                                               "strong": "claude-sonnet-4-6"}[model], None),
                            providers.get)  # fmt: skip
    cheap, strong = params(config)
    assert cheap["aws_secret_access_key"] == "os.environ/AWS_SECRET_ACCESS_KEY" and "api_key" not in cheap
    assert strong["api_key"] == "os.environ/ANTHROPIC_API_KEY"
