"""Which environment variable holds each provider's API key (names only; values are never read here)."""

from __future__ import annotations

API_KEY_VARIABLES = {
    "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "gemini": "GEMINI_API_KEY",
    "mistral": "MISTRAL_API_KEY", "deepseek": "DEEPSEEK_API_KEY", "together_ai": "TOGETHERAI_API_KEY",
    "deepinfra": "DEEPINFRA_API_KEY", "fireworks_ai": "FIREWORKS_AI_API_KEY", "groq": "GROQ_API_KEY",
    "azure": "AZURE_API_KEY", "azure_ai": "AZURE_AI_API_KEY",
}  # fmt: skip


def key_variable(model: str) -> str | None:
    """The key variable for a litellm model string's provider prefix (bare claude-* names are Anthropic's,
    other bare names, gpt-* and o*, OpenAI's)."""
    prefix = model.split("/", 1)[0] if "/" in model else "anthropic" if model.startswith("claude") else "openai"
    return API_KEY_VARIABLES.get(prefix)
