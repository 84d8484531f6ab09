"""Which variable holds a provider's key, from a litellm model string."""

from __future__ import annotations

import pytest

from agent.provider_keys import key_variable


@pytest.mark.parametrize(
    ("model", "variable"),
    [("gpt-5.4-mini", "OPENAI_API_KEY"), ("o3", "OPENAI_API_KEY"), ("claude-sonnet-4-6", "ANTHROPIC_API_KEY"),
     ("anthropic/claude-opus-4-7", "ANTHROPIC_API_KEY"),
     ("deepinfra/deepseek-ai/DeepSeek-V4-Flash", "DEEPINFRA_API_KEY"), ("hosted_vllm/mistral-small-latest", None)],
)  # fmt: skip
def test_a_models_key_variable_follows_its_provider(model, variable):
    assert key_variable(model) == variable
