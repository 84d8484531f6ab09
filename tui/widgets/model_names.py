"""The trial screen's model field: any LiteLLM model strings, comma separated, completed from the catalog."""

from __future__ import annotations

from collections.abc import Sequence

from textual.suggester import Suggester

MIN_MODELS, MAX_MODELS = 2, 4


def parse_models(text: str) -> tuple[list[str], str | None]:
    """The models typed, and what is wrong with them (None when they will do)."""
    models = [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]
    if not MIN_MODELS <= len(models) <= MAX_MODELS:
        return models, f"A trial needs {MIN_MODELS} to {MAX_MODELS} models, comma separated (got {len(models)})."
    if len(set(models)) != len(models):
        return models, "Each model may appear once in a trial."
    if any(" " in model for model in models):
        return models, "Model strings have no spaces: separate them with commas (openai/a, local/gemma3-270m)."
    return models, None


class ModelNames(Suggester):
    """Completes the model being typed (the text after the last comma) from known names, by prefix;
    right arrow accepts, as in any Input."""

    def __init__(self, names: Sequence[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self.names = sorted(set(names))

    async def get_suggestion(self, value: str) -> str | None:
        typing = value.rpartition(",")[2]
        typed = typing.lstrip()
        if len(typed) < 2:
            return None
        lowered = typed.lower()
        match = next((name for name in self.names if name.lower().startswith(lowered)), None)
        if match is None or match == typed:
            return None
        return value[: len(value) - len(typed)] + typed + match[len(typed) :]
